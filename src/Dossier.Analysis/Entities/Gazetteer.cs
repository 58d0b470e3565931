using System.Collections.Immutable;

namespace Dossier.Analysis.Entities;

/// <summary>
/// Name lists for features: phrases (as token sequences, compared case-insensitively) each with
/// the set of lists they appear in ("country", "first-name"…). A match is only evidence the tagger
/// weighs, never a decision, so ambiguous entries ("Jordan") are harmless. Immutable and thread-safe.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Marks a proper prefix of some phrase, so matching stops as soon as no phrase can continue.</summary>
    public const uint Continues = 1u << 31;

    private readonly Dictionary<ulong, uint> _phrases;

    public Gazetteer(ImmutableArray<string> lists, IEnumerable<(string Phrase, int List)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (lists.Length > 31)
        {
            throw new ArgumentException("At most 31 lists are supported.", nameof(lists));
        }

        Lists = lists;
        _phrases = [];
        var phrases = new List<(string, int)>();
        foreach (var (phrase, list) in entries)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var hash = 0UL;
            for (var w = 0; w < words.Length; w++)
            {
                hash = Extend(hash, FeatureHash.OfLower(words[w]));
                _phrases.TryGetValue(hash, out var mask);
                _phrases[hash] = mask | (w == words.Length - 1 ? 1u << list : Continues);
            }
            MaxLength = Math.Max(MaxLength, words.Length);
            phrases.Add((string.Join(' ', words), list));
        }

        Entries = [.. phrases];
    }

    private Gazetteer(ImmutableArray<string> lists, Dictionary<ulong, uint> phrases, int maxLength)
    {
        Lists = lists;
        _phrases = phrases;
        MaxLength = maxLength;
        Entries = [];
    }

    /// <summary>The phrase hashes with their list masks (and <see cref="Continues"/> marks), for saving without the phrases themselves.</summary>
    public IReadOnlyDictionary<ulong, uint> Hashes => _phrases;

    /// <summary>A gazetteer rebuilt from <see cref="Hashes"/>: it matches the same phrases but cannot list them.</summary>
    public static Gazetteer FromHashes(ImmutableArray<string> lists, IEnumerable<KeyValuePair<ulong, uint>> hashes, int maxLength) =>
        new(lists, new Dictionary<ulong, uint>(hashes), maxLength);

    /// <summary>List names; a list's index is its bit in a match mask.</summary>
    public ImmutableArray<string> Lists { get; }

    /// <summary>Every phrase with its list, as given (for saving).</summary>
    public ImmutableArray<(string Phrase, int List)> Entries { get; }

    /// <summary>Longest phrase in tokens.</summary>
    public int MaxLength { get; }

    /// <summary>Extends a phrase hash by one token's lower-case hash.</summary>
    public static ulong Extend(ulong phrase, ulong lowerToken) => FeatureHash.Mix((phrase * 0x9E3779B97F4A7C15UL) ^ lowerToken);

    /// <summary>The lists that hold the phrase with hash <paramref name="phrase"/>, plus <see cref="Continues"/> when it begins a longer phrase (0: neither).</summary>
    public uint Lookup(ulong phrase) => _phrases.TryGetValue(phrase, out var mask) ? mask : 0;

    /// <summary>
    /// Reads list files (one phrase per line, tokens separated by spaces, <c>#</c> starts a comment;
    /// the list is the file name) and, when <paramref name="knowledgeDirectory"/> is given, the
    /// knowledge base's names (<see cref="KnowledgeNameLists"/>).
    /// </summary>
    public static Gazetteer Read(IEnumerable<string> paths, string? knowledgeDirectory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var named = new List<(string Phrase, string List)>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var list = Path.GetFileNameWithoutExtension(path);
            foreach (var line in File.ReadLines(path))
            {
                var text = line.AsSpan().Trim();
                if (text.Length > 0 && text[0] != '#')
                {
                    named.Add((text.ToString(), list));
                }
            }
        }

        if (knowledgeDirectory is not null)
        {
            named.AddRange(KnowledgeNameLists.Read(knowledgeDirectory));
        }

        var lists = named.Select(e => e.List).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new Gazetteer(lists, named.Select(e => (e.Phrase, lists.IndexOf(e.List))));
    }
}
