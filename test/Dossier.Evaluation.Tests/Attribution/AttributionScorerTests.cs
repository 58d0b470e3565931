using Dossier.Corpora.PolNear;
using Dossier.Evaluation.Attribution;
using Dossier.Evaluation.Scoring;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Evaluation.Tests.Attribution;

public sealed class AttributionScorerTests
{
    // “The port is open,” she said. “Ships are moving again.” — one cue, a quotation in two pieces.
    private const string Text = "“The port is open,” she said. “Ships are moving again.”";

    private static TextSpan Span(string part)
    {
        var start = Text.IndexOf(part, StringComparison.Ordinal);
        return new TextSpan(start, start + part.Length);
    }

    private static Document Predicted(params Quote[] quotes) => new Document("t", Text) with { Quotes = [.. quotes] };

    private static Quote Quote(string content, string rule) =>
        new(Span(content), QuoteKind.Direct, Span("said"), Span("she"), null, null, new Provenance("quotes", rule));

    // PolNeAR annotates the two pieces as one attribution with a discontinuous content.
    private static readonly PolNearArticle Gold = new("t", Text,
        [new GoldAttribution([Span("“The port is open,”"), Span("“Ships are moving again.”")], [Span("said")], [Span("she")])]);

    [Fact]
    public void Quotes_sharing_a_cue_match_one_discontinuous_gold_attribution_when_joined()
    {
        var document = Predicted(Quote("“The port is open,”", "direct/cue-after"), Quote("“Ships are moving again.”", "direct/continuation"));

        var joined = AttributionScorer.Score(document, Gold, joinSharedCues: true);
        Assert.Equal(new PrfScore(1, 1, 1), joined.Attributions);
        Assert.Equal(1, joined.SourceOverlap);

        // Unjoined, the second piece is a prediction no gold attribution is left for.
        var separate = AttributionScorer.Score(document, Gold);
        Assert.Equal(new PrfScore(1, 2, 1), separate.Attributions);
    }

    [Fact]
    public void Quotes_with_different_cues_stay_separate_predictions_when_joined()
    {
        var other = new Quote(Span("“Ships are moving again.”"), QuoteKind.Direct, Span("open"), null, null, null, new Provenance("quotes", "x"));
        var document = Predicted(Quote("“The port is open,”", "direct/cue-after"), other);

        Assert.Equal(2, AttributionScorer.Score(document, Gold, joinSharedCues: true).Attributions.Predicted);
    }
}
