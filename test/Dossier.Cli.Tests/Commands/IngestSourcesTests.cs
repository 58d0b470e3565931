namespace Dossier.Cli.Tests.Commands;

/// <summary><c>dossier ingest</c> over HTML, feeds, JSON Lines and standard input, with fixtures written here.</summary>
public sealed class IngestSourcesTests : IDisposable
{
    private const string Page = """
        <html lang="en"><head><title>Ferry fares rise | Island Post</title>
        <meta property="og:site_name" content="Island Post"><meta property="article:published_time" content="2024-02-10T08:00:00Z">
        <script>alert('SCRIPT-LEAK')</script></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Ferry fares rise</h1>
        <p>Ferry fares to the island will rise by 8 percent from April, the operator said on Saturday, blaming higher fuel prices.</p>
        <p>Commuters who buy monthly passes will pay 6 percent more, and children under twelve will still travel free of charge.</p>
        <p><img src="x" onerror="alert('IMG-LEAK')">The island council said it would ask the regional government to cover part of the increase.</p>
        </article></body></html>
        """;

    private const string Feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Island Post</title>
        <item><title>Harbour wall repaired</title><link>https://post.example/wall</link><pubDate>Mon, 12 Feb 2024 09:00:00 GMT</pubDate>
        <description>Workers finished repairing the harbour wall on Monday, two weeks ahead of schedule.</description></item>
        <item><title>School bus route changes</title><link>https://post.example/bus</link>
        <description>The school bus will stop at the new roundabout from March, the council said.</description></item>
        </channel></rss>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-ingest-sources-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Ingests_html_feeds_and_json_lines_from_a_folder_skipping_bad_lines_and_idempotently()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "in", "deeper")).FullName;
        File.WriteAllText(Path.Combine(input, "fares.html"), Page);
        File.WriteAllText(Path.Combine(_folder, "in", "post.rss"), Feed);
        File.WriteAllText(Path.Combine(_folder, "in", "lines.jsonl"), """
            {"title": "Lighthouse opens to visitors", "text": "The lighthouse will open to visitors on weekends from May.", "url": "https://post.example/lighthouse", "outlet": "Island Post", "published": "2024-02-14"}
            {"broken": 
            """);
        var database = Path.Combine(_folder, "corpus.db");

        var first = CliRunner.Run(["ingest", Path.Combine(_folder, "in"), "--db", database, "--quiet"]);
        Assert.Equal(1, first.ExitCode); // the broken line is skipped, the rest stored
        Assert.Contains("ingested 5 articles", first.Output, StringComparison.Ordinal);
        Assert.Contains("4 added, 0 unchanged, 0 replaced, 1 skipped; 4 documents", first.Output, StringComparison.Ordinal);
        Assert.Contains("lines.jsonl#2: invalid JSON", first.Error, StringComparison.Ordinal);

        var again = CliRunner.Run(["ingest", Path.Combine(_folder, "in"), "--db", database, "--quiet"]);
        Assert.Contains("0 added, 4 unchanged", again.Output, StringComparison.Ordinal);

        var search = CliRunner.Run(["search", "fares", "--db", database]);
        Assert.Contains("2024-02-10  Island Post", search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAK", search.Output, StringComparison.Ordinal);

        var export = CliRunner.Run(["export", "--format", "jsonl", "--db", database]);
        Assert.DoesNotContain("LEAK", export.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", export.Output, StringComparison.Ordinal);
        Assert.Contains("Harbour wall repaired", export.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_json_lines_from_standard_input()
    {
        var database = Path.Combine(_folder, "stdin.db");
        var result = CliRunner.Run(
            ["ingest", "-", "--format", "jsonl", "--db", database, "--quiet"],
            "{\"text\": \"Snow closed the mountain pass on Friday.\"}\n{\"text\": \"The pass reopened on Sunday.\"}\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 added", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_an_input_error()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        var result = CliRunner.Run(["ingest", empty, "--db", Path.Combine(_folder, "e.db"), "--quiet"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing to ingest", result.Error, StringComparison.Ordinal);
    }
}
