using System.Text.Json;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Tests.Commands;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("about 3,000", "\"about 3,000\"")]
    [InlineData("the \"official\" figure", "\"the \"\"official\"\" figure\"")]
    public void Quotes_csv_fields_only_when_needed(string field, string expected) =>
        Assert.Equal(expected, ExportCommand.Quote(field));

    [Fact]
    public void Exports_documents_claims_and_places()
    {
        var database = Path.Combine(_folder, "c.db");
        Assert.Equal(0, CliRunner.Run(["ingest", CliRunner.Seed, "--db", database, "--quiet"]).ExitCode);

        var lines = CliRunner.Run(["export", "--format", "jsonl", "--db", database]).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (var document = JsonDocument.Parse(Assert.Single(lines)))
        {
            Assert.Equal(19, document.RootElement.GetProperty("sentences").GetArrayLength());
        }

        var csv = CliRunner.Run(["export", "--format", "csv", "--db", database]).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("published,outlet,claimant,channel,subject,measure,place,low,high", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, row => row.Contains(",fighters,Afghanistan,0,10000,true,true,false,,as many as 10,000,", StringComparison.Ordinal)
            || row.Contains(",fighters,Afghanistan,0,10000,true,true,false,,\"as many as 10,000\",", StringComparison.Ordinal));

        var path = Path.Combine(_folder, "places.geojson");
        Assert.Contains("records to", CliRunner.Run(["export", "--format", "geojson", "--db", database, "--out", path]).Output, StringComparison.Ordinal);
        using var geo = JsonDocument.Parse(File.ReadAllText(path));
        var islamabad = geo.RootElement.GetProperty("features").EnumerateArray().First(f => f.GetProperty("properties").GetProperty("mention").GetString() == "Islamabad");
        Assert.Equal(73.0, islamabad.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 0);
    }
}
