using System.Collections.Immutable;

namespace Dossier.Knowledge.Places;

/// <summary>The kind of a gazetteer entry, from its GeoNames feature code.</summary>
public enum PlaceKind
{
    /// <summary>An independent or dependent country (GeoNames PCLI, PCLD, …).</summary>
    Country,

    /// <summary>A first-order administrative division (US state, province; GeoNames ADM1).</summary>
    Admin1,

    /// <summary>A second-order administrative division (US county; GeoNames ADM2).</summary>
    Admin2,

    /// <summary>A national capital (GeoNames PPLC).</summary>
    Capital,

    /// <summary>Seat of a first- or lower-order division (GeoNames PPLA…PPLA4).</summary>
    AdminSeat,

    /// <summary>Any other populated place (GeoNames PPL, PPLX, …).</summary>
    PopulatedPlace,

    /// <summary>A region or area without a single administrative owner (continent, sea, region), or a named landmark (airport, building, square).</summary>
    Region,
}

/// <summary>
/// One gazetteer entry. Immutable. Coordinates are WGS84 degrees (north and east positive).
/// </summary>
/// <param name="Id">GeoNames id for cities; for countries and hand-written areas a negative id unique in the file.</param>
/// <param name="Name">Preferred English name.</param>
/// <param name="AlternateNames">Other names (may be empty).</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code ("" for regions spanning countries).</param>
/// <param name="Admin1">First-order division code as GeoNames writes it ("NY", "08"), or "".</param>
/// <param name="Population">Population (0 when unknown).</param>
/// <param name="Kind">Kind of place.</param>
/// <param name="FeatureCode">GeoNames feature code ("PPLA", "ADM1", "PCLI").</param>
public sealed record Place(
    int Id,
    string Name,
    ImmutableArray<string> AlternateNames,
    double Latitude,
    double Longitude,
    string Country,
    string Admin1,
    long Population,
    PlaceKind Kind,
    string FeatureCode)
{
    /// <summary>
    /// Second-order division (US county name without "County", e.g. "Walker") where known: for US
    /// places from GeoNames' postal-code table; empty elsewhere. For a county, its own name.
    /// </summary>
    public string Admin2 { get; init; } = "";

    /// <summary>Maps a GeoNames feature code to a <see cref="PlaceKind"/>.</summary>
    public static PlaceKind KindOf(string featureCode) => KindOf(featureCode.AsSpan());

    /// <summary>Maps a GeoNames feature code to a <see cref="PlaceKind"/>.</summary>
    public static PlaceKind KindOf(ReadOnlySpan<char> featureCode) => featureCode switch
    {
        "PPLC" => PlaceKind.Capital,
        "ADM1" => PlaceKind.Admin1,
        "ADM2" => PlaceKind.Admin2,
        "PCLI" or "PCLD" or "PCLF" or "PCLS" or "PCLIX" or "PCL" or "TERR" => PlaceKind.Country,
        // Landmarks are named like areas in news ("the White House", "Heathrow"): one known point each.
        "CONT" or "RGN" or "AREA" or "SEA" or "OCN" or "AIRP" or "BLDG" or "STRT" or "SQR" => PlaceKind.Region,
        _ when featureCode.StartsWith("PPLA", StringComparison.Ordinal) => PlaceKind.AdminSeat,
        _ => PlaceKind.PopulatedPlace,
    };
}

/// <summary>Great-circle distance on a sphere of the Earth's mean radius (6,371 km).</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius in km (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in km between two points given in degrees.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRadians = Math.PI / 180;
        var dLat = (lat2 - lat1) * toRadians;
        var dLon = (lon2 - lon1) * toRadians;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * toRadians) * Math.Cos(lat2 * toRadians) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
