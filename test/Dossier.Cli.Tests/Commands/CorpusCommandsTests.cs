namespace Dossier.Cli.Tests.Commands;

public sealed class CorpusCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-corpus-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ingests_a_folder_idempotently_skipping_bad_files_then_searches_and_lists_quotes()
    {
        var articles = Path.Combine(_folder, "articles", "rt");
        Directory.CreateDirectory(articles);
        File.Copy(CliRunner.Seed, Path.Combine(articles, "seed.txt"));
        File.Copy(Path.ChangeExtension(CliRunner.Seed, ".meta.json"), Path.Combine(articles, "seed.meta.json"));
        File.WriteAllBytes(Path.Combine(articles, "broken.txt"), [1, 0, 2]);
        var database = Path.Combine(_folder, "corpus.db");

        var first = CliRunner.Run(["ingest", Path.Combine(_folder, "articles"), "--db", database, "--quiet"]);
        Assert.Equal(1, first.ExitCode); // one file skipped
        Assert.Contains("1 added, 0 unchanged, 0 replaced, 1 skipped; 1 documents", first.Output, StringComparison.Ordinal);
        Assert.Contains("skipped: ", first.Error, StringComparison.Ordinal);
        Assert.Contains("broken.txt looks like a binary file", first.Error, StringComparison.Ordinal);

        var second = CliRunner.Run(["ingest", articles + "/seed.txt", "--db", database, "--quiet"]);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added, 1 unchanged", second.Output, StringComparison.Ordinal);

        var search = CliRunner.Run(["search", "Taliban", "--db", database]);
        Assert.Contains("2017-12-23  RT", search.Output, StringComparison.Ordinal);
        Assert.Contains("1 documents", search.Output, StringComparison.Ordinal);

        var quotes = CliRunner.Run(["quotes", "--speaker", "Kabulov", "--db", database]);
        Assert.Contains("Zamir Kabulov (told via RIA Novosti, direct): “Russia was among", quotes.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_evaluation_refuses_a_store_that_already_holds_documents()
    {
        // Saving the demo corpus into a full store would answer "unchanged" and make no links, scoring nothing.
        var articles = Path.Combine(_folder, "articles");
        Directory.CreateDirectory(articles);
        File.Copy(CliRunner.Seed, Path.Combine(articles, "seed.txt"));
        var database = Path.Combine(_folder, "full.db");
        Assert.Equal(0, CliRunner.Run(["ingest", articles, "--db", database, "--quiet"]).ExitCode);

        var labels = Path.Combine(_folder, "links.tsv");
        File.WriteAllText(labels, "duplicate\tone\tseed.txt\t\n");
        var result = CliRunner.Run(["eval", "corpus", "--db", database, "--samples", articles, "--gold", labels]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("already holds documents", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Querying_a_missing_database_says_how_to_create_it()
    {
        var result = CliRunner.Run(["search", "x", "--db", Path.Combine(_folder, "none.db")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("create it with 'dossier ingest", result.Error, StringComparison.Ordinal);
    }
}

public sealed class DemoCorpusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-demo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Samples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "isis-afghanistan");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/isis-afghanistan was not found above the test binaries.");
    }

    [Fact]
    public void Recognises_the_syndicated_copy_and_only_it()
    {
        // Labelled pairs of the demo corpus: ABNA reprints RT; every other pair is an independent rewrite.
        var database = Path.Combine(_folder, "demo.db");
        Assert.Equal(0, CliRunner.Run(["ingest", Samples(), "--db", database, "--quiet"]).ExitCode);
        var result = CliRunner.Run(["duplicates", "--db", database]);
        Assert.Contains("ABNA 2017-12-26 (abna-2017-12-26.txt)  ≈  RT 2017-12-23 (rt-2017-12-23.txt)", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 near-duplicate pairs", result.Output, StringComparison.Ordinal);
    }
}
