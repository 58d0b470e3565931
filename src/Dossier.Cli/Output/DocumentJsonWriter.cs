using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Text;

namespace Dossier.Cli.Output;

/// <summary>What optional parts <see cref="DocumentJsonWriter"/> includes.</summary>
/// <param name="Tokens">Include the <c>tokens</c> array.</param>
internal sealed record JsonOptions(bool Tokens = false);

/// <summary>
/// Writes a document as the JSON object documented in <c>docs/json-format.md</c>. The field
/// names and shapes are a public contract: add fields, never rename or remove them.
/// </summary>
internal static class DocumentJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Article text goes out as-is (quotes, dashes, non-Latin scripts); HTML escaping is the page's job.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document as an indented JSON string.</summary>
    public static string ToJson(Document document, JsonOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(document.Text.Length * 4);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(json, document, options);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter json, Document document, JsonOptions options)
    {
        json.WriteStartObject();

        json.WriteStartObject("document");
        json.WriteString("id", document.Id);
        WriteNullable(json, "title", document.Metadata.Title ?? Headline(document));
        WriteNullable(json, "outlet", document.Metadata.Outlet);
        WriteNullable(json, "published", document.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullable(json, "language", document.Metadata.Language);
        WriteNullable(json, "source", document.Metadata.Source);
        json.WriteNumber("length", document.Text.Length);
        json.WriteEndObject();

        json.WriteStartArray("paragraphs");
        foreach (var paragraph in document.Paragraphs)
        {
            json.WriteStartObject();
            WriteSpan(json, document, paragraph.Span);
            json.WriteString("role", RoleName(paragraph.Role));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("sentences");
        foreach (var sentence in document.Sentences)
        {
            json.WriteStartObject();
            WriteSpan(json, document, sentence.Span);
            json.WriteNumber("paragraph", sentence.Paragraph);
            json.WriteNumber("first_token", sentence.FirstToken);
            json.WriteNumber("token_count", sentence.TokenCount);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        if (options.Tokens)
        {
            json.WriteStartArray("tokens");
            foreach (var token in document.Tokens)
            {
                json.WriteStartObject();
                WriteSpan(json, document, token.Span);
                if (token.ContinuesWord)
                {
                    json.WriteBoolean("joined", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("quotes");
        foreach (var quote in document.Quotes)
        {
            json.WriteStartObject();
            WriteSpan(json, document, quote.Content);
            json.WriteString("kind", quote.Kind.ToString().ToLowerInvariant());
            json.WriteNull("speaker"); // the speaker's actor id, once entity linking exists
            WriteOptionalSpan(json, document, "speaker_mention", quote.Speaker);
            WriteOptionalSpan(json, document, "source", quote.Source);
            WriteOptionalSpan(json, document, "verb", quote.Cue);
            json.WriteNull("channel"); // the channel's actor id, once entity linking exists
            WriteOptionalSpan(json, document, "channel_mention", quote.Channel);
            json.WriteString("rule", quote.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Layers that later stages fill; present and empty until they exist, so consumers can rely on them.
        foreach (var layer in (ReadOnlySpan<string>)["entities", "claims", "events", "places"])
        {
            json.WriteStartArray(layer);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    internal static string? Headline(Document document) =>
        document.Paragraphs is [{ Role: ParagraphRole.Headline } headline, ..] ? document.TextOf(headline.Span) : null;

    internal static string RoleName(ParagraphRole role) => role switch
    {
        ParagraphRole.Headline => "headline",
        ParagraphRole.Standfirst => "standfirst",
        _ => "body",
    };

    private static void WriteSpan(Utf8JsonWriter json, Document document, TextSpan span)
    {
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteString("text", document.SliceOf(span));
    }

    private static void WriteOptionalSpan(Utf8JsonWriter json, Document document, string name, TextSpan? span)
    {
        if (span is not { } value)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        WriteSpan(json, document, value);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
