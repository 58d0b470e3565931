using System.Globalization;
using Dossier.Analysis.Syntax;

namespace Dossier.Evaluation.Syntax;

/// <summary>
/// Word-level scores in the CoNLL 2018 shared task's sense, for gold tokenisation (so every
/// predicted word aligns with the gold word at the same index and precision = recall = F1).
/// </summary>
/// <param name="Words">Number of words scored.</param>
/// <param name="Upos">UPOS accuracy, percent.</param>
/// <param name="Xpos">XPOS accuracy, percent.</param>
/// <param name="UFeats">Accuracy of the universal features, percent.</param>
/// <param name="Lemma">Lemma accuracy, percent (a gold lemma "_" matches anything).</param>
/// <param name="Uas">Unlabelled attachment score: correct heads, percent.</param>
/// <param name="Las">Labelled attachment score: correct heads and universal relations (subtypes ignored), percent.</param>
public sealed record SyntaxScores(int Words, double Upos, double Xpos, double UFeats, double Lemma, double Uas, double Las)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"words {Words}  UPOS {Upos:F2}  XPOS {Xpos:F2}  UFeats {UFeats:F2}  Lemma {Lemma:F2}  UAS {Uas:F2}  LAS {Las:F2}");
}

/// <summary>Scores predicted sentences against gold ones, pairwise by index.</summary>
public static class SyntaxScorer
{
    // The universal features of UD v2; CoNLL 2018 UFeats ignores language-specific ones.
    private static readonly HashSet<string> UniversalFeatures = new(StringComparer.Ordinal)
    {
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case",
        "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    };

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    /// <exception cref="ArgumentException">The two lists do not have the same words.</exception>
    public static SyntaxScores Score(IReadOnlyList<AnnotatedSentence> gold, IReadOnlyList<AnnotatedSentence> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"Gold has {gold.Count} sentences but the prediction has {predicted.Count}.", nameof(predicted));
        }

        int words = 0, upos = 0, xpos = 0, feats = 0, lemma = 0, uas = 0, las = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            var g = gold[s];
            var p = predicted[s];
            if (g.Length != p.Length)
            {
                throw new ArgumentException($"Sentence {s + 1} has {g.Length} gold words but {p.Length} predicted ones.", nameof(predicted));
            }

            for (var i = 0; i < g.Length; i++)
            {
                words++;
                upos += Same(g.Upos[i], p.Upos[i]);
                xpos += Same(g.Xpos[i], p.Xpos[i]);
                feats += Same(Universal(g.Features[i]), Universal(p.Features[i]));
                lemma += g.Lemmas[i] == "_" ? 1 : Same(g.Lemmas[i], p.Lemmas[i]);
                if (g.Heads[i] == p.Heads[i])
                {
                    uas++;
                    las += Same(UniversalRelation(g.Relations[i]), UniversalRelation(p.Relations[i]));
                }
            }
        }

        double Percent(int count) => words == 0 ? 0 : 100.0 * count / words;
        return new SyntaxScores(words, Percent(upos), Percent(xpos), Percent(feats), Percent(lemma), Percent(uas), Percent(las));
    }

    /// <summary>The <paramref name="count"/> most frequent (gold → predicted) UPOS confusions, most frequent first.</summary>
    public static IReadOnlyList<(string Gold, string Predicted, int Count)> UposConfusions(
        IReadOnlyList<AnnotatedSentence> gold, IReadOnlyList<AnnotatedSentence> predicted, int count)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var confusions = new Dictionary<(string, string), int>();
        for (var s = 0; s < gold.Count; s++)
        {
            for (var i = 0; i < gold[s].Length; i++)
            {
                if (!string.Equals(gold[s].Upos[i], predicted[s].Upos[i], StringComparison.Ordinal))
                {
                    var key = (gold[s].Upos[i], predicted[s].Upos[i]);
                    confusions[key] = confusions.GetValueOrDefault(key) + 1;
                }
            }
        }

        return [.. confusions
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key.Item1, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Item2, StringComparer.Ordinal)
            .Take(count)
            .Select(pair => (pair.Key.Item1, pair.Key.Item2, pair.Value))];
    }

    private static int Same(string a, string b) => string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0;

    /// <summary>"obl:tmod" → "obl": CoNLL 2018 LAS compares universal relations only.</summary>
    internal static string UniversalRelation(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    /// <summary>Keeps universal features in their canonical (sorted) order; "_" when none remain.</summary>
    internal static string Universal(string features)
    {
        if (features is "_" or "")
        {
            return "_";
        }

        var kept = features.Split('|').Where(f => UniversalFeatures.Contains(f.Split('=')[0])).Order(StringComparer.Ordinal).ToArray();
        return kept.Length == 0 ? "_" : string.Join('|', kept);
    }
}
