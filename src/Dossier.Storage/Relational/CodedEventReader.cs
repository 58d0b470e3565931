using System.Globalization;
using System.Text.Json;

namespace Dossier.Storage.Relational;

/// <summary>One side of a coded event: the actor id, its CAMEO code and the name or text it goes by.</summary>
internal sealed record CodedEventActor(string? Actor, string? Cameo, string? Name);

/// <summary>A coded event as the analysis JSON gives it, with offsets checked against the text.</summary>
internal sealed record CodedEvent(
    int Start, int End, string Code, string Root, string Name, double Goldstein, int QuadClass, string? PloverEvent, string? PloverMode,
    CodedEventActor? Source, CodedEventActor? Target, string? Place, string? Date, bool Negated, string? ClaimedBy);

/// <summary>
/// Reads the <c>events</c> array of a stored analysis (docs/json-format.md). The event coder is developed apart from
/// the store, so the reader is tolerant: a missing array is no events, a missing field is null or its neutral value,
/// numbers may arrive as strings, and an event without valid offsets into the text is skipped (a fact without
/// evidence is not stored).
/// </summary>
internal static class CodedEventReader
{
    public static IReadOnlyList<CodedEvent> Read(string annotationsJson, int textLength)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(annotationsJson);
        }
        catch (JsonException)
        {
            return [];
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            var result = new List<CodedEvent>();
            foreach (var item in events.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || Number(item, "start") is not { } start || Number(item, "end") is not { } end
                    || start < 0 || end < start || end > textLength)
                {
                    continue;
                }

                var code = String(item, "code") ?? string.Empty;
                var root = String(item, "root") ?? (code.Length >= 2 ? code[..2] : code);
                var plover = item.TryGetProperty("plover", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                result.Add(new CodedEvent(
                    (int)start, (int)end, code, root, String(item, "name") ?? string.Empty, Number(item, "goldstein") ?? 0, (int)(Number(item, "quad_class") ?? 0),
                    plover.ValueKind == JsonValueKind.Object ? String(plover, "event") : null,
                    plover.ValueKind == JsonValueKind.Object ? String(plover, "mode") : null,
                    Actor(item, "source"), Actor(item, "target"), PlaceName(item), String(item, "date"),
                    item.TryGetProperty("negated", out var negated) && negated.ValueKind == JsonValueKind.True,
                    ClaimedBy(item)));
            }

            return result;
        }
    }

    private static CodedEventActor? Actor(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var side))
        {
            return null;
        }

        return side.ValueKind switch
        {
            JsonValueKind.Object => new CodedEventActor(String(side, "actor") ?? String(side, "id"), String(side, "cameo") ?? String(side, "code"),
                String(side, "name") ?? String(side, "text")),
            JsonValueKind.String => new CodedEventActor(null, null, side.GetString()),
            _ => null,
        };
    }

    // "place" may be a name or an object from the geoparser ({name, lat, lon, …}).
    private static string? PlaceName(JsonElement item) =>
        item.TryGetProperty("place", out var place) && place.ValueKind == JsonValueKind.Object ? String(place, "name") ?? String(place, "text") : String(item, "place");

    // "claimed_by" may be a speaker name or an object naming one.
    private static string? ClaimedBy(JsonElement item) =>
        item.TryGetProperty("claimed_by", out var claimant) && claimant.ValueKind == JsonValueKind.Object
            ? String(claimant, "name") ?? String(claimant, "text") ?? String(claimant, "actor")
            : String(item, "claimed_by");

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static double? Number(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
