using System.Globalization;
using System.Text;

namespace Dossier.Storage.Duplicates;

/// <summary>
/// The rules that decide when two stored facts from different documents are one fact reported twice: a quote
/// repeated (same speaker, near-identical words, one possibly cut from the other) and an event reported again
/// (same root code, source, target, place and negation, dated within <see cref="EventWindowDays"/> days).
/// </summary>
public static class RepeatedFacts
{
    /// <summary>Share of the shorter quote's word pairs found in the other at or above which two quotes are one.</summary>
    public const double QuoteContainmentThreshold = 0.8;

    /// <summary>Events this many days apart or closer may be one; reports of an event follow it within days.</summary>
    public const int EventWindowDays = 3;

    /// <summary>Who said it, for matching: the linked actor id, else the last word of the name in lower case ("kabulov").</summary>
    public static string? SpeakerKey(string? actorId, string? speaker)
    {
        if (actorId is not null)
        {
            return actorId;
        }

        var words = Words(speaker ?? string.Empty);
        return words.Count == 0 ? null : words[^1];
    }

    /// <summary>
    /// Share of the shorter text's word pairs (bigrams, lower case, punctuation ignored) that the other contains: 1 for a
    /// quote cut from a longer one. Texts of one word match only when equal.
    /// </summary>
    public static double QuoteContainment(string first, string second) => ContainmentWith(first)(second);

    /// <summary>
    /// <see cref="QuoteContainment"/> against <paramref name="first"/>, with its words and pairs read once: a new quote is
    /// compared with hundreds of earlier ones by the same speaker.
    /// </summary>
    public static Func<string, double> ContainmentWith(string first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var firstWords = Words(first);
        var a = Bigrams(firstWords);
        var firstJoined = string.Join(' ', firstWords);
        return second =>
        {
            ArgumentNullException.ThrowIfNull(second);
            var secondWords = Words(second);
            var b = Bigrams(secondWords);
            if (a.Count == 0 || b.Count == 0)
            {
                return firstWords.Count > 0 && string.Equals(firstJoined, string.Join(' ', secondWords), StringComparison.Ordinal) ? 1 : 0;
            }

            var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
            var shared = small.Count(large.Contains);
            return shared / (double)small.Count;
        };
    }

    /// <summary>
    /// The key under which reports of one event meet: root, source, target and negation, normalised. The place is not
    /// in it: outlets place one event differently or not at all ("in Syria", no place, the capital that said it), so it
    /// is compared apart, with <see cref="SamePlace"/>.
    /// </summary>
    public static string EventKey(string root, string? sourceActor, string? sourceCode, string? sourceText, string? targetActor, string? targetCode,
        string? targetText, bool negated)
    {
        static string Side(string? actor, string? code, string? text) => actor ?? code ?? string.Join(' ', Words(text ?? string.Empty));
        return string.Join('|', root, Side(sourceActor, sourceCode, sourceText), Side(targetActor, targetCode, targetText), negated ? "not" : "did");
    }

    /// <summary>True when two reports' places can be one place: the same words, or one report names none.</summary>
    public static bool SamePlace(string? first, string? second)
    {
        var a = string.Join(' ', Words(first ?? string.Empty));
        var b = string.Join(' ', Words(second ?? string.Empty));
        return a.Length == 0 || b.Length == 0 || string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>
    /// The number of independent sources among <paramref name="documents"/>: documents joined (directly or through each
    /// other) by a near-duplicate link are copies of one report and count once.
    /// </summary>
    public static int IndependentSources(IReadOnlyCollection<long> documents, IEnumerable<(long Document, long Other)> links)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(links);
        var parent = documents.Distinct().ToDictionary(d => d, d => d);
        long Find(long x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (document, other) in links)
        {
            if (parent.ContainsKey(document) && parent.ContainsKey(other))
            {
                parent[Find(document)] = Find(other);
            }
        }

        return parent.Keys.Select(Find).Distinct().Count();
    }

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0 && !(c is ',' or '.' && char.IsDigit(current[^1])))
            {
                // "10,000" stays one word; other punctuation and spaces end one.
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static HashSet<string> Bigrams(List<string> words)
    {
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++)
        {
            bigrams.Add(string.Create(CultureInfo.InvariantCulture, $"{words[i - 1]} {words[i]}"));
        }

        return bigrams;
    }
}
