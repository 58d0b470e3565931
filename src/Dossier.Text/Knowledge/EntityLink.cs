namespace Dossier.Text.Knowledge;

/// <summary>
/// A mention linked to a canonical actor of the knowledge base, or clustered with the other mentions of
/// the same referent when the knowledge base has no entry for it.
/// </summary>
/// <param name="Span">The mention.</param>
/// <param name="ActorId">The actor's id ("RUS", "grp:islamic-state", "per:zamir-kabulov"), or null for a mention the knowledge base lacks.</param>
/// <param name="ActorName">The actor's canonical name, or null.</param>
/// <param name="Cameo">The CAMEO actor code for this mention ("RUSGOV" for "Moscow believes"), or null.</param>
/// <param name="Cluster">Mentions of one referent share it: the actor id, or "nil:" plus the longest name seen.</param>
/// <param name="Country">The alpha-3 code of the country the actor belongs to (itself for a country), or null.</param>
/// <param name="Origin">Component and sieve that decided.</param>
public sealed record EntityLink(TextSpan Span, string? ActorId, string? ActorName, string? Cameo, string Cluster, string? Country, Provenance Origin);

/// <summary>A place mention resolved to a gazetteer entry with coordinates (WGS84 degrees).</summary>
/// <param name="Span">The mention.</param>
/// <param name="Name">The gazetteer's name for the place.</param>
/// <param name="Latitude">Latitude, north positive.</param>
/// <param name="Longitude">Longitude, east positive.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code, or empty for regions spanning countries.</param>
/// <param name="Admin1">First-order division code, or empty.</param>
/// <param name="Population">Population, 0 when unknown.</param>
/// <param name="Origin">Component and rule that decided.</param>
public sealed record PlaceReference(TextSpan Span, string Name, double Latitude, double Longitude, string Country, string Admin1, long Population, Provenance Origin)
{
    /// <summary>
    /// The phrase that places something relative to this place ("the north of Afghanistan", "20 km south of Kabul",
    /// "on the border with Tajikistan"), or null. The coordinates stay the anchor's: the relation is kept, not guessed.
    /// </summary>
    public RelativeLocation? Relative { get; init; }
}

/// <summary>A location stated relative to an anchor place.</summary>
/// <param name="Span">The whole phrase, anchor included.</param>
/// <param name="Direction">north, south, east, west, northeast, northwest, southeast, southwest, centre or border.</param>
/// <param name="DistanceKm">The stated distance from the anchor ("20 km south of"), or null.</param>
public sealed record RelativeLocation(TextSpan Span, string Direction, double? DistanceKm);
