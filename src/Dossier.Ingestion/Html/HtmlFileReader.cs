using System.Text;
using System.Text.RegularExpressions;
using Dossier.Ingestion.PlainText;
using Dossier.Text;

namespace Dossier.Ingestion.Html;

/// <summary>Reads an HTML page from bytes (a file or a download) and extracts its article.</summary>
public static partial class HtmlFileReader
{
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredCharset();

    /// <summary>Reads the page at <paramref name="path"/>; its address is taken from the page's canonical link when it has one.</summary>
    /// <exception cref="ArticleReadException">The file is missing, too large, not text, or holds no article.</exception>
    public static Document ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ArticleReadException($"{path}: no such file.");
        }

        var length = new FileInfo(path).Length;
        if (length > ArticleReader.MaxBytes)
        {
            throw new ArticleReadException($"{path} is {length / (1024.0 * 1024.0):F1} MiB; a single page may be at most {ArticleReader.MaxBytes / (1024 * 1024)} MiB.");
        }

        var document = Read(File.ReadAllBytes(path), path, url: null);
        return new Document(Path.GetFullPath(path), document.Text, document.Metadata with { Source = document.Metadata.Source ?? Path.GetFullPath(path) });
    }

    /// <summary>Decodes <paramref name="bytes"/> (UTF-8, else the charset the page declares, else Windows-1252) and extracts the article.</summary>
    /// <exception cref="ArticleReadException">The bytes are empty or binary, or the page holds no article.</exception>
    public static Document Read(ReadOnlySpan<byte> bytes, string name, Uri? url, string? charset = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.IsEmpty)
        {
            throw new ArticleReadException($"{name} is empty.");
        }

        var html = Decode(bytes, name, charset);
        try
        {
            return HtmlArticleExtractor.Extract(html, url);
        }
        catch (ArticleReadException exception)
        {
            throw new ArticleReadException($"{name}: no article text found in the page.", exception);
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string name, string? charset)
    {
        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return TextDecoder.Decode(bytes, name, charset);
        }

        try
        {
            return TextDecoder.Decode(bytes, name);
        }
        catch (ArticleReadException) when (bytes.IndexOf((byte)0) < 0)
        {
            // Older pages are often Latin-1 and say so only in a meta tag, which ASCII can read.
            var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            var declared = DeclaredCharset().Match(head);
            var encoding = declared.Success && !declared.Groups[1].Value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? declared.Groups[1].Value : "windows-1252";
            return TextDecoder.Decode(bytes, name, encoding);
        }
    }
}
