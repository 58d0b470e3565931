using System.Net;
using System.Text;
using System.Text.Json;
using Dossier.Cli.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Dossier.Cli.Tests.Web;

public sealed class WebServerTests : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-web-").FullName;
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    public WebServerTests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        _app = WebServer.Build(builder, new WebOptions(Path.Combine(_folder, "web.db"), "secret", MaxRequestBytes: 64 * 1024));
        _app.StartAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task Serves_the_page_with_a_content_security_policy()
    {
        var response = await _client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<script src=\"/app.js\" defer>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_script_never_inserts_markup()
    {
        // Untrusted article text must reach the page as text nodes only.
        var script = await _client.GetStringAsync(new Uri("/app.js", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
        Assert.Contains("createTextNode", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyses_a_hostile_article_and_returns_its_text_as_data()
    {
        const string article = "Headline <script>alert(1)</script>\nStandfirst <img src=x onerror=alert(2)>.\nKabulov said the <a href=\"javascript:alert(3)\">group</a> has over 10,000 fighters in Afghanistan.";
        var response = await _client.PostAsync(new Uri("/api/analyze?published=2017-12-23", UriKind.Relative), Text(article), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Headline <script>alert(1)</script>", json.RootElement.GetProperty("paragraphs")[0].GetProperty("text").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("paragraphs").GetArrayLength());
    }

    [Fact]
    public async Task Writing_needs_the_api_key()
    {
        var response = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), Text("Headline\nStandfirst.\nBody."), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ingested_articles_reach_the_ledger()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/documents?published=2017-12-23&outlet=RT", UriKind.Relative))
        {
            Content = Text(await File.ReadAllTextAsync(CliRunner.Seed, TestContext.Current.CancellationToken)),
        };
        request.Headers.Add("X-Api-Key", "secret");
        var stored = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Contains("\"outcome\":\"added\"", await stored.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var claims = await _client.GetStringAsync(new Uri("/api/claims?about=Islamic%20State&measure=fighters", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(claims);
        Assert.Equal(4, json.RootElement.GetArrayLength());
        Assert.Contains(json.RootElement.EnumerateArray(), claim => claim.GetProperty("text").GetString() == "as many as 10,000" && claim.GetProperty("high").GetDouble() == 10000);

        var documents = await _client.GetStringAsync(new Uri("/api/documents", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("ISIS has over 10,000 fighters", documents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_and_empty_bodies_are_problems_not_crashes()
    {
        var large = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), Text(new string('a', 100 * 1024)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var empty = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), Text("  "), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var body = await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_before_any_ingest_say_so()
    {
        var response = await _client.GetAsync(new Uri("/api/claims", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ingest articles first", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
