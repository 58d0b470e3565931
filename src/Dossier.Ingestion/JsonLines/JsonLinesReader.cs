using System.Globalization;
using System.Text.Json;
using Dossier.Ingestion.Html;
using Dossier.Ingestion.Sources;
using Dossier.Text;

namespace Dossier.Ingestion.JsonLines;

/// <summary>
/// Reads JSON Lines: one object per line with <c>text</c> (plain text) or <c>html</c> (a page or
/// fragment, run through <see cref="HtmlArticleExtractor"/>), and optional <c>title</c>, <c>url</c>,
/// <c>published</c>, <c>outlet</c>, <c>author</c>, <c>language</c>. Lines are read one at a time, so a file
/// of any length is read in constant memory; a bad line fails alone.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>The items of <paramref name="reader"/>, one per non-blank line, read lazily.</summary>
    /// <param name="reader">The text to read; owned by the caller and read as the items are enumerated.</param>
    /// <param name="name">The file name (or "standard input") for keys and messages.</param>
    public static IEnumerable<SourceItem> Items(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = $"{name}#{number}";
            var key = KeyOf(line) ?? where;
            yield return new SourceItem(key, () => Parse(line, where, key));
        }
    }

    /// <summary>Parses one line into an article.</summary>
    /// <exception cref="ArticleReadException">The line is not a JSON object, has neither text nor html, or a field has the wrong type.</exception>
    public static Document Parse(string line, string where, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(where);
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleReadException($"{where}: expected a JSON object with 'text' or 'html'.");
            }

            var url = Field(root, "url", where);
            Uri? address = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
            var title = Field(root, "title", where);
            var metadata = new DocumentMetadata(
                Title: title,
                Outlet: Field(root, "outlet", where),
                Published: DateField(root, "published", where),
                Language: Field(root, "language", where),
                Source: url ?? where,
                Author: Field(root, "author", where));

            if (Field(root, "text", where) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                // The headline goes on line 1, as the article layout expects, unless the text already starts with it.
                var body = title is not null && !text.StartsWith(title, StringComparison.Ordinal) ? title + "\n\n" + text : text;
                return new Document(key ?? where, body, metadata);
            }

            if (Field(root, "html", where) is { } html && !string.IsNullOrWhiteSpace(html))
            {
                var extracted = HtmlArticleExtractor.Extract(html, address);
                return new Document(key ?? where, extracted.Text, Merge(metadata, extracted.Metadata));
            }

            throw new ArticleReadException($"{where}: no 'text' or 'html' field with content.");
        }
        catch (JsonException exception)
        {
            throw new ArticleReadException($"{where}: invalid JSON ({exception.Message.Split('.')[0]}).", exception);
        }
    }

    /// <summary>The line's fields win; the page's own metadata fills the gaps.</summary>
    private static DocumentMetadata Merge(DocumentMetadata given, DocumentMetadata page) => new(
        given.Title ?? page.Title,
        given.Outlet ?? page.Outlet,
        given.Published ?? page.Published,
        given.Language ?? page.Language,
        given.Source,
        given.Author ?? page.Author);

    private static string? KeyOf(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                ? url.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonElement root, string name, string where)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArticleReadException($"{where}: '{name}' must be a string.");
    }

    private static DateOnly? DateField(JsonElement root, string name, string where)
    {
        var text = Field(root, name, where);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.UtcDateTime)
            : throw new ArticleReadException($"{where}: '{name}' is '{text}', not a date (use YYYY-MM-DD).");
    }
}
