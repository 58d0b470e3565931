using System.Collections.Immutable;
using Dossier.Corpora.PolNear;
using Dossier.Evaluation.Scoring;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Evaluation.Attribution;

/// <summary>Attribution scores over a corpus.</summary>
/// <param name="Attributions">Predicted vs gold attributions, matched one-to-one by content overlap.</param>
/// <param name="ContentTokens">Tokens inside any predicted content vs inside any gold content.</param>
/// <param name="CueCorrect">Matched pairs whose cues overlap.</param>
/// <param name="SourceExact">Matched pairs with a gold source whose source spans are identical.</param>
/// <param name="SourceOverlap">Matched pairs with a gold source whose source spans overlap.</param>
/// <param name="WithGoldSource">Matched pairs whose gold attribution has a source.</param>
/// <param name="QuotedRecall">Recall over gold contents that contain quotation marks (direct and mixed).</param>
/// <param name="UnquotedRecall">Recall over gold contents without quotation marks (indirect).</param>
public sealed record AttributionScores(
    PrfScore Attributions, PrfScore ContentTokens, int CueCorrect, int SourceExact, int SourceOverlap, int WithGoldSource,
    PrfScore QuotedRecall, PrfScore UnquotedRecall)
{
    /// <summary>Share of matched attributions whose cue overlaps the gold cue.</summary>
    public double CueAccuracy => Attributions.Correct == 0 ? 0 : (double)CueCorrect / Attributions.Correct;

    /// <summary>Share of matched attributions (with a gold source) whose source span is exactly the gold one.</summary>
    public double SourceExactAccuracy => WithGoldSource == 0 ? 0 : (double)SourceExact / WithGoldSource;

    /// <summary>Share of matched attributions (with a gold source) whose source overlaps the gold one.</summary>
    public double SourceOverlapAccuracy => WithGoldSource == 0 ? 0 : (double)SourceOverlap / WithGoldSource;
}

/// <summary>
/// Scores predicted quotes against PolNeAR gold attributions. A prediction and a gold attribution
/// match when their contents overlap; pairs are matched one-to-one, largest overlap first. Content
/// token F1 compares the sets of document tokens inside predicted and gold contents.
/// </summary>
public static class AttributionScorer
{
    /// <summary>
    /// Scores one article; add the results over a corpus. With <paramref name="joinSharedCues"/>, quotes that share a cue
    /// (a quotation continued after "he said" and in the next paragraphs) are one predicted attribution with several
    /// content spans, as PolNeAR annotates them (one attribution per cue, its content in pieces).
    /// </summary>
    public static AttributionScores Score(Document predicted, PolNearArticle gold, bool joinSharedCues = false)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var quotes = joinSharedCues ? JoinSharedCues(predicted.Quotes) : [.. predicted.Quotes.Select(quote => new Predicted(quote, [quote.Content]))];
        var golds = gold.Attributions;
        var pairs = new List<(int Overlap, int P, int G)>();
        for (var p = 0; p < quotes.Length; p++)
        {
            for (var g = 0; g < golds.Length; g++)
            {
                var overlap = quotes[p].Content.Sum(span => Overlap(span, golds[g].Content));
                if (overlap > 0)
                {
                    pairs.Add((overlap, p, g));
                }
            }
        }

        pairs.Sort((a, b) => b.Overlap != a.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.P != b.P ? a.P.CompareTo(b.P) : a.G.CompareTo(b.G));
        var predictedUsed = new bool[quotes.Length];
        var goldUsed = new bool[golds.Length];
        int matched = 0, cue = 0, sourceExact = 0, sourceOverlap = 0, withSource = 0;
        foreach (var (_, p, g) in pairs)
        {
            if (predictedUsed[p] || goldUsed[g])
            {
                continue;
            }

            predictedUsed[p] = goldUsed[g] = true;
            matched++;
            var quote = quotes[p].Quote;
            var reference = golds[g];
            if ((quote.Cue is { } predictedCue && Overlap(predictedCue, reference.Cue) > 0) || (quote.Cue is null && reference.Cue.IsEmpty))
            {
                cue++;
            }

            if (!reference.Source.IsEmpty)
            {
                withSource++;
                if (quote.Source is { } source)
                {
                    sourceExact += reference.Source.Length == 1 && reference.Source[0] == source ? 1 : 0;
                    sourceOverlap += Overlap(source, reference.Source) > 0 ? 1 : 0;
                }
            }
        }

        var quoted = new PrfScore(0, 0, 0);
        var unquoted = new PrfScore(0, 0, 0);
        for (var g = 0; g < golds.Length; g++)
        {
            var hasMarks = golds[g].Content.Any(span => gold.Text.AsSpan(span.Start, span.Length).ContainsAny("“”\""));
            var score = new PrfScore(goldUsed[g] ? 1 : 0, 0, 1);
            if (hasMarks)
            {
                quoted += score;
            }
            else
            {
                unquoted += score;
            }
        }

        return new AttributionScores(
            new PrfScore(matched, quotes.Length, golds.Length),
            TokenScore(predicted, predicted.Quotes, golds),
            cue, sourceExact, sourceOverlap, withSource, quoted, unquoted);
    }

    /// <summary>Adds two sets of scores.</summary>
    public static AttributionScores Add(AttributionScores left, AttributionScores right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new AttributionScores(
            left.Attributions + right.Attributions, left.ContentTokens + right.ContentTokens, left.CueCorrect + right.CueCorrect,
            left.SourceExact + right.SourceExact, left.SourceOverlap + right.SourceOverlap, left.WithGoldSource + right.WithGoldSource,
            left.QuotedRecall + right.QuotedRecall, left.UnquotedRecall + right.UnquotedRecall);
    }

    /// <summary>A predicted attribution: the quote that carries its cue and source, and its content spans.</summary>
    private readonly record struct Predicted(Quote Quote, List<TextSpan> Content);

    private static ImmutableArray<Predicted> JoinSharedCues(ImmutableArray<Quote> quotes)
    {
        var joined = new List<Predicted>();
        var byCue = new Dictionary<TextSpan, int>();
        foreach (var quote in quotes)
        {
            if (quote.Cue is { } cue && byCue.TryGetValue(cue, out var index))
            {
                joined[index].Content.Add(quote.Content);
                continue;
            }

            if (quote.Cue is { } newCue)
            {
                byCue[newCue] = joined.Count;
            }

            joined.Add(new Predicted(quote, [quote.Content]));
        }

        return [.. joined];
    }

    private static int Overlap(TextSpan span, IEnumerable<TextSpan> others)
    {
        var total = 0;
        foreach (var other in others)
        {
            total += Math.Max(0, Math.Min(span.End, other.End) - Math.Max(span.Start, other.Start));
        }

        return total;
    }

    private static PrfScore TokenScore(Document document, IReadOnlyList<Quote> quotes, IReadOnlyList<GoldAttribution> golds)
    {
        int inPredicted = 0, inGold = 0, inBoth = 0;
        foreach (var token in document.Tokens)
        {
            var p = quotes.Any(quote => quote.Content.Contains(token.Span));
            var g = golds.Any(gold => gold.Content.Any(span => span.Contains(token.Span)));
            inPredicted += p ? 1 : 0;
            inGold += g ? 1 : 0;
            inBoth += p && g ? 1 : 0;
        }

        return new PrfScore(inBoth, inPredicted, inGold);
    }
}
