using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dossier.Text;
using SmartReader;

namespace Dossier.Ingestion.Html;

/// <summary>The main text of an HTML page and what the page says about itself.</summary>
/// <param name="Body">The article's paragraphs, separated by blank lines; plain text, no markup.</param>
/// <param name="Metadata">Title, outlet, publication date, author, language and source URL.</param>
public sealed record HtmlExtraction(string Body, DocumentMetadata Metadata);

/// <summary>
/// Extracts the article from an HTML page: Readability (SmartReader) picks the main content after
/// the page is cleaned of known non-article blocks, the result is written out as paragraphs, and
/// paragraphs that are page furniture (share prompts, bylines, captions) are dropped. Metadata comes
/// from meta tags and JSON-LD. Thread-safe: every call parses its own DOM.
/// </summary>
public static class HtmlArticleExtractor
{
    /// <summary>A stand-in address when the page's own is unknown; Readability needs one to resolve links.</summary>
    private static readonly Uri UnknownAddress = new("https://localhost/");

    /// <summary>
    /// Extracts the article from <paramref name="html"/> as a document: the title on the first line
    /// (when the page has one), then the body's paragraphs, separated by blank lines.
    /// </summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="url">Where the page came from, or null.</param>
    /// <exception cref="ArticleReadException">No article text could be found in the page.</exception>
    public static Document Extract(string html, Uri? url)
    {
        var extraction = ExtractContent(html, url);
        if (extraction.Body.Length == 0)
        {
            throw new ArticleReadException($"{url?.ToString() ?? "the HTML page"}: no article text found.");
        }

        var text = extraction.Metadata.Title is { } title && !extraction.Body.StartsWith(title, StringComparison.Ordinal)
            ? title + "\n\n" + extraction.Body
            : extraction.Body;
        return new Document(url?.ToString() ?? "html", text, extraction.Metadata);
    }

    /// <summary>The body text and metadata of <paramref name="html"/>; the body is empty when nothing article-like was found.</summary>
    public static HtmlExtraction ExtractContent(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var page = HtmlMetadataReader.Read(document);
        var metadata = new DocumentMetadata(page.Title, page.Outlet, page.Published, page.Language, url?.ToString(), page.Author);

        PageCleaner.Clean(document);
        var paragraphs = MainText(document, url, parser, page);
        return new HtmlExtraction(string.Join("\n\n", paragraphs), metadata);
    }

    /// <summary>SmartReader alone with its default options (<c>TextContent</c>): the baseline <c>dossier eval extract</c> compares against.</summary>
    public static string ExtractWithReadabilityOnly(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var reader = new Reader((url ?? UnknownAddress).ToString(), html);
        var article = reader.GetArticle();
        return article.TextContent ?? string.Empty;
    }

    private static List<string> MainText(IHtmlDocument document, Uri? url, HtmlParser parser, PageMetadata page)
    {
        // Readability mutates the DOM it scores, so the fallback container is looked up first.
        var container = document.QuerySelector("article") ?? document.QuerySelector("main");
        var fallback = container is null ? [] : ParagraphFilter.Keep(HtmlParagraphWriter.Blocks(container), page.Title);

        using var reader = new Reader((url ?? UnknownAddress).ToString(), document);
        var article = reader.GetArticle();
        if (!string.IsNullOrEmpty(article.Content))
        {
            using var content = parser.ParseDocument(article.Content);
            var paragraphs = ParagraphFilter.Keep(HtmlParagraphWriter.Blocks(content.Body!), page.Title);
            if (paragraphs.Count > 0)
            {
                return paragraphs;
            }
        }

        // Readability found nothing: the publisher's own JSON-LD articleBody, else the <article> element's text.
        if (HtmlMetadataReader.Clean(page.ArticleBody) is not null)
        {
            return [.. page.ArticleBody!.Split('\n').Select(HtmlMetadataReader.Clean).OfType<string>()];
        }

        return fallback;
    }
}
