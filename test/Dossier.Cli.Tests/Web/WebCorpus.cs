using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Commands;
using Dossier.Cli.Output;
using Dossier.Storage.Sqlite;
using Dossier.Text;

namespace Dossier.Cli.Tests.Web;

/// <summary>Builds the corpora the web tests query: articles posted through the API, and one stored with a coded event.</summary>
internal static class WebCorpus
{
    /// <summary>An article whose facts carry markup and script: every view must show it as text.</summary>
    public const string Hostile =
        "Head <script>window.pwned = 1</script>\n" +
        "Stand <img src=x onerror=\"window.pwned = 2\">.\n" +
        "\"The <img src=x onerror=window.pwned=4> group has over 500 fighters in <a href=\"javascript:window.pwned = 3\">Kabul</a>,\" said Zamir Kabulov <svg onload=\"window.pwned = 5\">.";

    /// <summary>The article of the stored event: Russia (source) accuses the Taliban (target) in Kabul.</summary>
    public const string EventArticle =
        "Moscow accuses Taliban over Kabul attack\n" +
        "Officials spoke on Monday.\n" +
        "Russia accused the Taliban of an attack in Kabul, the Russian foreign ministry said.";

    public static async Task<HttpResponseMessage> Ingest(HttpClient client, string text, string published, string outlet, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/documents?published={published}&outlet={Uri.EscapeDataString(outlet)}" + (key is null ? "" : "&key=" + key), UriKind.Relative))
        {
            Content = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("text/plain")),
        };
        request.Headers.Add("X-Api-Key", "secret");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"ingest answered {(int)response.StatusCode}");
        return response;
    }

    /// <summary>
    /// Stores <see cref="EventArticle"/> analysed, with one coded event written into its analysis JSON the way
    /// the event coder writes them (docs/json-format.md), so event views are tested whether or not a coder is wired.
    /// </summary>
    public static void StoreEventArticle(string databasePath)
    {
        var document = new Document("event", EventArticle, new DocumentMetadata(Outlet: "TASS", Published: new DateOnly(2017, 12, 25)));
        var analysed = SegmentationPipelines.Full(ArticleLayout.Article).Build().Process(document, TestContext.Current.CancellationToken);
        var verb = EventArticle.IndexOf("accused", StringComparison.Ordinal);
        var json = JsonNode.Parse(DocumentJsonWriter.ToJson(analysed, new JsonOptions()))!.AsObject();
        json["events"] = new JsonArray(new JsonObject
        {
            ["start"] = verb,
            ["end"] = verb + "accused".Length,
            ["text"] = "accused",
            ["code"] = "112",
            ["root"] = "11",
            ["name"] = "Accuse",
            ["goldstein"] = -2.0,
            ["quad_class"] = 3,
            ["plover"] = new JsonObject { ["event"] = "ACCUSE", ["mode"] = null },
            ["source"] = new JsonObject { ["actor"] = "RUS", ["cameo"] = "RUS", ["text"] = "Russia" },
            ["target"] = new JsonObject { ["actor"] = null, ["cameo"] = "AFGINS", ["text"] = "the Taliban" },
            ["place"] = "Kabul",
            ["date"] = "2017-12-25",
            ["negated"] = false,
            ["claimed_by"] = null,
        });
        using var store = new SqliteDocumentStore(databasePath);
        store.Save(analysed, "event-article", json.ToJsonString());
    }

    /// <summary>The seed article with its paragraphs repeated until it has at least <paramref name="words"/> words (headline and standfirst once).</summary>
    public static string LongArticle(string seed, int words)
    {
        var lines = seed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder().Append(lines[0]).Append('\n').Append(lines[1]).Append('\n');
        var count = lines[0].Split(' ').Length + lines[1].Split(' ').Length;
        for (var i = 2; count < words; i = i + 1 < lines.Length ? i + 1 : 2)
        {
            text.Append(lines[i]).Append('\n');
            count += lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return text.ToString();
    }
}
