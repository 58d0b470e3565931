using System.Globalization;

namespace Dossier.Analysis.Entities;

/// <summary>
/// Word facts learned without labels from unlabelled news (see <see cref="WordClusterer"/>): for
/// each cased form, its frequency, how often it occurs away from a sentence start, and its cluster
/// as a bit path of a binary tree (prefixes of the path are coarser clusters, as with Brown
/// clusters). From the cased counts follows how often a word is capitalised mid-sentence, which
/// tells a name from a common noun when the token's own casing says nothing (a headline in
/// capitals, the first word of a sentence). Immutable and thread-safe once built.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>Path prefix lengths used as features, shortest (coarsest) first.</summary>
    public static readonly int[] PrefixLengths = [4, 8, 12, 16, 64];

    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<ulong, byte> _capitalisation;

    public WordClusters(IReadOnlyList<WordClusterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        _index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        PrefixHashes = new ulong[entries.Count * PrefixLengths.Length];
        var cased = new Dictionary<ulong, (long Capitalised, long Total)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            _index[entry.Form] = i;
            if (entry.Path.Length > 0)
            {
                for (var p = 0; p < PrefixLengths.Length; p++)
                {
                    PrefixHashes[(i * PrefixLengths.Length) + p] = FeatureHash.Of(entry.Path.AsSpan(0, Math.Min(PrefixLengths[p], entry.Path.Length))) | 1;
                }
            }

            var lower = FeatureHash.OfLower(entry.Form);
            cased.TryGetValue(lower, out var counts);
            var capitalised = char.IsUpper(entry.Form[0]) ? entry.MidSentence : 0;
            cased[lower] = (counts.Capitalised + capitalised, counts.Total + entry.MidSentence);
        }

        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _capitalisation = new Dictionary<ulong, byte>(cased.Count);
        foreach (var (lower, (capitalised, total)) in cased)
        {
            _capitalisation[lower] = total < 2 ? (byte)0 : Bucket((double)capitalised / total);
        }
    }

    public IReadOnlyList<WordClusterEntry> Entries { get; }

    private static byte Bucket(double ratio) => ratio switch
    {
        >= 0.95 => 5,
        >= 0.6 => 4,
        >= 0.25 => 3,
        >= 0.02 => 2,
        _ => 1,
    };

    /// <summary>Hashes of the path prefixes, <see cref="PrefixLengths"/>.Length per entry (0 when the entry has no path).</summary>
    public ulong[] PrefixHashes { get; }

    /// <summary>Finds <paramref name="form"/> as written, else its capitalised form, else its lower-case form.</summary>
    public int Find(ReadOnlySpan<char> form)
    {
        if (_lookup.TryGetValue(form, out var index))
        {
            return index;
        }

        if (form.Length > 64)
        {
            return -1;
        }

        Span<char> buffer = stackalloc char[form.Length];
        form.ToLowerInvariant(buffer);
        if (char.IsUpper(form[0]))
        {
            buffer[0] = form[0];
            if (_lookup.TryGetValue(buffer, out index))
            {
                return index;
            }

            buffer[0] = char.ToLowerInvariant(form[0]);
        }

        return _lookup.TryGetValue(buffer, out index) ? index : -1;
    }

    /// <summary>
    /// How often the word is capitalised away from sentence starts: 0 unknown, 1 (&lt;2%) … 5 (≥95%).
    /// </summary>
    public byte CapitalisationOf(ulong lowerHash) => _capitalisation.TryGetValue(lowerHash, out var bucket) ? bucket : (byte)0;

    /// <summary>Reads the tab-separated form: <c>form, count, mid-sentence count, path</c> (path "-" when unclustered).</summary>
    public static WordClusters Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<WordClusterEntry>();
        string? line;
        var lineNumber = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 4)
            {
                throw new FormatException($"Word cluster line {lineNumber}: expected 4 tab-separated columns.");
            }

            entries.Add(new WordClusterEntry(
                columns[0],
                long.Parse(columns[1], CultureInfo.InvariantCulture),
                long.Parse(columns[2], CultureInfo.InvariantCulture),
                columns[3] == "-" ? string.Empty : columns[3]));
        }

        return new WordClusters(entries);
    }

    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("# form\tcount\tmid-sentence count\tcluster path\n");
        foreach (var entry in Entries)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{entry.Form}\t{entry.Count}\t{entry.MidSentence}\t{(entry.Path.Length == 0 ? "-" : entry.Path)}\n"));
        }
    }
}

/// <summary>One word form's counts and cluster path (binary digits, empty when not clustered).</summary>
internal sealed record WordClusterEntry(string Form, long Count, long MidSentence, string Path);
