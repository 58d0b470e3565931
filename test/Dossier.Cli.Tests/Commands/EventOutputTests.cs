using System.Text.Json;
using Dossier.Cli.Commands;

namespace Dossier.Cli.Tests.Commands;

public sealed class EventOutputTests
{
    private static readonly Lazy<string> SeedJson = new(() => CliRunner.Run(["analyze", CliRunner.Seed, "--format", "json"]).Output);

    [Fact]
    public void Seed_events_carry_codebook_fields_and_offsets_into_the_text()
    {
        var text = File.ReadAllText(CliRunner.Seed);
        using var json = JsonDocument.Parse(SeedJson.Value);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        foreach (var coded in events)
        {
            var (start, end) = (coded.GetProperty("start").GetInt32(), coded.GetProperty("end").GetInt32());
            Assert.Equal(text[start..end], coded.GetProperty("text").GetString());
            var code = coded.GetProperty("code").GetString()!;
            Assert.Equal(code[..2], coded.GetProperty("root").GetString());
            Assert.InRange(coded.GetProperty("goldstein").GetDouble(), -10, 10);
            Assert.InRange(coded.GetProperty("quad_class").GetInt32(), 1, 4);
            Assert.False(string.IsNullOrEmpty(coded.GetProperty("plover").GetProperty("event").GetString()));
            foreach (var field in new[] { "name", "source", "target", "place", "date", "negated", "claimed_by" })
            {
                Assert.True(coded.TryGetProperty(field, out _), $"events[] lacks '{field}'");
            }
        }

        var accused = events.Single(e => e.GetProperty("code").GetString() == "112");
        Assert.Equal("PAK", accused.GetProperty("target").GetProperty("country").GetString());
        Assert.Equal("USA", accused.GetProperty("source").GetProperty("actor_id").GetString());
    }

    [Fact]
    public void Gdelt_rows_have_61_columns_with_codes_dates_and_actors_in_GDELT_order()
    {
        using var json = JsonDocument.Parse(SeedJson.Value);
        var rows = ExportCommand.GdeltRows("seed", json.RootElement).ToList();
        Assert.Equal(json.RootElement.GetProperty("events").GetArrayLength(), rows.Count);
        Assert.All(rows, row => Assert.Equal(61, row.Length));
        var invited = rows.Single(row => row[26] == "036");
        Assert.Equal(("20170401", "201704", "2017"), (invited[1], invited[2], invited[3]));
        Assert.StartsWith("RUS", invited[5], StringComparison.Ordinal); // Actor1Code
        Assert.Equal("USA", invited[17]);                              // Actor2CountryCode
        Assert.Equal(("036", "03", "1", "4.0"), (invited[27], invited[28], invited[29], invited[30]));
    }
}
