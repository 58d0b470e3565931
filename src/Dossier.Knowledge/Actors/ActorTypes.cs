using System.Collections.Immutable;

namespace Dossier.Knowledge.Actors;

/// <summary>What kind of actor an entry is; decides which mentions may link to it.</summary>
public enum ActorType
{
    /// <summary>A state or territory with an ISO 3166-1 alpha-3 code (which is also its CAMEO code).</summary>
    Country,

    /// <summary>A geographic or political region ("Central Asia", "the Sahel").</summary>
    Region,

    /// <summary>An intergovernmental organisation or one of its bodies (UN, NATO, IAEA).</summary>
    Igo,

    /// <summary>A ministry, agency, force or office of one state (Russian Foreign Ministry, CIA).</summary>
    GovernmentBody,

    /// <summary>An armed non-state group (Islamic State, Taliban, Hezbollah).</summary>
    ArmedGroup,

    /// <summary>A media outlet or news agency.</summary>
    Outlet,

    /// <summary>A person.</summary>
    Person,
}

/// <summary>A typed actor identifier such as "RUS", "igo:un", "grp:taliban" or "per:vladimir-putin".</summary>
/// <param name="Value">The identifier; countries use their alpha-3 code, others a prefixed slug.</param>
public readonly record struct ActorId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How a name belongs to an actor; the linker weighs them differently.</summary>
public enum NameKind
{
    /// <summary>The canonical name.</summary>
    Name,

    /// <summary>Another name, abbreviation or spelling.</summary>
    Alias,

    /// <summary>A demonym or adjective ("Russian", "Afghan"): it names the country, or its people.</summary>
    Demonym,

    /// <summary>A seat-of-power metonym ("Moscow", "the Kremlin", "Downing Street"): as a subject it is the government.</summary>
    Seat,
}

/// <summary>
/// One entry of the actor knowledge base. Immutable. Lists are never default.
/// </summary>
/// <param name="Id">Unique identifier.</param>
/// <param name="Type">Kind of actor.</param>
/// <param name="Cameo">CAMEO actor code (e.g. "RUS", "RUSGOV", "IGOUNO", "AFGINS").</param>
/// <param name="Name">Canonical display name.</param>
/// <param name="Aliases">Other names, abbreviations and spellings (not including <paramref name="Name"/>).</param>
/// <param name="Country">Alpha-3 code of the country the actor belongs to, when there is one.</param>
/// <param name="Affiliations">Parent or allied actors (a province of Islamic State, a ministry's state).</param>
/// <param name="WikidataId">Wikidata QID, only where it was checked.</param>
public sealed record Actor(
    ActorId Id,
    ActorType Type,
    string Cameo,
    string Name,
    ImmutableArray<string> Aliases,
    string? Country,
    ImmutableArray<ActorId> Affiliations,
    string? WikidataId)
{
    /// <summary>Demonyms and adjectives (countries only).</summary>
    public ImmutableArray<string> Demonyms { get; init; } = [];

    /// <summary>Seat-of-power metonyms that stand for the government (countries only).</summary>
    public ImmutableArray<string> Seats { get; init; } = [];

    /// <summary>The capital city's name (countries only).</summary>
    public string? Capital { get; init; }

    /// <summary>"state", "territory" or "partial" (countries only).</summary>
    public string? CountryKind { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code (countries only).</summary>
    public string? Alpha2 { get; init; }

    /// <summary>Offices held, in file order (people only).</summary>
    public ImmutableArray<Position> Positions { get; init; } = [];

    /// <summary>Every name with its kind, canonical name first.</summary>
    public IEnumerable<(string Name, NameKind Kind)> AllNames()
    {
        yield return (Name, NameKind.Name);
        foreach (var alias in Aliases)
        {
            yield return (alias, NameKind.Alias);
        }

        foreach (var demonym in Demonyms)
        {
            yield return (demonym, NameKind.Demonym);
        }

        foreach (var seat in Seats)
        {
            yield return (seat, NameKind.Seat);
        }
    }
}

/// <summary>
/// An office a person held. Dates are inclusive days; a year-only or month-only date in the file
/// widens to the whole year or month (from its first day, to its last).
/// </summary>
/// <param name="Cameo">CAMEO code of the role, e.g. "RUSGOV".</param>
/// <param name="Title">Title as usually written, e.g. "Foreign Minister".</param>
/// <param name="Of">The actor served (a country code or a body's id).</param>
/// <param name="From">First day in office, when known.</param>
/// <param name="To">Last day in office, or null while still in office.</param>
public sealed record Position(string Cameo, string Title, ActorId Of, DateOnly? From, DateOnly? To)
{
    /// <summary>True when the office was held on <paramref name="day"/> (unknown bounds count as open).</summary>
    public bool IsHeldOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>
/// A sector of government or society with its CAMEO role code, and the head nouns that name a
/// body of that sector after a demonym or country ("Afghan police" → AFG + COP).
/// </summary>
/// <param name="Role">CAMEO role code (GOV, MIL, COP, SPY, JUD, LEG, REB, INS, MED, …).</param>
/// <param name="Name">Sector name in words.</param>
/// <param name="Heads">Head nouns, case as usually written.</param>
public sealed record Sector(string Role, string Name, ImmutableArray<string> Heads);

/// <summary>A name found in the index: which actor it names and how.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Kind">Whether the name is the canonical name, an alias, a demonym or a seat metonym.</param>
/// <param name="Written">The name exactly as written in the data (case matters for acronyms).</param>
public readonly record struct ActorCandidate(Actor Actor, NameKind Kind, string Written);
