using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests.Commands;

/// <summary>Kills a real ingest process part-way and checks that what it stored is whole and that a rerun completes the batch.</summary>
public sealed class IngestCrashTests : IDisposable
{
    private const int Articles = 300;
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Killing_ingest_midway_loses_nothing_that_was_committed()
    {
        var articles = Path.Combine(_folder, "articles");
        Directory.CreateDirectory(articles);
        var seed = await File.ReadAllTextAsync(CliRunner.Seed, TestContext.Current.CancellationToken);
        for (var i = 0; i < Articles; i++)
        {
            // Each copy differs by one line, so each is a distinct document with the seed's 13 quotes.
            await File.WriteAllTextAsync(Path.Combine(articles, $"a{i:D3}.txt"), seed + $"\nEditor's note {i}.\n", TestContext.Current.CancellationToken);
        }

        var database = Path.Combine(_folder, "corpus.db");
        using (var process = StartIngest(articles, database))
        {
            // Wait until some documents are committed, then kill without warning.
            var deadline = Stopwatch.StartNew();
            while (Count(database, "documents") < 5 && deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal("ok", Scalar(database, "PRAGMA integrity_check;"));
        var stored = Count(database, "documents");
        Assert.InRange(stored, 1, Articles - 1); // killed part-way, not after the end

        // Every stored document has all of its quotes: each was written in one transaction.
        Assert.Equal(0L, Convert.ToInt64(Scalar(database,
            "SELECT COUNT(*) FROM documents d WHERE (SELECT COUNT(*) FROM quotes q WHERE q.document_id = d.id) <> 13;"), System.Globalization.CultureInfo.InvariantCulture));

        var rerun = CliRunner.Run(["ingest", articles, "--db", database, "--quiet"]);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{stored} unchanged", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(Articles, Count(database, "documents"));
    }

    private static Process StartIngest(string articles, string database)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "dossier.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cli, "ingest", articles, "--db", database, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the dossier process");
    }

    private static long Count(string database, string table)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return Convert.ToInt64(Scalar(database, $"SELECT COUNT(*) FROM {table};"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // schema not created yet
        }
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
