using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Knowledge.Names;

namespace Dossier.Knowledge.Actors;

/// <summary>
/// Every actor name (canonical names, aliases, demonyms, seat metonyms) mapped to the actors it
/// may denote. Keys compare by <see cref="NameKey"/> (case- and diacritic-insensitive), except
/// that all-capital names (acronyms) only match text with the same capitals: "IS" matches "IS",
/// not "is". Immutable and thread-safe; lookups over spans do not allocate.
/// </summary>
public sealed class ActorIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<ActorCandidate>> _byName;
    private readonly FrozenDictionary<string, ImmutableArray<ActorCandidate>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Indexes the names of <paramref name="actors"/>.</summary>
    public ActorIndex(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var builder = new Dictionary<string, List<ActorCandidate>>(NameKey.Comparer);
        foreach (var actor in actors)
        {
            foreach (var (name, kind) in actor.AllNames())
            {
                if (!builder.TryGetValue(name, out var list))
                {
                    list = [];
                    builder.Add(name, list);
                }

                // One candidate per (actor, kind, spelling): "Kremlin" as a seat of RUS and as
                // the name of the Presidential Administration are two readings; the same actor
                // listing "TASS" and "Tass" are two spellings of one.
                if (!list.Exists(c => ReferenceEquals(c.Actor, actor) && c.Kind == kind && string.Equals(c.Written, name, StringComparison.Ordinal)))
                {
                    list.Add(new ActorCandidate(actor, kind, name));
                }
            }
        }

        _byName = builder.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), NameKey.Comparer);
        _bySpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct name keys.</summary>
    public int Count => _byName.Count;

    /// <summary>All keys with their candidates (for schema checks and diagnostics).</summary>
    public IEnumerable<KeyValuePair<string, ImmutableArray<ActorCandidate>>> Entries => _byName;

    /// <summary>
    /// The actors <paramref name="name"/> may denote, honouring acronym case. Returns false when
    /// none does.
    /// </summary>
    public bool TryGet(ReadOnlySpan<char> name, out ImmutableArray<ActorCandidate> candidates)
    {
        if (!_bySpan.TryGetValue(name, out var all))
        {
            candidates = [];
            return false;
        }

        var allMatch = true;
        foreach (var candidate in all)
        {
            if (!Matches(candidate.Written, name))
            {
                allMatch = false;
                break;
            }
        }

        if (allMatch)
        {
            candidates = all;
            return true;
        }

        var builder = ImmutableArray.CreateBuilder<ActorCandidate>(all.Length);
        foreach (var candidate in all)
        {
            if (Matches(candidate.Written, name))
            {
                builder.Add(candidate);
            }
        }

        candidates = builder.ToImmutable();
        return candidates.Length > 0;
    }

    private static bool Matches(string written, ReadOnlySpan<char> text) =>
        !NameKey.IsCaseSensitive(written) || text.SequenceEqual(written);
}
