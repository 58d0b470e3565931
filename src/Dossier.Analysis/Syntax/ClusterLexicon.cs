using System.Globalization;
using System.IO.Compression;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Word clusters for the syntax models: each known word form has a bit path in a binary cluster
/// tree learned from unlabelled news (<c>models/reuters-clusters.tsv.gz</c>), and prefixes of the
/// path are coarser clusters (as with Brown clusters, Koo et al. 2008). A word that is rare or
/// unseen in the treebank still has a cluster shared with frequent words of the same kind, which
/// is what the tagger and parser features use it for. Each model stores its own copy, so a model
/// file stays self-contained. Immutable and thread-safe.
/// </summary>
public sealed class ClusterLexicon
{
    /// <summary>Prefix lengths used as features, coarsest first; the last one is the whole path.</summary>
    internal static readonly int[] PrefixLengths = [4, 6, 10, int.MaxValue];

    /// <summary>Number of prefix atoms per word (<see cref="PrefixLengths"/>).</summary>
    internal const int Levels = 4;

    // A plain dictionary: building a frozen one for 29k forms cost more load time than its faster lookups save.
    private readonly Dictionary<string, int> _entryOf;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _prefixIds;

    private ClusterLexicon(IReadOnlyList<(string Form, string Path)> entries)
    {
        Entries = [.. entries];
        _entryOf = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        var prefixIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixLookup = prefixIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixIds = new int[entries.Count * Levels];
        for (var e = 0; e < entries.Count; e++)
        {
            var (form, path) = entries[e];
            _entryOf[form] = e;
            for (var level = 0; level < Levels; level++)
            {
                var prefix = path.AsSpan(0, Math.Min(PrefixLengths[level], path.Length));
                if (!prefixLookup.TryGetValue(prefix, out var id))
                {
                    // Ids follow the Lexicon numbering (0 unknown, 1 none, 2 boundary), so they fit FeatureKey atoms.
                    id = prefixIds.Count + 3;
                    prefixLookup[prefix] = id;
                }

                _prefixIds[(e * Levels) + level] = id;
            }
        }

        _lookup = _entryOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No clusters: every word gets the "none" atom, and models behave as without cluster features.</summary>
    public static ClusterLexicon Empty { get; } = new([]);

    /// <summary>Clustered word forms and their bit paths, in file order.</summary>
    public IReadOnlyList<(string Form, string Path)> Entries { get; }

    /// <summary>Number of clustered word forms.</summary>
    public int Count => Entries.Count;

    /// <summary>
    /// Reads the cluster file written by <c>dossier train clusters</c> (gzip or plain text):
    /// tab-separated <c>form, count, mid-sentence count, path</c>, where the path "-" marks an unclustered form.
    /// </summary>
    /// <exception cref="FormatException">A line does not have four columns.</exception>
    public static ClusterLexicon Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var entries = new List<(string, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 4)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path} line {lineNumber}: expected 4 tab-separated columns."));
            }

            if (!string.Equals(columns[3], "-", StringComparison.Ordinal))
            {
                entries.Add((FormNormalizer.Normalize(columns[0]), columns[3]));
            }
        }

        return new ClusterLexicon(Deduplicate(entries));
    }

    // Normalising typographic characters can map two forms onto one; the first (more frequent) wins.
    private static List<(string Form, string Path)> Deduplicate(List<(string Form, string Path)> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. entries.Where(entry => seen.Add(entry.Form))];
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Entries.Count);
        foreach (var (form, path) in Entries)
        {
            writer.Write(form);
            writer.Write(path);
        }
    }

    internal static ClusterLexicon Read(BinaryReader reader)
    {
        var entries = new (string, string)[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (reader.ReadString(), reader.ReadString());
        }

        return entries.Length == 0 ? Empty : new ClusterLexicon(entries);
    }

    /// <summary>
    /// The entry of <paramref name="form"/> as written, else of its capitalised form ("KABUL" →
    /// "Kabul"), else of its lower-case form; -1 when none is clustered.
    /// </summary>
    internal int Find(ReadOnlySpan<char> form)
    {
        if (_entryOf.Count == 0 || form.Length == 0)
        {
            return -1;
        }

        if (_lookup.TryGetValue(form, out var entry))
        {
            return entry;
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
            if (_lookup.TryGetValue(buffer, out entry))
            {
                return entry;
            }

            buffer[0] = char.ToLowerInvariant(form[0]);
        }

        return _lookup.TryGetValue(buffer, out entry) ? entry : -1;
    }

    /// <summary>The atom of the path prefix at <paramref name="level"/> for an entry, <see cref="Lexicon.None"/> for -1.</summary>
    internal int Prefix(int entry, int level) => entry < 0 ? Lexicon.None : _prefixIds[(entry * Levels) + level];
}
