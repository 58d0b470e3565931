using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Text;

namespace Dossier.Analysis.Geoparsing;

/// <summary>
/// A place described relative to an anchor toponym: "the north of Afghanistan", "northern Syria",
/// "20 km south of Kabul". Kept as direction + anchor rather than invented coordinates: the anchor
/// is resolved like any toponym, and the direction narrows it.
/// </summary>
/// <param name="Span">The whole phrase ("the north of Afghanistan").</param>
/// <param name="Anchor">The anchor toponym inside it ("Afghanistan").</param>
/// <param name="Direction">north, south, east, west, northeast, northwest, southeast, southwest, centre or border.</param>
/// <param name="DistanceKm">Distance from the anchor when stated ("20 km south of"), else null.</param>
public readonly record struct RelativePlace(TextSpan Span, TextSpan Anchor, string Direction, double? DistanceKm);

/// <summary>Finds relative place phrases around known toponym spans. Stateless; thread-safe.</summary>
public static partial class RelativePlaceFinder
{
    /// <summary>Relative phrases whose anchor is one of <paramref name="toponyms"/>.</summary>
    public static ImmutableArray<RelativePlace> Find(string text, IReadOnlyList<TextSpan> toponyms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(toponyms);
        var result = ImmutableArray.CreateBuilder<RelativePlace>();
        foreach (var anchor in toponyms)
        {
            var before = text.AsSpan(0, anchor.Start);
            var window = before[Math.Max(0, before.Length - 60)..].ToString();
            var offset = anchor.Start - window.Length;

            var match = DistanceOf().Match(window);
            if (match.Success)
            {
                var km = double.Parse(match.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
                if (match.Groups["unit"].Value.StartsWith("mi", StringComparison.OrdinalIgnoreCase))
                {
                    km *= 1.609344;
                }

                result.Add(new RelativePlace(new TextSpan(offset + match.Index, anchor.End), anchor, Normalise(match.Groups["dir"].Value), km));
                continue;
            }

            match = PartOf().Match(window);
            if (match.Success)
            {
                result.Add(new RelativePlace(new TextSpan(offset + match.Index, anchor.End), anchor, Normalise(match.Groups["dir"].Value), null));
                continue;
            }

            match = Adjective().Match(window);
            if (match.Success)
            {
                result.Add(new RelativePlace(new TextSpan(offset + match.Index, anchor.End), anchor, Normalise(match.Groups["dir"].Value), null));
                continue;
            }

            match = BorderWith().Match(window);
            if (match.Success)
            {
                result.Add(new RelativePlace(new TextSpan(offset + match.Index, anchor.End), anchor, "border", null));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>"northern" → north, "north-eastern" / "northeast" → northeast, "central" / "center" → centre.</summary>
    internal static string Normalise(string direction)
    {
        var d = direction.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace("ERN", "", StringComparison.Ordinal);
        return d switch
        {
            "CENTRAL" or "CENTER" or "CENTRE" => "centre",
            _ => d.ToLowerInvariant(),
        };
    }

    // "20 km south of ", "15 miles north-east of " right before the anchor.
    [GeneratedRegex(@"(?<n>\d[\d,]*(\.\d+)?)\s*(?<unit>km|kilometres|kilometers|miles|mi)\s+(?<dir>(north|south)(-?(east|west))?|east|west)\s+of\s+(the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DistanceOf();

    // "the north of ", "the south-east of ", "the centre of " right before the anchor.
    [GeneratedRegex(@"\bthe\s+(?<dir>(north|south)(-?(east|west))?|east|west|centre|center)\s+of\s+(the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PartOf();

    // "northern ", "north-eastern ", "central " right before the anchor.
    [GeneratedRegex(@"\b(?<dir>(north|south)(-?(east|west))?ern|eastern|western|central)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex Adjective();

    // "on the border with ", "along the Afghan border with " right before the anchor.
    [GeneratedRegex(@"\b(on|along|near|across|at)\s+(the|its)\s+(\w+\s+)?border\s+(with|of)\s+(the\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BorderWith();
}
