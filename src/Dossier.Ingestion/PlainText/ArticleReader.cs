using System.Globalization;
using System.Text.Json;
using Dossier.Text;

namespace Dossier.Ingestion.PlainText;

/// <summary>Options for <see cref="ArticleReader"/>.</summary>
/// <param name="Encoding">Encoding name, or null for UTF-8 (UTF-16 when a byte-order mark says so).</param>
/// <param name="Published">Publication date that overrides the sidecar's.</param>
/// <param name="Outlet">Outlet that overrides the sidecar's.</param>
public sealed record ArticleReadOptions(string? Encoding = null, DateOnly? Published = null, string? Outlet = null)
{
    /// <summary>No overrides, automatic encoding.</summary>
    public static ArticleReadOptions Default { get; } = new();
}

/// <summary>
/// Reads one plain-text article (headline on line 1, standfirst on line 2, one paragraph per line)
/// and its optional <c>NAME.meta.json</c> sidecar into a <see cref="Document"/>. The text is kept
/// exactly as decoded — never normalised or trimmed — so every offset points into what the user
/// gave. Inputs larger than <see cref="MaxBytes"/> are refused rather than read into memory.
/// </summary>
public static class ArticleReader
{
    /// <summary>The largest article accepted: 32 MiB, about 5 million words, far beyond any news report.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    /// <summary>Reads the article at <paramref name="path"/> and its sidecar, if any.</summary>
    /// <exception cref="ArticleReadException">The file is missing, a directory, empty, binary, badly encoded or too large, or the sidecar is invalid.</exception>
    public static Document ReadFile(string path, ArticleReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ArticleReadOptions.Default;
        if (Directory.Exists(path))
        {
            throw new ArticleReadException($"{path} is a directory; give one article file (or '-' for standard input).");
        }

        if (!File.Exists(path))
        {
            throw new ArticleReadException($"{path}: no such file.");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new ArticleReadException($"{path} is {length / (1024.0 * 1024.0):F1} MiB; a single article may be at most {MaxBytes / (1024 * 1024)} MiB.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArticleReadException($"{path}: cannot be read ({exception.Message}).", exception);
        }

        var metadata = ReadSidecar(path) with { Source = Path.GetFullPath(path) };
        return Create(Path.GetFileNameWithoutExtension(path), bytes, path, metadata, options);
    }

    /// <summary>Reads an article from <paramref name="stream"/> (standard input), stopping with an error past <see cref="MaxBytes"/>.</summary>
    public static Document ReadStream(Stream stream, string name, ArticleReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ArticleReadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ArticleReadException($"{name} is larger than {MaxBytes / (1024 * 1024)} MiB, the most a single article may be.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Create(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name, DocumentMetadata.Empty, options);
    }

    private static Document Create(string id, ReadOnlySpan<byte> bytes, string name, DocumentMetadata metadata, ArticleReadOptions options)
    {
        if (bytes.IsEmpty)
        {
            throw new ArticleReadException($"{name} is empty.");
        }

        var text = TextDecoder.Decode(bytes, name, options.Encoding);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleReadException($"{name} contains only whitespace.");
        }

        metadata = metadata with
        {
            Published = options.Published ?? metadata.Published,
            Outlet = options.Outlet ?? metadata.Outlet,
        };
        return new Document(id, text, metadata);
    }

    /// <summary>The sidecar of <c>a/b.txt</c> is <c>a/b.meta.json</c> (or <c>a/b.txt.meta.json</c>).</summary>
    internal static string? FindSidecar(string path)
    {
        string[] candidates =
        [
            Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileNameWithoutExtension(path) + ".meta.json"),
            path + ".meta.json",
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static DocumentMetadata ReadSidecar(string path)
    {
        var sidecar = FindSidecar(path);
        if (sidecar is null)
        {
            return DocumentMetadata.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(sidecar));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleReadException($"{sidecar}: expected a JSON object with title, outlet, published, language.");
            }

            var root = json.RootElement;
            return new DocumentMetadata(
                Title: StringField(root, "title", sidecar),
                Outlet: StringField(root, "outlet", sidecar),
                Published: DateField(root, "published", sidecar),
                Language: StringField(root, "language", sidecar),
                Source: StringField(root, "url", sidecar),
                Author: StringField(root, "author", sidecar));
        }
        catch (JsonException exception)
        {
            throw new ArticleReadException($"{sidecar}: invalid JSON at line {exception.LineNumber + 1}: {exception.Message.Split('.')[0]}.", exception);
        }
    }

    private static string? StringField(JsonElement root, string name, string sidecar)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ArticleReadException($"{sidecar}: '{name}' must be a string.");
    }

    private static DateOnly? DateField(JsonElement root, string name, string sidecar)
    {
        var text = StringField(root, name, sidecar);
        if (text is null)
        {
            return null;
        }

        // Accept a plain date or an ISO timestamp; only the date matters for resolving "this year".
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.UtcDateTime)
            : throw new ArticleReadException($"{sidecar}: '{name}' is '{text}', not a date (use YYYY-MM-DD).");
    }
}
