using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dossier.Evaluation.Extraction;

/// <summary>One page of the benchmark: its id, address, ground-truth article body and where its HTML lies.</summary>
/// <param name="Id">The page id (file name without <c>.html.gz</c>).</param>
/// <param name="Url">The page's original address.</param>
/// <param name="Truth">The ground-truth article body.</param>
/// <param name="HtmlPath">The gzip-compressed HTML file.</param>
public sealed record BenchmarkPage(string Id, Uri? Url, string Truth, string HtmlPath)
{
    /// <summary>Reads and decompresses the page's HTML (UTF-8, as the benchmark stores it).</summary>
    public string ReadHtml()
    {
        using var file = File.OpenRead(HtmlPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// The Zyte (scrapinghub) article-extraction benchmark laid out as <c>ground-truth.json</c>
/// (<c>{id: {articleBody, url}}</c>) next to <c>html/ID.html.gz</c>.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>Loads the page list of the benchmark in <paramref name="folder"/>, in id order.</summary>
    /// <exception cref="FileNotFoundException"><c>ground-truth.json</c> is missing.</exception>
    public static IReadOnlyList<BenchmarkPage> Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var truthPath = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"{truthPath} not found: expected the benchmark's ground-truth.json and html/*.html.gz.", truthPath);
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(truthPath));
        var pages = new List<BenchmarkPage>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var html = Path.Combine(folder, "html", entry.Name + ".html.gz");
            if (!File.Exists(html))
            {
                continue;
            }

            var truth = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? string.Empty : string.Empty;
            Uri? url = entry.Value.TryGetProperty("url", out var address) && Uri.TryCreate(address.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
            pages.Add(new BenchmarkPage(entry.Name, url, truth, html));
        }

        pages.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return pages;
    }
}
