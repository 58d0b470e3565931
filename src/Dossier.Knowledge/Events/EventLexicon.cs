using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Events;

/// <summary>How a lexicon entry's predicate codes an event.</summary>
public enum PredicateFrame
{
    /// <summary>A verb that is itself the event ("accused", "pushed out").</summary>
    Verb,

    /// <summary>An event noun ("talks", "an attack", "the criticism").</summary>
    Noun,

    /// <summary>Announces an intention to do what its complement says ("ready to", "promised to"): CAMEO 03x or 13x.</summary>
    Intent,

    /// <summary>Demands what its complement says: CAMEO 10x.</summary>
    Demand,

    /// <summary>Appeals for what its complement says: CAMEO 02x.</summary>
    Appeal,

    /// <summary>Rejects or refuses what its complement says: CAMEO 12x.</summary>
    Reject,

    /// <summary>
    /// Gets ready to do what its complement says ("prepared to attack", "ready to talk"): force and coercion become a
    /// force posture (CAMEO 15x), anything else an intention as under <see cref="Intent"/>.
    /// </summary>
    Prepare,
}

/// <summary>One line of the predicate lexicon (<c>data/cameo/verbs.tsv</c>). Immutable.</summary>
/// <param name="Lemma">The predicate's lemma, lower case (the first word of a two-word lemma).</param>
/// <param name="Second">The second word of a two-word lemma ("part" in "take part"), or null.</param>
/// <param name="Frame">How it codes.</param>
/// <param name="Particle">A particle or preposition that must attach to the predicate, or null.</param>
/// <param name="Arguments">Lemmas of which one must be an argument; empty when none is needed.</param>
/// <param name="Code">CAMEO event code (for complement frames, the code when the complement is not coded).</param>
/// <param name="Line">Line in the file, used as the rule name in provenance.</param>
public sealed record PredicateEntry(string Lemma, string? Second, PredicateFrame Frame, string? Particle, ImmutableArray<string> Arguments, string Code, int Line)
{
    /// <summary>How specific the entry is: an argument counts 2, a particle or second word 1.</summary>
    public int Specificity => (Arguments.IsEmpty ? 0 : 2) + (Particle is null ? 0 : 1) + (Second is null ? 0 : 1);
}

/// <summary>
/// Dossier's CAMEO predicate lexicon: lemma + frame + particle + argument lemmas → event code. Immutable and thread-safe.
/// </summary>
public sealed class EventLexicon
{
    /// <summary>The lexicon's file name inside the CAMEO data directory.</summary>
    public const string FileName = "verbs.tsv";

    private readonly FrozenDictionary<string, ImmutableArray<PredicateEntry>> _verbs;
    private readonly FrozenDictionary<string, ImmutableArray<PredicateEntry>> _nouns;

    private EventLexicon(ImmutableArray<PredicateEntry> entries)
    {
        Entries = entries;
        _verbs = Group(entries.Where(entry => entry.Frame != PredicateFrame.Noun));
        _nouns = Group(entries.Where(entry => entry.Frame == PredicateFrame.Noun));
    }

    /// <summary>Every entry in file order.</summary>
    public ImmutableArray<PredicateEntry> Entries { get; }

    /// <summary>Entries for a verb or adjective lemma, most specific first (file order among equals).</summary>
    public ImmutableArray<PredicateEntry> VerbEntries(string lemma) => _verbs.TryGetValue(lemma, out var entries) ? entries : [];

    /// <summary>Entries for an event noun lemma, most specific first.</summary>
    public ImmutableArray<PredicateEntry> NounEntries(string lemma) => _nouns.TryGetValue(lemma, out var entries) ? entries : [];

    /// <summary>Loads <c>verbs.tsv</c> from <paramref name="directory"/>.</summary>
    public static EventLexicon Load(string directory)
    {
        using var reader = new StreamReader(Path.Combine(directory, FileName), System.Text.Encoding.UTF8);
        return Load(reader);
    }

    /// <summary>Loads the lexicon from a reader over the TSV (for tests).</summary>
    public static EventLexicon Load(TextReader reader)
    {
        var table = TsvTable.Read(FileName, reader, "lemma", "frame", "particle", "argument", "code");
        int cLemma = table.Column("lemma"), cFrame = table.Column("frame"), cParticle = table.Column("particle"),
            cArgument = table.Column("argument"), cCode = table.Column("code");
        var entries = ImmutableArray.CreateBuilder<PredicateEntry>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var words = row.Required(cLemma, "lemma").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 2)
            {
                throw row.Error($"lemma '{row.Get(cLemma)}' has more than two words.");
            }

            var frame = row.Required(cFrame, "frame") switch
            {
                "verb" => PredicateFrame.Verb,
                "noun" => PredicateFrame.Noun,
                "intent" => PredicateFrame.Intent,
                "demand" => PredicateFrame.Demand,
                "appeal" => PredicateFrame.Appeal,
                "reject" => PredicateFrame.Reject,
                "prepare" => PredicateFrame.Prepare,
                var other => throw row.Error($"frame '{other}' is not one of verb, noun, intent, demand, appeal, reject, prepare."),
            };
            var code = row.Required(cCode, "code");
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                throw row.Error($"code '{code}' is not a CAMEO code of 2 to 4 digits.");
            }

            entries.Add(new PredicateEntry(words[0], words.Length == 2 ? words[1] : null, frame, row.Optional(cParticle),
                row.List(cArgument), code, row.Line));
        }

        return new EventLexicon(entries.ToImmutable());
    }

    private static FrozenDictionary<string, ImmutableArray<PredicateEntry>> Group(IEnumerable<PredicateEntry> entries) =>
        entries.GroupBy(entry => entry.Lemma, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key,
                group => group.OrderByDescending(entry => entry.Specificity).ThenBy(entry => entry.Line).ToImmutableArray(),
                StringComparer.Ordinal);
}
