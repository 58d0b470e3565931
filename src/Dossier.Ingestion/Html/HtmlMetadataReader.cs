using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Ingestion.Html;

/// <summary>What a page says about itself in meta tags and JSON-LD.</summary>
/// <param name="Title">Headline.</param>
/// <param name="Outlet">Site or publisher name.</param>
/// <param name="Published">Publication date.</param>
/// <param name="Author">Author name(s), comma-separated.</param>
/// <param name="Language">The page's language tag.</param>
/// <param name="ArticleBody">JSON-LD <c>articleBody</c>, when the page publishes one.</param>
internal sealed record PageMetadata(string? Title, string? Outlet, DateOnly? Published, string? Author, string? Language, string? ArticleBody);

/// <summary>
/// Reads title, outlet, publication date and author from Open Graph / <c>article:</c> meta tags,
/// the common <c>name=</c> conventions (Dublin Core, Parsely, sailthru) and schema.org JSON-LD
/// (NewsArticle and friends, also inside <c>@graph</c>). JSON-LD wins where both exist, because it is
/// what publishers keep accurate for search engines; invalid JSON-LD is ignored.
/// </summary>
internal static class HtmlMetadataReader
{
    private static readonly string[] TitleKeys = ["og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title"];
    private static readonly string[] OutletKeys = ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"];
    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
        "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
        "og:published_time", "published_time", "article:modified_time",
    ];

    private static readonly string[] AuthorKeys = ["author", "article:author", "byl", "sailthru.author", "parsely-author", "dc.creator"];

    public static PageMetadata Read(IHtmlDocument document)
    {
        var meta = MetaValues(document);
        var jsonLd = JsonLdArticle.Read(document);

        var title = jsonLd?.Headline ?? First(meta, TitleKeys) ?? Clean(document.Title);
        var outlet = jsonLd?.Publisher ?? First(meta, OutletKeys);
        if (outlet is not null && outlet.StartsWith('@'))
        {
            outlet = outlet[1..];
        }

        var published = ParseDate(jsonLd?.DatePublished) ?? DateKeys.Select(k => ParseDate(meta.GetValueOrDefault(k))).FirstOrDefault(d => d is not null)
            ?? ParseDate(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var author = jsonLd?.Author ?? AuthorFromMeta(meta);
        var language = Clean(document.DocumentElement.GetAttribute("lang")) ?? meta.GetValueOrDefault("og:locale")?.Replace('_', '-');
        return new PageMetadata(title, outlet, published, author, language, jsonLd?.ArticleBody);
    }

    private static string? AuthorFromMeta(Dictionary<string, string> meta)
    {
        var author = First(meta, AuthorKeys);

        // Facebook-style article:author is often a profile URL, which is not a name.
        return author is not null && (author.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || author.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? null
            : author;
    }

    private static Dictionary<string, string> MetaValues(IHtmlDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            var content = Clean(element.GetAttribute("content"));
            if (key is not null && content is not null)
            {
                values.TryAdd(key.Trim(), content);
            }
        }

        return values;
    }

    private static string? First(Dictionary<string, string> meta, string[] keys)
    {
        foreach (var key in keys)
        {
            if (meta.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A date from ISO 8601 ("2019-11-19", "2019-11-19T13:03:00Z"), RFC 1123 or a compact "20191119".</summary>
    internal static DateOnly? ParseDate(string? text) => Parse(Clean(text)) is { Year: >= 1900 } date ? date : null; // "0001-01-01": a template's empty date

    private static DateOnly? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : null;
    }
}

/// <summary>The fields of a schema.org article found in a page's JSON-LD blocks.</summary>
internal sealed record JsonLdArticle(string? Headline, string? Publisher, string? DatePublished, string? Author, string? ArticleBody)
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting",
        "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "Report", "WebPage", "SocialMediaPosting",
    };

    public static JsonLdArticle? Read(IHtmlDocument document)
    {
        JsonLdArticle? best = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (var node in Nodes(json.RootElement))
                {
                    if (!IsArticle(node))
                    {
                        continue;
                    }

                    var candidate = new JsonLdArticle(
                        HtmlMetadataReader.Clean(Text(node, "headline") ?? Text(node, "name")),
                        HtmlMetadataReader.Clean(Name(node, "publisher")),
                        Text(node, "datePublished") ?? Text(node, "dateCreated"),
                        HtmlMetadataReader.Clean(Name(node, "author") ?? Name(node, "creator")),
                        Text(node, "articleBody"));

                    // A NewsArticle beats a generic WebPage block describing the same page.
                    if (best is null || (best.DatePublished is null && candidate.DatePublished is not null) || (best.ArticleBody is null && candidate.ArticleBody is not null))
                    {
                        best = candidate;
                    }
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often invalid (raw newlines, trailing text); the page's meta tags still count.
            }
        }

        return best;
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var node in Nodes(item))
                {
                    yield return node;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var node in Nodes(graph))
                {
                    yield return node;
                }
            }
        }
    }

    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A person or organisation given as a string, an object with <c>name</c>, or an array of either.</summary>
    private static string? Name(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var names = new List<string>();
        Collect(value, names);
        return names.Count == 0 ? null : string.Join(", ", names.Distinct(StringComparer.Ordinal));
    }

    private static void Collect(JsonElement value, List<string> names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                names.Add(value.GetString()!.Trim());
                break;
            case JsonValueKind.Object when value.TryGetProperty("name", out var name):
                Collect(name, names);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
        }
    }
}
