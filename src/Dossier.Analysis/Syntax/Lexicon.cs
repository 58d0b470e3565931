using System.Collections.Frozen;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// An interned, frozen string table: id 0 means "unknown", 1 "none/padding", 2 "root/boundary";
/// real strings start at 3. Lookups take a span, so callers need not allocate.
/// </summary>
internal sealed class Lexicon : IStringIds
{
    public const int Unknown = 0;
    public const int None = 1;
    public const int Boundary = 2;
    private const int FirstId = 3;

    private readonly FrozenDictionary<string, int> _ids;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Lexicon(IReadOnlyList<string> strings)
    {
        Strings = [.. strings];
        var ids = new Dictionary<string, int>(strings.Count, StringComparer.Ordinal);
        for (var i = 0; i < strings.Count; i++)
        {
            ids[strings[i]] = i + FirstId;
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Strings { get; }

    public int IdOf(ReadOnlySpan<char> value) => _lookup.TryGetValue(value, out var id) ? id : Unknown;
}

/// <summary>Maps strings (as spans, so callers can pass slices without allocating) to ids.</summary>
internal interface IStringIds
{
    int IdOf(ReadOnlySpan<char> value);
}

/// <summary>Collects strings while training and hands out stable ids (same numbering as <see cref="Lexicon"/>).</summary>
internal sealed class LexiconBuilder : IStringIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    public int Count => _strings.Count;

    public int Add(string value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _strings.Count + 3;
            _ids[value] = id;
            _strings.Add(value);
        }

        return id;
    }

    /// <summary>While training every string is new or known, so lookup adds it.</summary>
    public int IdOf(ReadOnlySpan<char> value) =>
        _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var id) ? id : Add(value.ToString());

    public Lexicon Build() => new(_strings);
}
