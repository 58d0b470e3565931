using System.Text;

namespace Dossier.Evaluation.Extraction;

/// <summary>
/// Token counts of one document in the article-extraction benchmark's metric: the multiset of
/// 4-word shingles of the prediction compared with that of the ground truth.
/// </summary>
/// <param name="TruePositives">Shingles in both (the smaller count of each).</param>
/// <param name="FalsePositives">Predicted shingles beyond those in the ground truth.</param>
/// <param name="FalseNegatives">Ground-truth shingles the prediction misses.</param>
public readonly record struct ShingleCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Precision as the benchmark defines it: 1 when nothing was predicted wrongly or missed, 0 when nothing was predicted right.</summary>
    public double Precision =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalsePositives == 0 ? 0
        : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall as the benchmark defines it, with the same edge cases.</summary>
    public double Recall =>
        FalsePositives == 0 && FalseNegatives == 0 ? 1
        : TruePositives == 0 && FalseNegatives == 0 ? 0
        : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>Precision, recall and F1 over a benchmark: P and R are means over documents, F1 is their harmonic mean.</summary>
/// <param name="Precision">Mean per-document precision.</param>
/// <param name="Recall">Mean per-document recall.</param>
/// <param name="Documents">How many documents were scored.</param>
public readonly record struct ExtractionScore(double Precision, double Recall, int Documents)
{
    /// <summary>2PR / (P + R) of the means, as the benchmark reports it.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Averages per-document counts the way the benchmark does.</summary>
    public static ExtractionScore Average(IReadOnlyCollection<ShingleCounts> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return new ExtractionScore(0, 0, 0);
        }

        return new ExtractionScore(documents.Average(d => d.Precision), documents.Average(d => d.Recall), documents.Count);
    }
}

/// <summary>
/// The metric of the Zyte (scrapinghub) article-extraction benchmark, reimplemented: text is split
/// into <c>\w+</c> tokens as Python's <c>re</c> defines <c>\w</c> (letters, numbers, underscore — no
/// lower-casing), consecutive tokens form 4-word shingles, and prediction and truth are compared as
/// multisets (a text shorter than four tokens is one shingle of all its tokens).
/// </summary>
public static class ShingleScorer
{
    /// <summary>The shingle length the benchmark uses.</summary>
    public const int ShingleLength = 4;

    /// <summary>Compares one predicted text with its ground truth.</summary>
    public static ShingleCounts Score(string predicted, string truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var truthShingles = Shingles(truth);
        var predictedShingles = Shingles(predicted);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            var inTruth = truthShingles.GetValueOrDefault(shingle);
            truePositives += Math.Min(count, inTruth);
            falsePositives += Math.Max(0, count - inTruth);
        }

        foreach (var (shingle, count) in truthShingles)
        {
            falseNegatives += Math.Max(0, count - predictedShingles.GetValueOrDefault(shingle));
        }

        return new ShingleCounts(truePositives, falsePositives, falseNegatives);
    }

    /// <summary>The <c>\w+</c> tokens of <paramref name="text"/> in Python's sense of <c>\w</c>.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune) || Rune.IsNumber(rune) || rune.Value == '_')
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);

        // As in the benchmark: range(max(1, n - 3)) windows, and an empty text has no shingle at all.
        var windows = Math.Max(1, tokens.Count - ShingleLength + 1);
        for (var i = 0; i < windows && i < Math.Max(tokens.Count, 1); i++)
        {
            var window = tokens.GetRange(i, Math.Min(ShingleLength, tokens.Count - i));
            if (window.Count == 0)
            {
                continue;
            }

            // U+0001 cannot occur inside a \w token, so joined keys are unambiguous.
            var key = string.Join('\u0001', window);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }
}
