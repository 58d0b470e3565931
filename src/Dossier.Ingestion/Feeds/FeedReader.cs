using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Dossier.Ingestion.Html;
using Dossier.Text;

namespace Dossier.Ingestion.Feeds;

/// <summary>One entry of a feed, turned into an article.</summary>
/// <param name="Key">The entry's link (or id), else the feed's address with the entry's position.</param>
/// <param name="Document">The article: title on the first line, then the entry's text as paragraphs.</param>
public sealed record FeedEntry(string Key, Document Document);

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with <see cref="System.Xml"/>: each item becomes an
/// article with its title, link, date, author and text (<c>content:encoded</c> or Atom
/// <c>content</c> before the description or summary, its HTML reduced to paragraphs). DTDs are
/// refused and no external entity is ever resolved, so a hostile feed cannot read files or the network.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    /// <summary>Whether <paramref name="head"/> (the start of a file) looks like an RSS or Atom feed.</summary>
    public static bool LooksLikeFeed(string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses the feed in <paramref name="xml"/>; <paramref name="name"/> names it in errors and keys.</summary>
    /// <exception cref="ArticleReadException">The text is not well-formed XML or not a feed.</exception>
    public static IReadOnlyList<FeedEntry> Read(string xml, string name)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(name);
        XDocument feed;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 64L * 1024 * 1024 };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            feed = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            throw new ArticleReadException($"{name}: not a well-formed feed (line {exception.LineNumber}: {exception.Message.Split('.')[0]}).", exception);
        }

        var root = feed.Root!;
        if (root.Name == Atom + "feed")
        {
            var outlet = Text(root.Element(Atom + "title"));
            return [.. root.Elements(Atom + "entry").Select((entry, index) => AtomEntry(entry, index, name, outlet))];
        }

        if (root.Name.LocalName == "rss")
        {
            var channel = root.Element("channel");
            var outlet = Text(channel?.Element("title"));
            return [.. (channel?.Elements("item") ?? []).Select((item, index) => RssItem(item, XNamespace.None, index, name, outlet))];
        }

        if (root.Name.LocalName == "RDF")
        {
            var outlet = Text(root.Element(Rss1 + "channel")?.Element(Rss1 + "title"));
            return [.. root.Elements(Rss1 + "item").Select((item, index) => RssItem(item, Rss1, index, name, outlet))];
        }

        throw new ArticleReadException($"{name}: <{root.Name.LocalName}> is not an RSS or Atom feed.");
    }

    private static FeedEntry RssItem(XElement item, XNamespace ns, int index, string name, string? outlet)
    {
        var title = Text(item.Element(ns + "title"));
        var link = Text(item.Element(ns + "link")) ?? Text(item.Element(ns + "guid"));
        var body = Text(item.Element(Content + "encoded")) ?? Text(item.Element(ns + "description"));
        var published = ParseDate(Text(item.Element(ns + "pubDate")) ?? Text(item.Element(DublinCore + "date")));
        var author = Text(item.Element(DublinCore + "creator")) ?? Text(item.Element(ns + "author"));
        return Entry(title, link, body, published, author, outlet, index, name);
    }

    private static FeedEntry AtomEntry(XElement entry, int index, string name, string? outlet)
    {
        var title = Text(entry.Element(Atom + "title"));
        var link = entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) ?? Text(entry.Element(Atom + "id"));
        var body = Text(entry.Element(Atom + "content")) ?? Text(entry.Element(Atom + "summary"));
        var published = ParseDate(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated")));
        var author = Text(entry.Element(Atom + "author")?.Element(Atom + "name"));
        return Entry(title, link, body, published, author, outlet, index, name);
    }

    private static FeedEntry Entry(string? title, string? link, string? body, DateOnly? published, string? author, string? outlet, int index, string name)
    {
        var paragraphs = body is null ? [] : FragmentParagraphs(body);
        title = title is null ? null : string.Join(' ', FragmentParagraphs(title));
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(title))
        {
            lines.Add(title);
        }

        lines.AddRange(paragraphs);
        var key = string.IsNullOrWhiteSpace(link) ? $"{name}#{index + 1}" : link.Trim();
        var metadata = new DocumentMetadata(Title: string.IsNullOrEmpty(title) ? null : title, Outlet: outlet, Published: published, Source: key, Author: author);
        if (lines.Count == 0)
        {
            // An empty item still gets an entry so the caller can report it and go on.
            return new FeedEntry(key, new Document(key, string.Empty, metadata));
        }

        return new FeedEntry(key, new Document(key, string.Join("\n\n", lines), metadata));
    }

    /// <summary>The text of an HTML fragment (feeds escape their HTML), as paragraphs without markup.</summary>
    private static List<string> FragmentParagraphs(string html)
    {
        using var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        return HtmlParagraphWriter.Paragraphs(document.Body!);
    }

    private static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // RFC 822 dates ("Sat, 23 Dec 2017 10:00:00 GMT") and ISO 8601 both parse; named zones like EST do not, so they are cut off.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return DateOnly.FromDateTime(timestamp.DateTime);
        }

        var lastSpace = text.LastIndexOf(' ');
        return lastSpace > 0 && DateTimeOffset.TryParse(text[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : HtmlMetadataReader.ParseDate(text);
    }
}
