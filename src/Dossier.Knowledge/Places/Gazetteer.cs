using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Dossier.Knowledge.Files;
using Dossier.Knowledge.Names;

namespace Dossier.Knowledge.Places;

/// <summary>
/// The place gazetteer: every entry of <c>data/gazetteer/places.tsv.gz</c> indexed by name and
/// alternate names (keys compare by <see cref="NameKey"/>: case- and diacritic-insensitive).
/// Candidates for a name are ordered by descending population. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Keys are stored already folded and compared ordinally; a lookup folds the query into a stack
/// buffer and probes with <c>GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c>. The index is a
/// plain <see cref="Dictionary{TKey,TValue}"/> that is never written after construction: with
/// GeoNames' alternate names it holds about 430,000 keys, and freezing them cost four times as
/// long as building the dictionary, for lookups only slightly faster.
/// </remarks>
/// <example>
/// <code>
/// var gazetteer = Gazetteer.Load(Gazetteer.DefaultPath);
/// gazetteer.TryGet("Bangor", out var places);   // Bangor NIR, Bangor ME, Bangor WLS, …
/// </code>
/// </example>
public sealed class Gazetteer
{
    /// <summary>Columns of the places file, in order.</summary>
    internal static readonly string[] Columns = ["id", "name", "alternates", "lat", "lon", "country", "admin1", "population", "feature", "admin2"];

    private readonly Dictionary<string, Place[]> _byName;
    private readonly Dictionary<string, Place[]>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly FrozenDictionary<string, Place> _admin1;
    private readonly FrozenDictionary<string, Place> _countries;

    /// <summary>Indexes <paramref name="places"/>.</summary>
    public Gazetteer(IReadOnlyList<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        Places = [.. places];
        // Most names belong to one place: keep a bare array per key (no List), grow it rarely, and
        // hand it to ImmutableArray without copying.
        // Sized for every name at once: growing a dictionary of 400,000 keys rehashes it many times.
        var nameCount = 0;
        foreach (var place in places)
        {
            nameCount += 1 + place.AlternateNames.Length;
        }

        var builder = new Dictionary<string, Place[]>(nameCount, StringComparer.Ordinal);
        var lookup = builder.GetAlternateLookup<ReadOnlySpan<char>>();
        var admin1 = new Dictionary<string, Place>(StringComparer.Ordinal);
        var countries = new Dictionary<string, Place>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[MaxStackName];
        foreach (var place in places)
        {
            Add(lookup, buffer, place.Name, place);
            foreach (var alternate in place.AlternateNames)
            {
                Add(lookup, buffer, alternate, place);
            }

            if (place.Kind == PlaceKind.Admin1)
            {
                admin1.TryAdd(Admin1Key(place.Country, place.Admin1), place);
            }
            else if (place.Kind == PlaceKind.Country)
            {
                countries.TryAdd(place.Country, place);
            }
        }

        foreach (var list in builder.Values)
        {
            if (list.Length > 1)
            {
                // Stable, so equal populations keep file order.
                var sorted = list.OrderByDescending(p => p.Population).ToArray();
                sorted.CopyTo(list, 0);
            }
        }

        _byName = builder;
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _admin1 = admin1.ToFrozenDictionary(StringComparer.Ordinal);
        _countries = countries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The file next to the binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "gazetteer", "places.tsv.gz");

    /// <summary>Every entry in file order.</summary>
    public ImmutableArray<Place> Places { get; }

    /// <summary>Number of distinct name keys.</summary>
    public int NameCount => _byName.Count;

    /// <summary>Places called <paramref name="name"/>, most populous first.</summary>
    public bool TryGet(ReadOnlySpan<char> name, out ImmutableArray<Place> places)
    {
        if (name.Length <= MaxStackName)
        {
            Span<char> key = stackalloc char[name.Length];
            NameKey.Fold(name, key);
            if (_bySpan.TryGetValue(key, out var found))
            {
                places = ImmutableCollectionsMarshal.AsImmutableArray(found);
                return true;
            }
        }
        else if (_byName.TryGetValue(NameKey.Of(name), out var found))
        {
            places = ImmutableCollectionsMarshal.AsImmutableArray(found);
            return true;
        }

        places = [];
        return false;
    }

    private const int MaxStackName = 256;

    /// <summary>The first-order division <paramref name="admin1"/> of <paramref name="country"/>, when listed.</summary>
    public bool TryGetAdmin1(string country, string admin1, out Place place) =>
        _admin1.TryGetValue(Admin1Key(country, admin1), out place!);

    /// <summary>The country entry for an alpha-3 code.</summary>
    public bool TryGetCountry(string alpha3, out Place place) => _countries.TryGetValue(alpha3, out place!);

    /// <summary>Loads a gzip-compressed or plain places file.</summary>
    /// <exception cref="KnowledgeFormatException">The file is malformed; the message names file and line.</exception>
    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Gazetteer '{path}' does not exist. Build it with tools/gazetteer/build.sh (writes data/gazetteer/places.tsv.gz).", path);
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);

        // One string for the whole file, read line by line as spans: no string per line.
        return new Gazetteer(Read(Path.GetFileName(path), reader.ReadToEnd()));
    }

    /// <summary>Parses the places TSV format (header line first; see data/gazetteer/README.md).</summary>
    internal static List<Place> Read(string fileName, TextReader reader) => Read(fileName, reader.ReadToEnd());

    /// <summary>Parses the places TSV format from the whole file's text.</summary>
    internal static List<Place> Read(string fileName, string content)
    {
        var places = new List<Place>(150_000);
        var lineNumber = 1;
        var rest = content.AsSpan();
        var newline = rest.IndexOf('\n');
        var header = newline < 0 ? rest : rest[..newline];
        if (!header.TrimEnd('\r').SequenceEqual(string.Join('\t', Columns)))
        {
            throw new KnowledgeFormatException(fileName, lineNumber, $"header must be '{string.Join("\\t", Columns)}'.");
        }

        rest = newline < 0 ? [] : rest[(newline + 1)..];

        // Place names repeat a lot (feature codes, admin codes, countries): share the strings.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<Range> ranges = stackalloc Range[Columns.Length + 1];
        while (!rest.IsEmpty)
        {
            lineNumber++;
            newline = rest.IndexOf('\n');
            var span = (newline < 0 ? rest : rest[..newline]).TrimEnd('\r');
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (span.IsEmpty)
            {
                continue;
            }

            if (span.Split(ranges, '\t') != Columns.Length)
            {
                throw new KnowledgeFormatException(fileName, lineNumber, $"has the wrong number of fields; expected {Columns.Length} separated by tabs.");
            }

            if (!int.TryParse(span[ranges[0]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(span[ranges[3]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(span[ranges[4]], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !long.TryParse(span[ranges[7]], NumberStyles.None, CultureInfo.InvariantCulture, out var population)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                throw new KnowledgeFormatException(fileName, lineNumber, "id, lat, lon or population is not a number in range.");
            }

            var alternatesSpan = span[ranges[2]];
            var alternates = ImmutableArray<string>.Empty;
            if (!alternatesSpan.IsEmpty)
            {
                var items = new string[alternatesSpan.Count('|') + 1];
                var k = 0;
                foreach (var range in alternatesSpan.Split('|'))
                {
                    items[k++] = alternatesSpan[range].ToString();
                }

                alternates = ImmutableCollectionsMarshal.AsImmutableArray(items);
            }

            var feature = Pool(pool, span[ranges[8]]);
            places.Add(new Place(id, span[ranges[1]].ToString(), alternates, lat, lon, Pool(pool, span[ranges[5]]),
                Pool(pool, span[ranges[6]]), population, Place.KindOf(feature), feature) { Admin2 = Pool(pool, span[ranges[9]]) });
        }

        return places;
    }

    private static string Pool(Dictionary<string, string> pool, ReadOnlySpan<char> value)
    {
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value, out var pooled))
        {
            pooled = value.ToString();
            lookup[value] = pooled;
        }

        return pooled;
    }

    private static void Add(Dictionary<string, Place[]>.AlternateLookup<ReadOnlySpan<char>> builder, Span<char> buffer, string name, Place place)
    {
        // The folded key is made in the buffer, and becomes a string only when it is new.
        ReadOnlySpan<char> key;
        if (name.Length <= buffer.Length)
        {
            NameKey.Fold(name, buffer);
            key = buffer[..name.Length];
        }
        else
        {
            key = NameKey.Of(name);
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(builder, key, out var exists);
        if (!exists || slot is null)
        {
            slot = [place];
            return;
        }

        // A place's names are added one after another, so a duplicate (an alternate that folds to
        // the name) can only be the last entry.
        if (ReferenceEquals(slot[^1], place))
        {
            return;
        }

        var grown = new Place[slot.Length + 1];
        slot.CopyTo(grown, 0);
        grown[^1] = place;
        slot = grown;
    }

    private static string Admin1Key(string country, string admin1) => string.Concat(country, ".", admin1);
}
