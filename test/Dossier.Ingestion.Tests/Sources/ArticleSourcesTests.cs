using System.Text;
using Dossier.Ingestion.Sources;

namespace Dossier.Ingestion.Tests.Sources;

public sealed class ArticleSourcesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-sources-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<List<SourceItem>> Collect(ArticleSources sources, params string[] inputs)
    {
        var items = new List<SourceItem>();
        await foreach (var item in sources.ItemsAsync(inputs, TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task A_folder_is_searched_recursively_for_every_known_format()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_folder, "a", "b")).FullName;
        File.Copy(Fixture.Path("hostile-article.html"), Path.Combine(nested, "page.html"));
        File.Copy(Fixture.Path("feed.atom"), Path.Combine(_folder, "feed.atom"));
        File.Copy(Fixture.Path("articles.jsonl"), Path.Combine(_folder, "a", "lines.jsonl"));
        File.WriteAllText(Path.Combine(_folder, "plain.txt"), "Headline\nBody line.\n");
        File.WriteAllText(Path.Combine(_folder, "ignored.csv"), "a,b\n");

        var items = await Collect(new ArticleSources(null, () => Stream.Null), _folder);
        Assert.Equal(1 + 4 + 1 + 1, items.Count);
        Assert.Contains(items, i => i.Key == "https://courier.example/river");
        Assert.Contains(items, i => i.Key.EndsWith("page.html", StringComparison.Ordinal) && i.Read().Text.StartsWith("Harbour cranes", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Key.EndsWith("plain.txt", StringComparison.Ordinal) && i.Read().Text == "Headline\nBody line.\n");
    }

    [Fact]
    public async Task Standard_input_is_text_or_json_lines_as_told()
    {
        static Stream Input(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));
        var text = Assert.Single(await Collect(new ArticleSources(null, () => Input("Title\nBody.\n")), "-"));
        Assert.Equal("Title\nBody.\n", text.Read().Text);

        var lines = await Collect(new ArticleSources(null, () => Input("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n"), StandardInputFormat.JsonLines), "-");
        Assert.Equal(["One.", "Two."], lines.Select(i => i.Read().Text));
    }

    [Fact]
    public async Task Missing_files_and_urls_without_a_fetcher_fail_as_items_not_as_the_batch()
    {
        var items = await Collect(new ArticleSources(null, () => Stream.Null), Path.Combine(_folder, "missing.txt"), "https://example.org/a");
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Throws<ArticleReadException>(i.Read));
    }

    [Fact]
    public async Task Urls_are_fetched_and_read_by_media_type()
    {
        using var client = new HttpClient(new StubHandler());
        var sources = new ArticleSources(new WebPageFetcher(client, TimeSpan.FromSeconds(5)), () => Stream.Null);
        var page = Assert.Single(await Collect(sources, "https://ledger.example/news/cranes"));
        var document = page.Read();
        Assert.StartsWith("Harbour cranes return to Port Ellery\n\nThree container cranes", document.Text, StringComparison.Ordinal);
        Assert.Equal("https://ledger.example/news/cranes", document.Metadata.Source);

        var feed = await Collect(sources, "https://ledger.example/feed");
        Assert.Equal(3, feed.Count);

        var missing = Assert.Single(await Collect(sources, "https://ledger.example/missing"));
        Assert.Contains("404", Assert.Throws<ArticleReadException>(missing.Read).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_over_the_size_cap_are_refused()
    {
        using var client = new HttpClient(new StubHandler());
        var fetcher = new WebPageFetcher(client, TimeSpan.FromSeconds(5));
        var exception = await Assert.ThrowsAsync<ArticleReadException>(() => fetcher.FetchAsync(new Uri("https://ledger.example/huge"), TestContext.Current.CancellationToken));
        Assert.Contains("MiB", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Answers from the fixtures, so no test touches the network.</summary>
    private sealed class StubHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.StartsWith("Dossier/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
            var response = request.RequestUri!.AbsolutePath switch
            {
                "/news/cranes" => Content(Fixture.Read("hostile-article.html"), "text/html"),
                "/feed" => Content(Fixture.Read("feed.rss"), "application/rss+xml"),
                "/huge" => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(new EndlessStream()) },
                _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
            };
            response.RequestMessage = request;
            return Task.FromResult(response);
        }

        private static HttpResponseMessage Content(string text, string mediaType) =>
            new(System.Net.HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
    }

    /// <summary>A body with no Content-Length that never ends: only the reading cap stops it.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
