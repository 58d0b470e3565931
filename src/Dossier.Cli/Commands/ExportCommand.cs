using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier export --format jsonl|csv|geojson</c>: the corpus in formats other tools read. JSON Lines
/// is one document's full analysis per line; CSV is the claim ledger; GeoJSON is every resolved place
/// mention as a point with its document and evidence offsets.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl (documents), csv (claims) or geojson (places).", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "csv", "geojson");
        var database = StoreOptions.Database();
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)." };
        var command = new Command("export", "Export the corpus: documents as JSON Lines, claims as CSV, places as GeoJSON.") { format, database, output };
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
