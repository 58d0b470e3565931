using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Text;
using Dossier.Cli.Commands;
using Dossier.Text.Claims;
using Dossier.Text.Events;
using Dossier.Text.Quantities;

namespace Dossier.Cli.Output;

/// <summary>What optional parts <see cref="DocumentJsonWriter"/> includes.</summary>
/// <param name="Tokens">Include the <c>tokens</c> array.</param>
/// <param name="Syntax">Add lemma, tags, head and relation to each token.</param>
internal sealed record JsonOptions(bool Tokens = false, bool Syntax = false);

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
        WriteNullable(json, "author", document.Metadata.Author);
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
            for (var index = 0; index < document.Tokens.Length; index++)
            {
                var token = document.Tokens[index];
                json.WriteStartObject();
                WriteSpan(json, document, token.Span);
                if (token.ContinuesWord)
                {
                    json.WriteBoolean("joined", true);
                }

                if (options.Syntax && !document.Tags.IsDefaultOrEmpty)
                {
                    var tags = document.Tags[index];
                    json.WriteString("lemma", tags.Lemma);
                    json.WriteString("upos", tags.Upos);
                    json.WriteString("xpos", tags.Xpos);
                    json.WriteString("feats", tags.Features);
                }

                if (options.Syntax && !document.Dependencies.IsDefaultOrEmpty)
                {
                    var arc = document.Dependencies[index];
                    json.WriteNumber("head", arc.Head); // token index in this array; -1 for the sentence root
                    json.WriteString("deprel", arc.Relation);
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
            WriteNullable(json, "speaker", quote.SpeakerActor);
            WriteOptionalSpan(json, document, "speaker_mention", quote.Speaker);
            WriteOptionalSpan(json, document, "source", quote.Source);
            WriteOptionalSpan(json, document, "verb", quote.Cue);
            WriteNullable(json, "channel", quote.ChannelActor);
            WriteOptionalSpan(json, document, "channel_mention", quote.Channel);
            json.WriteString("rule", quote.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteRoles(json, document);
        WriteEntities(json, document);
        WriteQuantities(json, document);
        WriteDates(json, document);

        // Layers that later stages fill; present and empty until they exist, so consumers can rely on them.
        WriteClaims(json, document);
        WritePlaces(json, document);

        WriteEvents(json, document);

        json.WriteEndObject();
    }

    /// <summary>
    /// Entities: mentions of one referent — one knowledge-base actor, or one in-document cluster of
    /// mentions the knowledge base lacks — in order of first mention.
    /// </summary>
    private static void WriteEntities(Utf8JsonWriter json, Document document)
    {
        var links = document.Links.ToDictionary(link => link.Span);
        json.WriteStartArray("entities");
        foreach (var group in document.Mentions.GroupBy(mention => links.TryGetValue(mention.Span, out var link) ? link.Cluster : $"text:{mention.Type}:{document.TextOf(mention.Span)}"))
        {
            var first = group.First();
            var link = links.GetValueOrDefault(first.Span);
            json.WriteStartObject();
            json.WriteString("name", link?.ActorName ?? group.Select(m => document.TextOf(m.Span)).MaxBy(text => text.Length));
            json.WriteString("type", first.Type);
            WriteNullable(json, "id", link?.ActorId);
            json.WriteStartArray("mentions");
            foreach (var mention in group)
            {
                json.WriteStartObject();
                WriteSpan(json, document, mention.Span);
                json.WriteString("type", mention.Type);
                if (links.TryGetValue(mention.Span, out var mentionLink))
                {
                    WriteNullable(json, "cameo", mentionLink.Cameo);
                    json.WriteString("rule", mentionLink.Origin.ToString());
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WritePlaces(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("places");
        foreach (var place in document.Places)
        {
            json.WriteStartObject();
            WriteSpan(json, document, place.Span);
            json.WriteString("name", place.Name);
            json.WriteNumber("lat", place.Latitude);
            json.WriteNumber("lon", place.Longitude);
            json.WriteString("country", place.Country);
            json.WriteString("admin1", place.Admin1);
            json.WriteNumber("population", place.Population);
            if (place.Relative is { } relative)
            {
                json.WriteStartObject("relative");
                WriteSpan(json, document, relative.Span);
                json.WriteString("direction", relative.Direction);
                if (relative.DistanceKm is { } km)
                {
                    json.WriteNumber("distance_km", km);
                }
                else
                {
                    json.WriteNull("distance_km");
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("relative");
            }

            json.WriteString("rule", place.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Coded events with the codebook's name, Goldstein weight, QuadClass and PLOVER type for each code.</summary>
    private static void WriteEvents(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("events");
        foreach (var coded in document.Events)
        {
            json.WriteStartObject();
            WriteSpan(json, document, coded.Span);
            json.WriteStartObject("trigger");
            WriteSpan(json, document, coded.Trigger);
            json.WriteEndObject();
            json.WriteString("code", coded.Code);
            json.WriteString("root", coded.Code[..2]);
            if (SegmentationPipelines.Codebook.TryGet(coded.Code, out var cameo))
            {
                json.WriteString("name", cameo.Name);
                json.WriteNumber("goldstein", cameo.Goldstein);
                json.WriteNumber("quad_class", cameo.QuadClass);
                json.WriteStartObject("plover");
                json.WriteString("event", cameo.PloverEvent);
                WriteNullable(json, "mode", cameo.PloverMode.Length == 0 ? null : cameo.PloverMode);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("name");
                json.WriteNull("goldstein");
                json.WriteNull("quad_class");
                json.WriteNull("plover");
            }

            WriteActor(json, document, "source", coded.Source);
            WriteActor(json, document, "target", coded.Target);
            WriteOptionalSpan(json, document, "place", coded.Place);
            if (coded.Date is { } date)
            {
                json.WriteStartObject("date");
                WriteNullable(json, "from", date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                WriteNullable(json, "until", date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteBoolean("from_publication", date.FromPublication);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("date");
            }

            json.WriteBoolean("negated", coded.Negated);
            WriteOptionalSpan(json, document, "claimed_by", coded.ClaimedBy);
            json.WriteString("rule", coded.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteActor(Utf8JsonWriter json, Document document, string name, EventActor? actor)
    {
        if (actor is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        WriteSpan(json, document, actor.Span);
        WriteNullable(json, "actor_id", actor.ActorId);
        WriteNullable(json, "cameo", actor.Cameo);
        WriteNullable(json, "country", actor.Country);
        json.WriteEndObject();
    }

    private static void WriteClaims(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("claims");
        foreach (var claim in document.Claims)
        {
            json.WriteStartObject();
            WriteSpan(json, document, claim.Span);
            WriteNullable(json, "measure", claim.Measure);
            WriteOptionalSpan(json, document, "subject", claim.Subject);
            WriteOptionalSpan(json, document, "place", claim.Place);
            WriteInterval(json, claim.Quantity.Interval);
            json.WriteString("qualifier", Snake(claim.Quantity.Comparison.ToString()));
            WriteNullable(json, "trend", claim.Trend == ClaimTrend.None ? null : claim.Trend.ToString().ToLowerInvariant());
            if (claim.Time is { } time)
            {
                json.WriteStartObject("time");
                WriteSpan(json, document, time.Span);
                WriteNullable(json, "from", time.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                WriteNullable(json, "until", time.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("time");
            }

            WriteOptionalSpan(json, document, "claimant", claim.Claimant);
            WriteNullable(json, "outlet", document.Metadata.Outlet); // who published it; the claimant when none is quoted
            if (claim.Quote >= 0)
            {
                json.WriteNumber("quote", claim.Quote);
            }
            else
            {
                json.WriteNull("quote");
            }

            json.WriteString("rule", claim.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteInterval(Utf8JsonWriter json, QuantityInterval interval)
    {
        json.WriteStartObject("value");
        WriteBound(json, "low", interval.Low);
        WriteBound(json, "high", interval.High);
        json.WriteBoolean("low_inclusive", interval.LowInclusive);
        json.WriteBoolean("high_inclusive", interval.HighInclusive);
        json.WriteBoolean("approximate", interval.Approximate);
        json.WriteEndObject();
    }

    private static void WriteQuantities(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("quantities");
        foreach (var quantity in document.Quantities)
        {
            json.WriteStartObject();
            WriteSpan(json, document, quantity.Span);
            json.WriteString("kind", Snake(quantity.Kind.ToString()));
            json.WriteNumber("value", quantity.Value);
            WriteInterval(json, quantity.Interval);
            json.WriteString("comparison", Snake(quantity.Comparison.ToString()));
            WriteOptionalSpan(json, document, "qualifier", quantity.Qualifier);
            WriteNullable(json, "unit", quantity.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDates(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("dates");
        foreach (var date in document.TimeExpressions)
        {
            json.WriteStartObject();
            WriteSpan(json, document, date.Span);
            WriteNullable(json, "from", date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteNullable(json, "until", date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("granularity", Snake(date.Granularity.ToString()));
            json.WriteBoolean("relative", date.IsRelative);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // JSON has no infinity: an open end is null.
    private static void WriteBound(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsInfinity(value))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, value);
        }
    }

    private static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
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

    /// <summary>Roles: who holds which office for whom ("Zamir Kabulov" — "head of … in the Russian Foreign Ministry" — gov:rus-mfa).</summary>
    private static void WriteRoles(Utf8JsonWriter json, Document document)
    {
        json.WriteStartArray("roles");
        foreach (var role in document.Roles)
        {
            json.WriteStartObject();
            WriteSpan(json, document, role.Span);
            WriteNullable(json, "holder", role.HolderActor);
            WriteOptionalSpan(json, document, "holder_mention", role.Holder);
            WriteNullable(json, "affiliation", role.AffiliationActor);
            WriteOptionalSpan(json, document, "affiliation_mention", role.Affiliation);
            json.WriteString("rule", role.Origin.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
