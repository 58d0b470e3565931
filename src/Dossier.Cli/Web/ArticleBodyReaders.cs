using Dossier.Ingestion;
using Dossier.Ingestion.Html;
using Dossier.Text;

namespace Dossier.Cli.Web;

/// <summary>
/// Turns a posted request body into the document to analyse. The server picks the first reader that
/// accepts the request's media type and answers 415 when none does, so another format (HTML through an
/// extractor) is added by registering a reader in <see cref="WebOptions.BodyReaders"/>, not by editing the endpoints.
/// </summary>
internal interface IArticleBodyReader
{
    /// <summary>True when this reader understands bodies of <paramref name="mediaType"/> ("text/plain"), lower case, without parameters.</summary>
    bool Accepts(string mediaType);

    /// <summary>The document in <paramref name="body"/>, with the metadata from the query string.</summary>
    Document Read(string body, DocumentMetadata metadata);
}

/// <summary>The plain-text article: headline on line 1, standfirst on line 2, one paragraph per line.</summary>
internal sealed class PlainTextArticleBody : IArticleBodyReader
{
    public static readonly PlainTextArticleBody Instance = new();

    // A client that names no type (curl --data-binary) sends text as far as we are concerned.
    public bool Accepts(string mediaType) => mediaType is "" or "text/plain";

    public Document Read(string body, DocumentMetadata metadata) => new("api", body, metadata);
}

/// <summary>
/// An HTML page: the article is extracted the way <c>dossier ingest</c> extracts pages (cleaning, Readability,
/// paragraph filter), and the page's own title, outlet, date and author fill what the query string leaves open.
/// </summary>
internal sealed class HtmlArticleBody : IArticleBodyReader
{
    public static readonly HtmlArticleBody Instance = new();

    public bool Accepts(string mediaType) => mediaType is "text/html" or "application/xhtml+xml";

    /// <exception cref="ArticleReadException">The page has no article text.</exception>
    public Document Read(string body, DocumentMetadata metadata)
    {
        var extracted = HtmlArticleExtractor.Extract(body, url: null);
        var page = extracted.Metadata;
        // What the caller says about the article wins over what the page says about itself.
        return extracted with { Metadata = page with { Outlet = metadata.Outlet ?? page.Outlet, Published = metadata.Published ?? page.Published } };
    }
}
