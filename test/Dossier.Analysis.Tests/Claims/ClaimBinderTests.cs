using Dossier.Analysis.Attribution;
using Dossier.Analysis.Claims;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Entities;
using Dossier.Analysis.Numbers;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Claims;

public sealed class ClaimBinderTests
{
    private static Document AnalyzeSeed()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt"));
        var pipeline = new PipelineBuilder()
            .Add(new ParagraphSegmenter(ArticleLayout.Article))
            .Add(new Tokenizer())
            .Add(new SentenceSplitter())
            .Add(new PosTagger())
            .Add(new DependencyParser())
            .Add(EntityRecognizer.LoadDefault())
            .Add(new QuantityFinder())
            .Add(new TimeExpressionFinder())
            .Add(new QuoteAttributor())
            .Add(new ClaimBinder())
            .Build();
        return pipeline.Process(new Document("seed", text, new DocumentMetadata(Outlet: "RT", Published: new DateOnly(2017, 12, 23))), TestContext.Current.CancellationToken);
    }

    private static string Text(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : "-";

    [Fact]
    public void Seed_article_yields_the_five_strength_claims_with_intervals_places_and_claimants()
    {
        var document = AnalyzeSeed();
        var claims = document.Claims.Select(claim =>
            $"{Text(document, claim.Subject)} | {claim.Measure} | {claim.Quantity.Interval} | {Text(document, claim.Place)} | {(claim.Time is { } time ? document.TextOf(time.Span) : "-")} | {claim.Trend} | {Text(document, claim.Claimant)}");
        Assert.Equal(
        [
            "ISIS | fighters | (10000, ∞) | Afghanistan | - | None | Moscow",
            "Islamic State | fighters | (10000, ∞) | Afghanistan | - | None | Zamir Kabulov",
            "ISIS | fighters | [0, 10000] | Afghanistan | at the moment | None | Zamir Kabulov",
            "ISIS | fighters | (10000, ∞) | Afghanistan | - | Increasing | Zamir Kabulov",
            "Taliban | territory-share | [0.5, 0.5] | Afghanistan | - | None | Zamir Kabulov",
        ], claims);
    }
}
