using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Dossier.Knowledge.Events;

namespace Dossier.Evaluation.Events;

/// <summary>
/// Reads PLOVER gold-standard records (a JSON array of objects with <c>id</c>, <c>text</c>, <c>event</c> and
/// <c>source</c>/<c>target</c> lists of <c>{actorText, code, sector}</c>) and compares a CAMEO→PLOVER table with the
/// codebook's mapping.
/// </summary>
public static class PloverGold
{
    /// <summary>
    /// PLOVER v0.5b1 labels and the current type each maps to (the gold data's README): DEMAND became REQUEST,
    /// DISAPPROVE and INVESTIGATE are ACCUSE modes, FIGHT became ASSAULT.
    /// </summary>
    public static FrozenDictionary<string, string> LegacyLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST", ["DISAPPROVE"] = "ACCUSE", ["INVESTIGATE"] = "ACCUSE", ["FIGHT"] = "ASSAULT",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The current PLOVER type for a label, old or new.</summary>
    public static string CurrentLabel(string label) => LegacyLabels.GetValueOrDefault(label, label);

    /// <summary>
    /// Which half of a split by record-id parity a record falls in: "odd" or "even" by the number its id ends with
    /// ("PLOVER-GSR01-AGREE-0007" → odd), else by the id's length. Scoring both halves tells a change that helps
    /// records in general from one fitted to a few sentences: such a change tends to help only one half.
    /// </summary>
    public static string Half(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var end = id.Length;
        while (end > 0 && char.IsAsciiDigit(id[end - 1]))
        {
            end--;
        }

        var parity = end < id.Length ? id[^1] - '0' : id.Length;
        return parity % 2 == 1 ? "odd" : "even";
    }

    /// <summary>Parses the records of a gold file's text; labels are mapped to current types.</summary>
    public static ImmutableArray<EventGoldRecord> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var records = ImmutableArray.CreateBuilder<EventGoldRecord>();
        foreach (var record in document.RootElement.EnumerateArray())
        {
            var id = record.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
            records.Add(new EventGoldRecord(
                id ?? (records.Count + 1).ToString(CultureInfo.InvariantCulture),
                record.GetProperty("text").GetString() ?? string.Empty,
                CurrentLabel(record.GetProperty("event").GetString() ?? string.Empty),
                Codes(record, "source"),
                Codes(record, "target")));
        }

        return records.ToImmutable();
    }

    /// <summary>
    /// How many codes of a CAMEO2PLOVER table (lines "0311: AGREE, mode, context # name"; <c>#</c> starts a comment)
    /// the codebook maps to the same PLOVER event, among the codes both know.
    /// </summary>
    public static (int Agree, int Compared) MappingAgreement(CameoCodebook codebook, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(lines);
        int agree = 0, compared = 0;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 2)
            {
                continue;
            }

            var code = line[..colon].Trim();
            var ploverEvent = line[(colon + 1)..].Split('#')[0].Split(',')[0].Trim();
            if (ploverEvent.Length == 0 || !codebook.TryGet(code, out var cameo))
            {
                continue;
            }

            compared++;
            agree += string.Equals(CurrentLabel(ploverEvent), cameo.PloverEvent, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return (agree, compared);
    }

    private static ImmutableArray<string> Codes(JsonElement record, string side)
    {
        var codes = ImmutableArray.CreateBuilder<string>();
        if (record.TryGetProperty(side, out var actors) && actors.ValueKind == JsonValueKind.Array)
        {
            foreach (var actor in actors.EnumerateArray())
            {
                if (actor.TryGetProperty("code", out var code) && code.GetString() is { Length: >= 3 } value)
                {
                    codes.Add(value);
                }
            }
        }

        return codes.ToImmutable();
    }
}
