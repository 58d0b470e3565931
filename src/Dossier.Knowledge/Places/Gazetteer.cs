using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using Dossier.Knowledge.Files;
using Dossier.Knowledge.Names;

namespace Dossier.Knowledge.Places;

/// <summary>
/// The place gazetteer: every entry of <c>data/gazetteer/places.tsv.gz</c> indexed by name and
/// alternate names (keys compare by <see cref="NameKey"/>: case- and diacritic-insensitive).
/// Candidates for a name are ordered by descending population. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var gazetteer = Gazetteer.Load(Gazetteer.DefaultPath);
/// gazetteer.TryGet("Bangor", out var places);   // Bangor NIR, Bangor ME, Bangor WLS, …
/// </code>
/// </example>
public sealed class Gazetteer
{
    /// <summary>Columns of the places file, in order.</summary>
    internal static readonly string[] Columns = ["id", "name", "alternates", "lat", "lon", "country", "admin1", "population", "feature"];

    private readonly FrozenDictionary<string, ImmutableArray<Place>> _byName;
    private readonly FrozenDictionary<string, ImmutableArray<Place>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly FrozenDictionary<string, Place> _admin1;
    private readonly FrozenDictionary<string, Place> _countries;

    /// <summary>Indexes <paramref name="places"/>.</summary>
    public Gazetteer(IReadOnlyList<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        Places = [.. places];
        var builder = new Dictionary<string, List<Place>>(places.Count * 5 / 4, NameKey.Comparer);
        var admin1 = new Dictionary<string, Place>(StringComparer.Ordinal);
        var countries = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in places)
        {
            Add(builder, place.Name, place);
            foreach (var alternate in place.AlternateNames)
            {
                Add(builder, alternate, place);
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
            list.Sort(static (a, b) => b.Population.CompareTo(a.Population));
        }

        _byName = builder.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), NameKey.Comparer);
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
        if (_bySpan.TryGetValue(name, out places))
        {
            return true;
        }

        places = [];
        return false;
    }

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
        return new Gazetteer(Read(Path.GetFileName(path), reader));
    }

    /// <summary>Parses the places TSV format (header line first; see data/gazetteer/README.md).</summary>
    internal static List<Place> Read(string fileName, TextReader reader)
    {
        var places = new List<Place>(150_000);
        var lineNumber = 0;
        var header = reader.ReadLine();
        lineNumber++;
        if (header is null || !header.Equals(string.Join('\t', Columns), StringComparison.Ordinal))
        {
            throw new KnowledgeFormatException(fileName, lineNumber, $"header must be '{string.Join("\\t", Columns)}'.");
        }

        // Place names repeat a lot (feature codes, admin codes, countries): share the strings.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<Range> ranges = stackalloc Range[Columns.Length + 1];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var span = line.AsSpan();
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
                var items = ImmutableArray.CreateBuilder<string>();
                foreach (var range in alternatesSpan.Split('|'))
                {
                    items.Add(alternatesSpan[range].ToString());
                }

                alternates = items.ToImmutable();
            }

            var feature = Pool(pool, span[ranges[8]]);
            places.Add(new Place(id, span[ranges[1]].ToString(), alternates, lat, lon, Pool(pool, span[ranges[5]]),
                Pool(pool, span[ranges[6]]), population, Place.KindOf(feature), feature));
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

    private static void Add(Dictionary<string, List<Place>> builder, string name, Place place)
    {
        if (!builder.TryGetValue(name, out var list))
        {
            list = [];
            builder.Add(name, list);
        }

        if (!list.Contains(place))
        {
            list.Add(place);
        }
    }

    private static string Admin1Key(string country, string admin1) => string.Concat(country, ".", admin1);
}
