using System.Globalization;
using Dossier.Text;

namespace Dossier.Cli.Output;

/// <summary>Writes a readable report of an analysed document: metadata, then paragraphs with numbered sentences.</summary>
internal static class DocumentTextWriter
{
    public static void Write(TextWriter output, Document document)
    {
        var metadata = document.Metadata;
        output.WriteLine(metadata.Title ?? DocumentJsonWriter.Headline(document) ?? document.Id);
        var facts = new List<string>();
        if (metadata.Outlet is not null)
        {
            facts.Add(metadata.Outlet);
        }

        if (metadata.Published is { } published)
        {
            facts.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        facts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{document.Text.Length:N0} characters, {document.Paragraphs.Length} paragraphs, {document.Sentences.Length} sentences, {document.Tokens.Length:N0} tokens"));
        output.WriteLine(string.Join(" · ", facts));

        var bodyNumber = 0;
        var sentence = 0;
        for (var p = 0; p < document.Paragraphs.Length; p++)
        {
            var paragraph = document.Paragraphs[p];
            var label = paragraph.Role switch
            {
                ParagraphRole.Headline => "headline",
                ParagraphRole.Standfirst => "standfirst",
                _ => string.Create(CultureInfo.InvariantCulture, $"paragraph {++bodyNumber}"),
            };
            output.WriteLine();
            output.WriteLine($"[{label}]");
            while (sentence < document.Sentences.Length && document.Sentences[sentence].Paragraph == p)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sentence + 1,3}. {document.SliceOf(document.Sentences[sentence].Span)}"));
                sentence++;
            }
        }

        if (!document.Mentions.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Entities");
            foreach (var type in document.Mentions.GroupBy(mention => mention.Type).OrderBy(group => group.Key, StringComparer.Ordinal))
            {
                var names = type.GroupBy(mention => document.TextOf(mention.Span)).Select(group => group.Count() > 1 ? $"{group.Key} ×{group.Count()}" : group.Key);
                output.WriteLine($"  {type.Key}: {string.Join(", ", names)}");
            }
        }

        if (!document.Links.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Actors");
            foreach (var actor in document.Links.Where(link => link.ActorId is not null).GroupBy(link => link.ActorId))
            {
                var written = actor.Select(link => document.TextOf(link.Span)).Distinct(StringComparer.Ordinal);
                var codes = string.Join("/", actor.Select(link => link.Cameo).Where(code => code is not null).Distinct(StringComparer.Ordinal));
                output.WriteLine($"  {actor.First().ActorName} [{actor.Key}{(codes.Length > 0 ? ", " + codes : string.Empty)}]: {string.Join(", ", written)}");
            }
        }

        if (!document.Places.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Places");
            foreach (var place in document.Places.GroupBy(place => (place.Name, place.Country)))
            {
                var first = place.First();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {first.Name} ({(first.Country.Length > 0 ? first.Country : "region")}) {first.Latitude:F3}, {first.Longitude:F3} ×{place.Count()}"));
            }
        }

        if (!document.Quantities.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Numbers");
            foreach (var quantity in document.Quantities)
            {
                output.WriteLine($"  {document.TextOf(quantity.Span),-28} {quantity.Interval}");
            }
        }

        if (!document.TimeExpressions.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Dates");
            foreach (var date in document.TimeExpressions)
            {
                var from = date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
                var until = date.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
                output.WriteLine($"  {document.TextOf(date.Span),-28} [{from}, {until}) {date.Granularity.ToString().ToLowerInvariant()}");
            }
        }

        if (!document.Claims.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Claims");
            foreach (var claim in document.Claims)
            {
                var subject = claim.Subject is { } s ? document.TextOf(s) : "?";
                var place = claim.Place is { } p ? $" in {document.TextOf(p)}" : string.Empty;
                var time = claim.Time is { } t ? $" ({document.TextOf(t.Span)})" : string.Empty;
                var trend = claim.Trend == Text.Claims.ClaimTrend.None ? string.Empty : $", {claim.Trend.ToString().ToLowerInvariant()}";
                var claimant = claim.Claimant is { } c ? document.TextOf(c) : document.Metadata.Outlet ?? "the outlet";
                output.WriteLine($"  {subject}: {claim.Measure} {claim.Quantity.Interval}{place}{time}{trend} — per {claimant}");
            }
        }

        if (!document.Events.IsDefaultOrEmpty)
        {
            output.WriteLine();
            output.WriteLine("Events");
            foreach (var coded in document.Events)
            {
                // "USA -112 Accuse-> PAK": source code, CAMEO code and name, target code, then where, when and who claims it.
                var name = Commands.SegmentationPipelines.Codebook.TryGet(coded.Code, out var cameo) ? cameo.Name : "?";
                var source = coded.Source is { } s ? s.Cameo ?? document.TextOf(s.Span) : "?";
                var target = coded.Target is { } t ? t.Cameo ?? document.TextOf(t.Span) : "-";
                var negated = coded.Negated ? "NOT " : string.Empty;
                var place = coded.Place is { } p ? $" in {document.TextOf(p)}" : string.Empty;
                var date = coded.Date?.Start is { } d ? $" on {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty;
                var claimed = coded.ClaimedBy is { } c ? $" — per {document.TextOf(c)}" : string.Empty;
                output.WriteLine($"  {negated}{source} {coded.Code} {name} {target}{place}{date}: \"{document.TextOf(coded.Span)}\"{claimed}");
            }
        }

        if (document.Quotes.IsDefaultOrEmpty)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quotes ({document.Quotes.Length})"));
        foreach (var quote in document.Quotes)
        {
            var speaker = quote.Speaker is { } name ? document.TextOf(name) : quote.Source is { } source ? $"[{document.TextOf(source)}]" : "?";
            var cue = quote.Cue is { } verb ? document.TextOf(verb) : "—";
            var channel = quote.Channel is { } via ? $" via {document.TextOf(via)}" : string.Empty;
            output.WriteLine($"  {speaker} ({cue}{channel}, {quote.Kind.ToString().ToLowerInvariant()}): {Shorten(document.TextOf(quote.Content), 110)}");
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
