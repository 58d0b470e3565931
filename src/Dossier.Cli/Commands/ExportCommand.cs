using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier export --format jsonl|csv|geojson|gdelt</c>: the corpus in formats other tools read. JSON Lines
/// is one document's full analysis per line; CSV is the claim ledger; GeoJSON is every resolved place
/// mention as a point with its document and evidence offsets.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl (documents), csv (claims), geojson (places) or gdelt (events as GDELT 2.0 event-table rows).", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "csv", "geojson", "gdelt");
        var database = StoreOptions.Database();
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)." };
        var command = new Command("export", "Export the corpus: documents as JSON Lines, claims as CSV, places as GeoJSON, events as GDELT 2.0 event rows.") { format, database, output };
        command.SetAction(parseResult =>
        {
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var path = parseResult.GetValue(output);
                using var file = path is null ? null : new StreamWriter(path, append: false, new UTF8Encoding(false));
                var writer = (TextWriter?)file ?? parseResult.InvocationConfiguration.Output;
                var count = parseResult.GetRequiredValue(format) switch
                {
                    "jsonl" => JsonLines(store, writer),
                    "csv" => Csv(store, writer),
                    "gdelt" => Gdelt(store, writer),
                    _ => GeoJson(store, writer),
                };
                if (path is not null)
                {
                    parseResult.InvocationConfiguration.Output.WriteLine($"wrote {count} records to {path}");
                }

                return CommandErrors.Success;
            });
        });
        return command;
    }

    private static int JsonLines(IDocumentStore store, TextWriter writer)
    {
        var count = 0;
        foreach (var (_, annotations) in store.AllDocuments())
        {
            using var json = JsonDocument.Parse(annotations);
            writer.WriteLine(JsonSerializer.Serialize(json.RootElement)); // compact: one document per line
            count++;
        }

        return count;
    }

    private static int Csv(IDocumentStore store, TextWriter writer)
    {
        writer.WriteLine("published,outlet,claimant,channel,subject,measure,place,low,high,low_inclusive,high_inclusive,approximate,trend,text,document,start,end");
        var count = 0;
        foreach (var claim in store.Claims(new ClaimFilter(), int.MaxValue))
        {
            string Bound(double value) => double.IsInfinity(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
            string[] fields =
            [
                claim.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, claim.Outlet ?? string.Empty,
                claim.ClaimedBy, claim.Channel ?? string.Empty, claim.Subject ?? string.Empty, claim.Measure ?? string.Empty, claim.Place ?? string.Empty,
                Bound(claim.Interval.Low), Bound(claim.Interval.High), claim.Interval.LowInclusive ? "true" : "false",
                claim.Interval.HighInclusive ? "true" : "false", claim.Interval.Approximate ? "true" : "false", claim.Trend ?? string.Empty,
                claim.Text, claim.DocumentKey, claim.Evidence.Start.ToString(CultureInfo.InvariantCulture), claim.Evidence.End.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
            count++;
        }

        return count;
    }

    private static int Gdelt(IDocumentStore store, TextWriter writer)
    {
        var count = 0;
        foreach (var (document, annotations) in store.AllDocuments())
        {
            using var parsed = JsonDocument.Parse(annotations);
            foreach (var row in GdeltRows(document.Key, parsed.RootElement))
            {
                writer.WriteLine(string.Join('\t', row));
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The stored analysis's <c>events</c> as GDELT 2.0 event-table rows: 61 tab-separated columns in GDELT's order, filled
    /// where Dossier knows the value and empty otherwise (docs/events.md lists which).
    /// </summary>
    internal static IEnumerable<string[]> GdeltRows(string documentKey, JsonElement analysis)
    {
        if (!analysis.TryGetProperty("events", out var events))
        {
            yield break;
        }

        var places = new Dictionary<int, JsonElement>();
        if (analysis.TryGetProperty("places", out var placeArray))
        {
            foreach (var place in placeArray.EnumerateArray())
            {
                places.TryAdd(place.GetProperty("start").GetInt32(), place);
            }
        }

        var source = analysis.TryGetProperty("document", out var meta) && meta.TryGetProperty("source", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() ?? string.Empty : string.Empty;
        var index = 0;
        foreach (var coded in events.EnumerateArray())
        {
            var row = new string[61];
            Array.Fill(row, string.Empty);
            row[0] = documentKey + "-" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            if (coded.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.Object
                && date.GetProperty("from").GetString() is { } from && DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                row[1] = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                row[2] = day.ToString("yyyyMM", CultureInfo.InvariantCulture);
                row[3] = day.Year.ToString(CultureInfo.InvariantCulture);
                row[4] = (day.Year + (day.DayOfYear - 1) / (DateTime.IsLeapYear(day.Year) ? 366.0 : 365.0)).ToString("F4", CultureInfo.InvariantCulture);
            }

            FillActor(row, 5, coded.GetProperty("source"));
            FillActor(row, 15, coded.GetProperty("target"));
            var code = coded.GetProperty("code").GetString() ?? string.Empty;
            row[26] = code;
            row[27] = code.Length > 3 ? code[..3] : code;
            row[28] = coded.GetProperty("root").GetString() ?? string.Empty;
            if (coded.GetProperty("quad_class").ValueKind == JsonValueKind.Number)
            {
                row[29] = coded.GetProperty("quad_class").GetInt32().ToString(CultureInfo.InvariantCulture);
                row[30] = coded.GetProperty("goldstein").GetDouble().ToString("0.0", CultureInfo.InvariantCulture);
            }

            row[31] = row[32] = row[33] = "1"; // one mention, in one source, in one article: this one
            if (coded.GetProperty("place") is { ValueKind: JsonValueKind.Object } placeSpan && places.TryGetValue(placeSpan.GetProperty("start").GetInt32(), out var resolved))
            {
                row[52] = resolved.GetProperty("name").GetString() ?? string.Empty;
                row[56] = resolved.GetProperty("lat").GetDouble().ToString("R", CultureInfo.InvariantCulture);
                row[57] = resolved.GetProperty("lon").GetDouble().ToString("R", CultureInfo.InvariantCulture);
            }

            row[60] = source;
            yield return row;
        }
    }

    /// <summary>Actor code, name, country and the first type (role) code, from a source or target object.</summary>
    private static void FillActor(string[] row, int first, JsonElement actor)
    {
        if (actor.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var cameo = actor.GetProperty("cameo").GetString() ?? string.Empty;
        var country = actor.GetProperty("country").GetString() ?? string.Empty;
        row[first] = cameo;
        row[first + 1] = (actor.GetProperty("text").GetString() ?? string.Empty).ToUpperInvariant().Replace('\t', ' ');
        row[first + 2] = country;
        if (country.Length == 3 && cameo.Length >= 6 && cameo.StartsWith(country, StringComparison.Ordinal))
        {
            row[first + 7] = cameo[3..6];
        }
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int GeoJson(IDocumentStore store, TextWriter writer)
    {
        var buffer = new MemoryStream();
        var count = 0;
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var (document, annotations) in store.AllDocuments())
            {
                using var parsed = JsonDocument.Parse(annotations);
                foreach (var place in parsed.RootElement.GetProperty("places").EnumerateArray())
                {
                    json.WriteStartObject();
                    json.WriteString("type", "Feature");
                    json.WriteStartObject("geometry");
                    json.WriteString("type", "Point");
                    json.WriteStartArray("coordinates"); // GeoJSON order: longitude, latitude
                    json.WriteNumberValue(place.GetProperty("lon").GetDouble());
                    json.WriteNumberValue(place.GetProperty("lat").GetDouble());
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteStartObject("properties");
                    json.WriteString("name", place.GetProperty("name").GetString());
                    json.WriteString("country", place.GetProperty("country").GetString());
                    json.WriteString("mention", place.GetProperty("text").GetString());
                    json.WriteNumber("start", place.GetProperty("start").GetInt32());
                    json.WriteNumber("end", place.GetProperty("end").GetInt32());
                    json.WriteString("document", document.Key);
                    json.WriteString("outlet", document.Outlet);
                    json.WriteString("published", document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    json.WriteEndObject();
                    count++;
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        return count;
    }
}
