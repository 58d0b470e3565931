using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
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
/// <para>
/// The gazetteer keeps the file's text and indexes it in place: a name key is a span of that text,
/// found through an open-addressing table of key numbers, and a key's candidates are a slice of one
/// array of place numbers. A <see cref="Place"/> is made from its line the first time a lookup
/// returns it. With GeoNames' alternate names there are about 420,000 names for 185,000 places;
/// making a string and a record for each at load time, only for a few hundred to be looked at per
/// run, spent most of the load allocating and garbage-collecting.
/// </para>
/// <para>
/// The loading loops are compiled fully optimised at once: they run once per process, over
/// 185,000 lines, and tiered compilation would run most of that in unoptimised code before
/// switching (measured: a first load 250 ms slower than later ones).
/// </para>
/// <para>
/// Every line is still checked when the file is loaded (field count, numbers in range), so a bad
/// file fails at once with its line number rather than in the middle of an analysis.
/// </para>
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

    private const int NameColumn = 1;
    private const int AlternatesColumn = 2;
    private const int CountryColumn = 5;
    private const int Admin1Column = 6;
    private const int PopulationColumn = 7;
    private const int FeatureColumn = 8;
    private const int Admin2Column = 9;
    private const char AlternateSeparator = '|';

    private readonly string _text;

    // Place p is the line _text[_lineStarts[p].._lineEnds[p]]; its numbers are parsed once, at load.
    private readonly int[] _lineStarts;
    private readonly int[] _lineEnds;
    private readonly int[] _ids;
    private readonly double[] _latitudes;
    private readonly double[] _longitudes;
    private readonly long[] _populations;
    private readonly Place?[] _made;

    // Name key k is the unfolded name _text[_keyStarts[k] .. + _keyLengths[k]].
    private readonly int[] _keyStarts;
    private readonly int[] _keyLengths;
    private readonly long[] _slots;          // open addressing: key hash << 32 | key number + 1, or 0 when free
    private readonly int[] _candidateStarts; // key k's places are _candidates[_candidateStarts[k].._candidateStarts[k + 1]]
    private readonly int[] _candidates;      // place numbers, most populous first
    private readonly Place[]?[] _candidateArrays;

    private readonly FrozenDictionary<string, Place> _admin1;
    private readonly FrozenDictionary<string, Place> _countries;
    private ImmutableArray<Place> _all;

    /// <summary>Indexes <paramref name="places"/> (returned as the same instances).</summary>
    /// <exception cref="ArgumentException">A name contains a tab, a line break or '|', which the places format cannot hold.</exception>
    public Gazetteer(IReadOnlyList<Place> places)
        : this("places", Write(places), places)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Gazetteer(string fileName, string text, IReadOnlyList<Place>? made)
    {
        _text = text;
        var rest = text.AsSpan();
        var newline = rest.IndexOf('\n');
        var header = newline < 0 ? rest : rest[..newline];
        if (!header.TrimEnd('\r').SequenceEqual(string.Join('\t', Columns)))
        {
            throw new KnowledgeFormatException(fileName, 1, $"header must be '{string.Join("\\t", Columns)}'.");
        }

        var lineCount = rest.Count('\n') + 1;
        var lineStarts = new int[lineCount];
        var lineEnds = new int[lineCount];
        var ids = new int[lineCount];
        var latitudes = new double[lineCount];
        var longitudes = new double[lineCount];
        var populations = new long[lineCount];
        // A name per line, and at most one more per line than there are separators.
        var nameCapacity = (2 * lineCount) + rest.Count(AlternateSeparator);
        var index = new NameIndexBuilder(text, nameCapacity);
        var divisions = new List<int>();
        var placeCount = 0;
        var lineNumber = 1;
        var position = newline < 0 ? text.Length : newline + 1;
        Span<Range> fields = stackalloc Range[Columns.Length + 1];
        while (position < text.Length)
        {
            lineNumber++;
            var end = text.IndexOf('\n', position);
            end = end < 0 ? text.Length : end;
            var lineStart = position;
            position = end + 1;
            var line = text.AsSpan(lineStart, end - lineStart).TrimEnd('\r');
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Split(fields, '\t') != Columns.Length)
            {
                throw new KnowledgeFormatException(fileName, lineNumber, $"has the wrong number of fields; expected {Columns.Length} separated by tabs.");
            }

            if (!int.TryParse(line[fields[0]], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
                || !Degrees.TryParse(line[fields[3]], out var lat)
                || !Degrees.TryParse(line[fields[4]], out var lon)
                || !long.TryParse(line[fields[PopulationColumn]], NumberStyles.None, CultureInfo.InvariantCulture, out var population)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                throw new KnowledgeFormatException(fileName, lineNumber, "id, lat, lon or population is not a number in range.");
            }

            var place = placeCount++;
            lineStarts[place] = lineStart;
            lineEnds[place] = lineStart + line.Length;
            ids[place] = id;
            latitudes[place] = lat;
            longitudes[place] = lon;
            populations[place] = population;

            var (nameOffset, nameLength) = fields[NameColumn].GetOffsetAndLength(line.Length);
            index.Add(lineStart + nameOffset, nameLength, place);
            var alternates = line[fields[AlternatesColumn]];
            var alternatesStart = lineStart + fields[AlternatesColumn].Start.Value;
            while (!alternates.IsEmpty)
            {
                var separator = alternates.IndexOf(AlternateSeparator);
                var length = separator < 0 ? alternates.Length : separator;
                index.Add(alternatesStart, length, place);
                alternatesStart += length + 1;
                alternates = separator < 0 ? [] : alternates[(separator + 1)..];
            }

            if (Place.KindOf(line[fields[FeatureColumn]]) is PlaceKind.Admin1 or PlaceKind.Country)
            {
                divisions.Add(place);
            }
        }

        _lineStarts = lineStarts[..placeCount];
        _lineEnds = lineEnds[..placeCount];
        _ids = ids[..placeCount];
        _latitudes = latitudes[..placeCount];
        _longitudes = longitudes[..placeCount];
        _populations = populations[..placeCount];
        _made = new Place?[placeCount];
        for (var p = 0; made is not null && p < made.Count; p++)
        {
            _made[p] = made[p];
        }

        (_keyStarts, _keyLengths, _slots, _candidateStarts, _candidates) = index.Build(_populations);
        _candidateArrays = new Place[_keyStarts.Length][];

        var admin1 = new Dictionary<string, Place>(StringComparer.Ordinal);
        var countries = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var number in divisions)
        {
            var place = PlaceAt(number);
            if (place.Kind == PlaceKind.Admin1)
            {
                admin1.TryAdd(Admin1Key(place.Country, place.Admin1), place);
            }
            else
            {
                countries.TryAdd(place.Country, place);
            }
        }

        _admin1 = admin1.ToFrozenDictionary(StringComparer.Ordinal);
        _countries = countries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The file next to the binaries.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "gazetteer", "places.tsv.gz");

    /// <summary>Every entry in file order (made on first use: it is the whole file).</summary>
    public ImmutableArray<Place> Places
    {
        get
        {
            if (_all.IsDefault)
            {
                var all = new Place[_made.Length];
                for (var p = 0; p < all.Length; p++)
                {
                    all[p] = PlaceAt(p);
                }

                _all = ImmutableCollectionsMarshal.AsImmutableArray(all);
            }

            return _all;
        }
    }

    /// <summary>Number of distinct name keys.</summary>
    public int NameCount => _keyStarts.Length;

    /// <summary>Places called <paramref name="name"/>, most populous first.</summary>
    public bool TryGet(ReadOnlySpan<char> name, out ImmutableArray<Place> places)
    {
        Span<char> key = name.Length <= MaxStackName ? stackalloc char[name.Length] : new char[name.Length];
        NameKey.Fold(name, key);
        var number = (int)_slots[FindSlot(_slots, _text, _keyStarts, _keyLengths, key, string.GetHashCode(key))] - 1;
        if (number < 0)
        {
            places = [];
            return false;
        }

        var found = Volatile.Read(ref _candidateArrays[number]);
        if (found is null)
        {
            var start = _candidateStarts[number];
            found = new Place[_candidateStarts[number + 1] - start];
            for (var i = 0; i < found.Length; i++)
            {
                found[i] = PlaceAt(_candidates[start + i]);
            }

            // Two threads racing here build arrays of the same places; either may be kept.
            Volatile.Write(ref _candidateArrays[number], found);
        }

        places = ImmutableCollectionsMarshal.AsImmutableArray(found);
        return true;
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

        // Decompressed whole and decoded in one call, which is vectorised; a StreamReader would
        // decode in small blocks into a growing builder and copy the result once more.
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var bytes = new MemoryStream(capacity: (int)Math.Min(int.MaxValue / 2, file.Length * 3));
        stream.CopyTo(bytes, 1 << 16);
        return Parse(Path.GetFileName(path), System.Text.Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
    }

    /// <summary>Indexes the text of a places file (header line first; see data/gazetteer/README.md).</summary>
    /// <exception cref="KnowledgeFormatException">The text is malformed; the message names <paramref name="fileName"/> and the line.</exception>
    public static Gazetteer Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Gazetteer(fileName, text, made: null);
    }

    /// <summary>The place on line <paramref name="number"/> (counting places, not lines), made once.</summary>
    private Place PlaceAt(int number)
    {
        var made = Volatile.Read(ref _made[number]);
        if (made is not null)
        {
            return made;
        }

        var line = _text.AsSpan(_lineStarts[number], _lineEnds[number] - _lineStarts[number]);
        Span<Range> fields = stackalloc Range[Columns.Length];
        line.Split(fields, '\t');
        var alternatesSpan = line[fields[AlternatesColumn]];
        var alternates = ImmutableArray<string>.Empty;
        if (!alternatesSpan.IsEmpty)
        {
            var items = new string[alternatesSpan.Count(AlternateSeparator) + 1];
            var k = 0;
            foreach (var range in alternatesSpan.Split(AlternateSeparator))
            {
                items[k++] = alternatesSpan[range].ToString();
            }

            alternates = ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        var feature = line[fields[FeatureColumn]].ToString();
        made = new Place(_ids[number], line[fields[NameColumn]].ToString(), alternates, _latitudes[number], _longitudes[number],
            line[fields[CountryColumn]].ToString(), line[fields[Admin1Column]].ToString(), _populations[number], Place.KindOf(feature), feature)
        {
            Admin2 = line[fields[Admin2Column]].ToString(),
        };

        // One instance per place, whichever thread makes it first: callers may compare places by reference.
        return Interlocked.CompareExchange(ref _made[number], made, null) ?? made;
    }

    /// <summary>The slot that holds the folded <paramref name="key"/>, or the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FindSlot(long[] slots, string text, int[] keyStarts, int[] keyLengths, ReadOnlySpan<char> key, int hash)
    {
        var mask = slots.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            // The hash kept in the slot settles most mismatches without reading the key's text.
            var occupant = slots[slot];
            var number = (int)occupant - 1;
            if (number < 0)
            {
                return slot;
            }

            if ((int)(occupant >> 32) == hash && keyLengths[number] == key.Length
                && NameKey.FoldsTo(text.AsSpan(keyStarts[number], key.Length), key))
            {
                return slot;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Writes places in the file format, so that a list and a file are indexed alike.</summary>
    private static string Write(IReadOnlyList<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var text = new System.Text.StringBuilder(string.Join('\t', Columns)).Append('\n');
        foreach (var place in places)
        {
            foreach (var name in place.AlternateNames.Prepend(place.Name))
            {
                if (name.AsSpan().IndexOfAny("\t\r\n|") >= 0)
                {
                    throw new ArgumentException($"Place name '{name}' contains a tab, a line break or '|'.", nameof(places));
                }
            }

            text.Append(CultureInfo.InvariantCulture, $"{place.Id}\t{place.Name}\t{string.Join(AlternateSeparator, place.AlternateNames)}\t")
                .Append(CultureInfo.InvariantCulture, $"{place.Latitude:R}\t{place.Longitude:R}\t{place.Country}\t{place.Admin1}\t{place.Population}\t{place.FeatureCode}\t{place.Admin2}\n");
        }

        return text.ToString();
    }

    private static string Admin1Key(string country, string admin1) => string.Concat(country, ".", admin1);

    /// <summary>Collects name keys while the file is read, then lays out the final arrays.</summary>
    /// <remarks>
    /// Names are inserted in batches: the table slots of a whole batch are read first, so that their
    /// cache misses overlap instead of being waited for one name at a time; on a 2-core VM this
    /// halved the time spent inserting 420,000 names into a table of a million slots.
    /// </remarks>
    private sealed class NameIndexBuilder
    {
        private const int BatchSize = 32;

        private readonly string _text;
        private readonly long[] _slots;
        private readonly int[] _keyStarts;
        private readonly int[] _keyLengths;
        private int _keyCount;

        // Each key's places are a linked list of entries, newest first, until Build.
        private readonly int[] _newestEntry;
        private readonly int[] _entryPlace;
        private readonly int[] _entryNext;
        private int _entryCount;

        // Names waiting to be inserted; their folded keys lie one after another in _folded.
        private readonly int[] _pendingStart = new int[BatchSize];
        private readonly int[] _pendingLength = new int[BatchSize];
        private readonly int[] _pendingPlace = new int[BatchSize];
        private readonly int[] _pendingHash = new int[BatchSize];
        private readonly int[] _pendingFolded = new int[BatchSize];
        private int _pendingCount;
        private char[] _folded = new char[BatchSize * 64];
        private int _foldedEnd;

        // Sum of the slots read ahead in Flush, kept so that those reads are not optimised away.
        private long _touched;

        public NameIndexBuilder(string text, int capacity)
        {
            _text = text;

            // At most half full, so probes stay short.
            _slots = new long[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2))];
            _keyStarts = new int[capacity];
            _keyLengths = new int[capacity];
            _newestEntry = new int[capacity];
            _entryPlace = new int[capacity];
            _entryNext = new int[capacity];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(int start, int length, int place)
        {
            if (length == 0)
            {
                return;
            }

            if (_folded.Length < _foldedEnd + length)
            {
                Array.Resize(ref _folded, Math.Max(_foldedEnd + length, _folded.Length * 2));
            }

            var key = _folded.AsSpan(_foldedEnd, length);
            NameKey.Fold(_text.AsSpan(start, length), key);
            var n = _pendingCount++;
            _pendingStart[n] = start;
            _pendingLength[n] = length;
            _pendingPlace[n] = place;
            _pendingHash[n] = string.GetHashCode(key);
            _pendingFolded[n] = _foldedEnd;
            _foldedEnd += length;
            if (_pendingCount == BatchSize)
            {
                Flush();
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Flush()
        {
            var mask = _slots.Length - 1;
            long touched = 0;
            for (var n = 0; n < _pendingCount; n++)
            {
                touched += _slots[_pendingHash[n] & mask];
            }

            _touched += touched;
            for (var n = 0; n < _pendingCount; n++)
            {
                Insert(_pendingStart[n], _folded.AsSpan(_pendingFolded[n], _pendingLength[n]), _pendingHash[n], _pendingPlace[n]);
            }

            _pendingCount = 0;
            _foldedEnd = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Insert(int start, ReadOnlySpan<char> key, int hash, int place)
        {
            var slot = FindSlot(_slots, _text, _keyStarts, _keyLengths, key, hash);
            int number;
            if (_slots[slot] == 0)
            {
                number = _keyCount++;
                _slots[slot] = ((long)hash << 32) | (uint)(number + 1);
                _keyStarts[number] = start;
                _keyLengths[number] = key.Length;
                _newestEntry[number] = -1;
            }
            else
            {
                number = (int)_slots[slot] - 1;

                // A place's names are added one after another, so a duplicate (an alternate that
                // folds to the name) can only be the newest entry.
                if (_entryPlace[_newestEntry[number]] == place)
                {
                    return;
                }
            }

            _entryPlace[_entryCount] = place;
            _entryNext[_entryCount] = _newestEntry[number];
            _newestEntry[number] = _entryCount++;
        }

        /// <summary>Flattens the lists in file order, each ordered by descending population (ties keep file order).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (int[] KeyStarts, int[] KeyLengths, long[] Slots, int[] CandidateStarts, int[] Candidates) Build(long[] populations)
        {
            Flush();
            var candidateStarts = new int[_keyCount + 1];
            var candidates = new int[_entryCount];
            var comparer = new ByPopulation(populations);
            var end = 0;
            for (var k = 0; k < _keyCount; k++)
            {
                var length = 0;
                for (var e = _newestEntry[k]; e >= 0; e = _entryNext[e])
                {
                    length++;
                }

                candidateStarts[k] = end;
                end += length;
                var at = end;
                for (var e = _newestEntry[k]; e >= 0; e = _entryNext[e])
                {
                    candidates[--at] = _entryPlace[e];
                }

                if (length > 1)
                {
                    candidates.AsSpan(end - length, length).Sort(comparer);
                }
            }

            candidateStarts[_keyCount] = end;
            return (_keyStarts[.._keyCount], _keyLengths[.._keyCount], _slots, candidateStarts, candidates);
        }

        private sealed class ByPopulation(long[] populations) : IComparer<int>
        {
            public int Compare(int x, int y)
            {
                var byPopulation = populations[y].CompareTo(populations[x]);
                return byPopulation != 0 ? byPopulation : x.CompareTo(y);
            }
        }
    }

    /// <summary>
    /// Decimal degrees as the places file writes them ("-69.96667"), parsed exactly without the
    /// general parser: up to 15 significant digits and 22 decimals, the integer mantissa and the
    /// power of ten are both exact doubles, so one division rounds correctly. Anything else (an
    /// exponent, more digits) goes to <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>.
    /// </summary>
    private static class Degrees
    {
        private static readonly double[] PowersOfTen =
            [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static bool TryParse(ReadOnlySpan<char> text, out double value)
        {
            var negative = !text.IsEmpty && text[0] == '-';
            var digits = negative ? text[1..] : text;
            long mantissa = 0;
            var significant = 0;
            var decimals = -1;
            foreach (var c in digits)
            {
                if (c == '.' && decimals < 0)
                {
                    decimals = 0;
                    continue;
                }

                if (!char.IsAsciiDigit(c) || significant == 15)
                {
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
                }

                mantissa = (mantissa * 10) + (c - '0');
                significant += mantissa == 0 ? 0 : 1;
                decimals += decimals >= 0 ? 1 : 0;
            }

            if (digits.IsEmpty || decimals == 0 || decimals > 22 || (decimals < 0 && digits.Length == 0))
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }

            value = decimals > 0 ? mantissa / PowersOfTen[decimals] : mantissa;
            value = negative ? -value : value;
            return true;
        }
    }
}
