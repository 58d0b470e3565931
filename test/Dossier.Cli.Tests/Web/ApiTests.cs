using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dossier.Cli.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Cli.Tests.Web;

/// <summary>The API of issue 10 on the in-memory test server: OpenAPI, paging, ETags, actors, events, places, filters.</summary>
public sealed class ApiTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-api-").FullName;
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    public ApiTests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = WebServer.Build(builder, new WebOptions(Database, "secret", MaxRequestBytes: 64 * 1024));
        _app.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        _client = _app.GetTestClient();
    }

    private string Database => Path.Combine(_folder, "web.db");

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<JsonDocument> Json(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task IngestSeed()
    {
        using var response = await WebCorpus.Ingest(_client, await File.ReadAllTextAsync(CliRunner.Seed, TestContext.Current.CancellationToken), "2017-12-23", "RT");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        using var document = await Json("/openapi/v1.json");
        var described = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                described.Add(operation.Name.ToUpperInvariant() + " " + path.Name);
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
                Assert.True(operation.Value.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out _), $"{operation.Name} {path.Name} documents no 200");
            }
        }

        // Every endpoint the app routes under /api is in the document …
        var routed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
                {
                    routed.Add(method + " " + pattern.Replace(":long}", "}", StringComparison.Ordinal));
                }
            }
        }

        Assert.Equal(routed, described);

        // … and the list is the approved one: a new or renamed endpoint must update the fixture on purpose.
        var approved = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "fixtures", "web", "openapi-paths.txt")).Where(line => line.Length > 0);
        Assert.Equal(approved, described);
    }

    [Fact]
    public async Task Documents_are_paged_with_a_next_link()
    {
        await IngestSeed();
        await WebCorpus.Ingest(_client, WebCorpus.EventArticle, "2017-12-25", "TASS");
        await WebCorpus.Ingest(_client, "Third headline\nA standfirst.\nA body with 12 fighters in Kabul.", "2017-12-26", "AP");

        var first = await _client.GetAsync(new Uri("/api/documents?limit=2", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("</api/documents?offset=2&limit=2>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        using var page = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, page.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("Third headline", page.RootElement.GetProperty("items")[0].GetProperty("title").GetString());

        using var last = await Json(page.RootElement.GetProperty("next").GetString()!);
        Assert.Equal(1, last.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.RootElement.GetProperty("next").ValueKind);
        Assert.StartsWith("ISIS has over 10,000", last.RootElement.GetProperty("items")[0].GetProperty("title").GetString(), StringComparison.Ordinal);

        using var huge = await Json("/api/documents?limit=100000");
        Assert.Equal(WebServer.MaxLimit, huge.RootElement.GetProperty("limit").GetInt32());
        using var search = await Json("/api/documents?q=Kabul&limit=1");
        Assert.Equal(1, search.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/documents?q=Kabul&offset=1&limit=1", search.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Reads_carry_an_etag_and_answer_304_until_the_data_changes()
    {
        await IngestSeed();
        var first = await _client.GetAsync(new Uri("/api/claims?measure=fighters", UriKind.Relative), TestContext.Current.CancellationToken);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/claims?measure=fighters", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(tag);
        var notModified = await _client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        await WebCorpus.Ingest(_client, "Another report\nA standfirst.\nThe Islamic State has 2,000 fighters in Afghanistan, officials said.", "2018-01-05", "AP");
        using var changed = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/claims?measure=fighters", UriKind.Relative));
        changed.Headers.IfNoneMatch.Add(tag);
        var fresh = await _client.SendAsync(changed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(tag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Cached_reads_see_writes_from_another_store_connection()
    {
        await IngestSeed();
        using (var before = await Json("/api/documents"))
        {
            Assert.Equal(1, before.RootElement.GetProperty("items").GetArrayLength());
        }

        // Written behind the server's back, as dossier ingest would: the SQLite files change, so the cached page is stale.
        WebCorpus.StoreEventArticle(Database);
        using var after = await Json("/api/documents");
        Assert.Equal(2, after.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Claims_filter_by_claimant_and_dates_and_reject_bad_dates()
    {
        await IngestSeed();
        using var all = await Json("/api/claims?measure=fighters");
        using var kabulov = await Json("/api/claims?measure=fighters&claimant=Kabulov");
        Assert.InRange(kabulov.RootElement.GetArrayLength(), 1, all.RootElement.GetArrayLength());
        Assert.All(kabulov.RootElement.EnumerateArray(), c => Assert.Contains("Kabulov", c.GetProperty("claimant").GetString(), StringComparison.Ordinal));
        using var later = await Json("/api/claims?measure=fighters&from=2017-12-24");
        Assert.Equal(0, later.RootElement.GetArrayLength());
        using var window = await Json("/api/claims?measure=fighters&from=2017-12-23&to=2017-12-23");
        Assert.Equal(all.RootElement.GetArrayLength(), window.RootElement.GetArrayLength());

        var bad = await _client.GetAsync(new Uri("/api/claims?from=yesterday", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Actors_list_and_actor_page()
    {
        await IngestSeed();
        using var actors = await Json("/api/actors");
        Assert.NotEqual(0, actors.RootElement.GetArrayLength());
        var kabulov = actors.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Zamir Kabulov");
        var id = kabulov.GetProperty("id").GetString()!;

        using var page = await Json("/api/actors/" + Uri.EscapeDataString(id));
        Assert.Equal(id, page.RootElement.GetProperty("actor").GetProperty("id").GetString());
        Assert.NotEqual(0, page.RootElement.GetProperty("quotes").GetArrayLength());
        Assert.All(page.RootElement.GetProperty("quotes").EnumerateArray(), q => Assert.Contains("Kabulov", q.GetProperty("speaker").GetString(), StringComparison.Ordinal));
        Assert.NotEqual(0, page.RootElement.GetProperty("claims_by").GetArrayLength());
        Assert.True(page.RootElement.TryGetProperty("claims_about", out _));

        var missing = await _client.GetAsync(new Uri("/api/actors/per:nobody-at-all", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Places_are_geojson_and_events_are_listed()
    {
        WebCorpus.StoreEventArticle(Database);
        var response = await _client.GetAsync(new Uri("/api/places", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var places = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("FeatureCollection", places.RootElement.GetProperty("type").GetString());
        var kabul = places.RootElement.GetProperty("features").EnumerateArray().First(f => f.GetProperty("properties").GetProperty("text").GetString() == "Kabul");
        Assert.Equal("Point", kabul.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = kabul.GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(coordinates[0].GetDouble(), 68.5, 69.5); // longitude first (RFC 7946)
        Assert.InRange(coordinates[1].GetDouble(), 34.0, 35.0);

        using var events = await Json("/api/events?root=11");
        var accuse = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal("112", accuse.GetProperty("code").GetString());
        Assert.Equal("Russia", accuse.GetProperty("source").GetString());
        Assert.Equal("Kabul", accuse.GetProperty("place").GetString());
        using var none = await Json("/api/events?root=19");
        Assert.Equal(0, none.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_body_types_are_refused_and_hostile_text_stays_data()
    {
        using var xml = new StringContent("<article/>", Encoding.UTF8, new MediaTypeHeaderValue("application/xml"));
        var refused = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), xml, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);

        await WebCorpus.Ingest(_client, WebCorpus.Hostile, "2017-12-24", "Evil <b>Times</b>");
        using var documents = await Json("/api/documents");
        Assert.Equal("Head <script>window.pwned = 1</script>", documents.RootElement.GetProperty("items")[0].GetProperty("title").GetString());
        var problem = await _client.GetAsync(new Uri("/api/documents/999999", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.DoesNotContain("   at ", await problem.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_page_is_analysed_from_its_main_text_with_the_page_metadata()
    {
        const string Page = """
            <html><head><title>Envoy warns of fighters | Example News</title>
            <meta property="og:title" content="Envoy warns of fighters">
            <meta property="og:site_name" content="Example News">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2017-12-23T10:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Envoy warns of fighters</h1>
            <p>Zamir Kabulov told RIA Novosti on Friday that more than 10,000 fighters had gathered in northern Afghanistan.</p>
            <p>"The numbers are growing," he told the agency, adding that Moscow was ready to work with Washington.</p>
            <p>The US military has put the figure at about 3,000, and officials in Kabul declined to comment on the estimate.</p>
            </article><footer>Copyright Example News. Share this story.</footer></body></html>
            """;
        using var html = new StringContent(Page, Encoding.UTF8, new MediaTypeHeaderValue("text/html"));
        var response = await _client.PostAsync(new Uri("/api/analyze?outlet=Given%20Outlet", UriKind.Relative), html, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var analysis = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var document = analysis.RootElement.GetProperty("document");
        Assert.Equal("Jane Doe", document.GetProperty("author").GetString());
        Assert.Equal("2017-12-23", document.GetProperty("published").GetString());
        Assert.Equal("Given Outlet", document.GetProperty("outlet").GetString()); // the caller's word wins over the page's
        var text = string.Join("\n", analysis.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        Assert.Contains("more than 10,000 fighters", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this story", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", text, StringComparison.Ordinal);
        Assert.Contains(analysis.RootElement.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speaker").GetString() == "per:zamir-kabulov");

        using var empty = new StringContent("<html><body><nav>Home</nav></body></html>", Encoding.UTF8, new MediaTypeHeaderValue("text/html"));
        var nothing = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), empty, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Equal("application/problem+json", nothing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Serves_the_world_shapes_for_the_map()
    {
        using var world = await Json("/world.json");
        var countries = world.RootElement.GetProperty("countries");
        Assert.InRange(countries.GetArrayLength(), 150, 200);
        var afghanistan = countries.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Afghanistan");
        Assert.StartsWith("M", afghanistan.GetProperty("d").GetString(), StringComparison.Ordinal);
    }
}
