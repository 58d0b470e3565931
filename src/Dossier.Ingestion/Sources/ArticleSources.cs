using System.Runtime.CompilerServices;
using System.Text;
using Dossier.Ingestion.Feeds;
using Dossier.Ingestion.Html;
using Dossier.Ingestion.JsonLines;
using Dossier.Ingestion.PlainText;
using Dossier.Text;

namespace Dossier.Ingestion.Sources;

/// <summary>How standard input is to be read.</summary>
public enum StandardInputFormat
{
    /// <summary>One plain-text article.</summary>
    Text,

    /// <summary>JSON Lines, one article per line.</summary>
    JsonLines,

    /// <summary>One HTML page.</summary>
    Html,
}

/// <summary>
/// Turns what the user named — files, folders (recursively), <c>http(s)://</c> addresses and
/// <c>-</c> for standard input — into articles to read, choosing the reader by extension, media type
/// or content: plain text (<c>.txt</c> with its <c>.meta.json</c>), HTML (<c>.html</c>, <c>.htm</c>),
/// RSS/Atom feeds (<c>.rss</c>, <c>.atom</c>, <c>.xml</c>; each item an article), JSON Lines
/// (<c>.jsonl</c>, <c>.ndjson</c>). Enumeration is lazy, so a long JSON Lines file is never held in
/// memory; anything that cannot be read becomes an item whose <see cref="SourceItem.Read"/> throws,
/// so the caller reports it and goes on.
/// </summary>
public sealed class ArticleSources(WebPageFetcher? fetcher, Func<Stream> standardInput, StandardInputFormat standardInputFormat = StandardInputFormat.Text)
{
    /// <summary>The extensions a folder is searched for.</summary>
    public static readonly IReadOnlyList<string> FolderExtensions = [".txt", ".html", ".htm", ".jsonl", ".ndjson", ".rss", ".atom"];

    /// <summary>Whether <paramref name="input"/> is an address to download rather than a path.</summary>
    public static bool IsUrl(string input) =>
        Uri.TryCreate(input, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The files under <paramref name="folder"/> with a known extension, in ordinal path order.</summary>
    public static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => FolderExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>The items of every input, in the order given.</summary>
    public async IAsyncEnumerable<SourceItem> ItemsAsync(IEnumerable<string> inputs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var item in StandardInputItems())
                {
                    yield return item;
                }
            }
            else if (IsUrl(input))
            {
                await foreach (var item in UrlItemsAsync(new Uri(input), cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }
            }
            else if (Directory.Exists(input))
            {
                foreach (var file in FilesUnder(input))
                {
                    foreach (var item in FileItems(file))
                    {
                        yield return item;
                    }
                }
            }
            else
            {
                foreach (var item in FileItems(input))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>The items of one file, by its extension (and, for <c>.xml</c>, nothing else: it must be a feed).</summary>
    public static IEnumerable<SourceItem> FileItems(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [Failed(path, $"{path}: no such file or folder.")];
        }

        var key = Path.GetFullPath(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".xhtml" => [new SourceItem(key, () => HtmlFileReader.ReadFile(path))],
            ".jsonl" or ".ndjson" => JsonLinesFile(path),
            ".rss" or ".atom" or ".xml" => FeedItems(() => File.ReadAllBytes(path), path, key),
            _ => [new SourceItem(key, () => ArticleReader.ReadFile(path))],
        };
    }

    private static IEnumerable<SourceItem> JsonLinesFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var item in JsonLinesReader.Items(reader, Path.GetFullPath(path)))
        {
            yield return item;
        }
    }

    private static IEnumerable<SourceItem> FeedItems(Func<byte[]> read, string name, string key)
    {
        IReadOnlyList<FeedEntry> entries;
        try
        {
            var bytes = read();
            if (bytes.LongLength > ArticleReader.MaxBytes)
            {
                throw new ArticleReadException($"{name} is larger than the {ArticleReader.MaxBytes / (1024 * 1024)} MiB a feed may have.");
            }

            entries = FeedReader.Read(TextDecoder.Decode(bytes, name), name);
        }
        catch (Exception exception) when (exception is ArticleReadException or IOException or UnauthorizedAccessException)
        {
            return [Failed(key, exception.Message)];
        }

        return entries.Select(entry => new SourceItem(entry.Key, () => NonEmpty(entry.Document, $"{name}: item {entry.Key}")));
    }

    private IEnumerable<SourceItem> StandardInputItems()
    {
        const string name = "standard input";
        switch (standardInputFormat)
        {
            case StandardInputFormat.JsonLines:
            {
                using var reader = new StreamReader(standardInput(), Encoding.UTF8);
                foreach (var item in JsonLinesReader.Items(reader, name))
                {
                    yield return item;
                }

                break;
            }

            case StandardInputFormat.Html:
            {
                yield return new SourceItem(name, () => HtmlFileReader.Read(ReadAll(standardInput(), name), name, url: null));
                break;
            }

            default:
            {
                var stream = standardInput();
                yield return new SourceItem(name, () => ArticleReader.ReadStream(stream, "stdin"));
                break;
            }
        }
    }

    private async IAsyncEnumerable<SourceItem> UrlItemsAsync(Uri address, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var key = address.ToString();
        if (fetcher is null)
        {
            yield return Failed(key, $"{key}: fetching URLs is not available here.");
            yield break;
        }

        WebPage? page = null;
        string? failure = null;
        try
        {
            page = await fetcher.FetchAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (ArticleReadException exception)
        {
            failure = exception.Message;
        }

        if (page is null)
        {
            yield return Failed(key, failure ?? $"{key}: nothing was downloaded.");
            yield break;
        }

        if (IsFeed(page))
        {
            foreach (var item in FeedItems(() => page.Content, key, key))
            {
                yield return item;
            }
        }
        else if (page.MediaType is null or "text/html" or "application/xhtml+xml")
        {
            yield return new SourceItem(key, () => HtmlFileReader.Read(page.Content, key, page.Address, page.Charset));
        }
        else if (page.MediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            yield return new SourceItem(key, () => new Document(key, TextDecoder.Decode(page.Content, key, page.Charset), new DocumentMetadata(Source: key)));
        }
        else
        {
            yield return Failed(key, $"{key}: {page.MediaType} is neither a web page, a feed nor text.");
        }
    }

    private static bool IsFeed(WebPage page)
    {
        if (page.MediaType is "application/rss+xml" or "application/atom+xml" or "application/rdf+xml")
        {
            return true;
        }

        if (page.MediaType is "application/xml" or "text/xml")
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(page.Content, 0, Math.Min(page.Content.Length, 1024));
        return page.MediaType is null && FeedReader.LooksLikeFeed(head) && !head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static byte[] ReadAll(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > ArticleReader.MaxBytes)
            {
                throw new ArticleReadException($"{name} is larger than the {ArticleReader.MaxBytes / (1024 * 1024)} MiB a page may have.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? throw new ArticleReadException($"{name} is empty.") : buffer.ToArray();
    }

    private static Document NonEmpty(Document document, string what) =>
        string.IsNullOrWhiteSpace(document.Text) ? throw new ArticleReadException($"{what} has no title or text.") : document;

    private static SourceItem Failed(string key, string message) => new(key, () => throw new ArticleReadException(message));
}
