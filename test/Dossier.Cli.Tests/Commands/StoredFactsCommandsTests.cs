using Dossier.Storage.Sqlite;
using Dossier.Text;

namespace Dossier.Cli.Tests.Commands;

public sealed class StoredFactsCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-facts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Actors_lists_linked_actors_with_their_counts_and_filters_by_name()
    {
        var database = Path.Combine(_folder, "corpus.db");
        Assert.Equal(0, CliRunner.Run(["ingest", CliRunner.Seed, "--db", database, "--quiet"]).ExitCode);

        var all = CliRunner.Run(["actors", "--db", database]);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("Zamir Kabulov (per:zamir-kabulov; PER RUSGOV RUS)", all.Output, StringComparison.Ordinal);
        var kabulov = CliRunner.Run(["actors", "--name", "kabulov", "--db", database]);
        var line = Assert.Single(kabulov.Output.Split('\n'), l => l.Contains("per:zamir-kabulov", StringComparison.Ordinal));
        var counts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4].Select(int.Parse).ToArray();
        Assert.Equal(1, counts[0]); // one document
        Assert.True(counts[1] >= 2 && counts[2] >= 1 && counts[3] >= 1, line); // mentioned, quoted and claiming in the seed article
        Assert.Contains("1 actors", kabulov.Output, StringComparison.Ordinal);

        // The knowledge-layer subcommands still work under the same command.
        Assert.Contains("add", CliRunner.Run(["actors", "--help"]).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_lists_stored_events_filtered_by_actor_and_root()
    {
        var database = Path.Combine(_folder, "events.db");
        const string text = "Russia struck targets near Kabul on Friday. Kabulov met the Taliban.";
        const string json = """
            {"events": [
              {"start": 0, "end": 32, "code": "195", "root": "19", "name": "Employ aerial weapons", "goldstein": -10, "quad_class": 4,
               "source": {"actor": "RUS", "cameo": "RUS", "text": "Russia"}, "target": {"cameo": "AFG", "text": "targets near Kabul"}, "place": "Kabul", "date": "2017-12-22"},
              {"start": 44, "end": 67, "code": "040", "root": "04", "name": "Consult", "goldstein": 1, "quad_class": 1,
               "source": {"actor": "per:zamir-kabulov", "cameo": "RUSGOV", "text": "Kabulov"}, "target": {"actor": "grp:taliban", "cameo": "AFGINS", "text": "the Taliban"}}
            ]}
            """;
        using (var store = new SqliteDocumentStore(database))
        {
            store.Save(new Document("a", text, new DocumentMetadata(Outlet: "RT", Published: new DateOnly(2017, 12, 23))), "rt.txt", json);
        }

        var all = CliRunner.Run(["events", "--db", database]);
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("2017-12-22  195 Employ aerial weapons: Russia (RUS) -> targets near Kabul (AFG) in Kabul [RT] (\"Russia struck targets near Kabul\", rt.txt@0)", all.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  040 Consult: Kabulov (RUSGOV) -> the Taliban (AFGINS) [RT]", all.Output, StringComparison.Ordinal);
        Assert.Contains("2 events", all.Output, StringComparison.Ordinal);

        var taliban = CliRunner.Run(["events", "--actor", "grp:taliban", "--db", database]);
        Assert.Contains("1 events", taliban.Output, StringComparison.Ordinal);
        Assert.Contains("Consult", taliban.Output, StringComparison.Ordinal);
        var fights = CliRunner.Run(["events", "--root", "19", "--db", database]);
        Assert.Contains("1 events", fights.Output, StringComparison.Ordinal);
        Assert.Contains("Employ aerial weapons", fights.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_url_that_cannot_be_reached_is_a_user_error()
    {
        var result = CliRunner.Run(["search", "x", "--db", "postgres://nobody:wrong@127.0.0.1:1/none"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot open the PostgreSQL corpus database", result.Error, StringComparison.Ordinal);
    }
}
