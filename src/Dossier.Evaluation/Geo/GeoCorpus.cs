using System.Collections.Immutable;
using System.Globalization;
using System.Xml;

namespace Dossier.Evaluation.Geo;

/// <summary>A gold toponym: its character span, the phrase, and the gold coordinates when geocoded.</summary>
/// <param name="Start">Start offset (UTF-16 units) into the article text.</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Phrase">The toponym as annotated.</param>
/// <param name="Latitude">Gold latitude in degrees, or null when the annotators gave none.</param>
/// <param name="Longitude">Gold longitude in degrees, or null.</param>
public sealed record GoldToponym(int Start, int End, string Phrase, double? Latitude, double? Longitude);

/// <summary>One gold article: text and toponyms.</summary>
/// <param name="Id">Document id (docid attribute or position).</param>
/// <param name="Text">Article text exactly as in the file.</param>
/// <param name="Toponyms">Gold toponyms in file order.</param>
public sealed record GoldGeoArticle(string Id, string Text, ImmutableArray<GoldToponym> Toponyms);

/// <summary>
/// Reads the geoparsing gold sets of Gritta et al.'s "Pragmatic Guide to Geoparsing Evaluation":
/// LGL and TR-News (<c>article/text</c> + <c>toponyms/toponym</c> with <c>start</c>, <c>end</c>,
/// <c>phrase</c> and an optional <c>gaztag</c> holding <c>lat</c>/<c>lon</c>) and GeoVirus
/// (<c>article/text</c> + <c>locations/location</c> with <c>name</c>, <c>start</c>, <c>end</c>,
/// <c>lat</c>, <c>lon</c>).
/// </summary>
public static class GeoCorpus
{
    /// <summary>Reads every article of a gold file.</summary>
    public static List<GoldGeoArticle> Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
        using var reader = XmlReader.Create(path, settings);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        var articles = new List<GoldGeoArticle>();
        var index = 0;
        foreach (XmlElement article in document.GetElementsByTagName("article"))
        {
            index++;
            var text = article["text"]?.InnerText ?? "";
            var id = article.GetAttribute("docid") is { Length: > 0 } docId ? docId : index.ToString(CultureInfo.InvariantCulture);
            var toponyms = ImmutableArray.CreateBuilder<GoldToponym>();
            foreach (XmlElement toponym in article.GetElementsByTagName("toponym"))
            {
                var gaztag = toponym["gaztag"];
                toponyms.Add(new GoldToponym(Int(toponym, "start"), Int(toponym, "end"), toponym["phrase"]?.InnerText ?? "",
                    Double(gaztag, "lat"), Double(gaztag, "lon")));
            }

            foreach (XmlElement location in article.GetElementsByTagName("location"))
            {
                toponyms.Add(new GoldToponym(Int(location, "start"), Int(location, "end"), location["name"]?.InnerText ?? "",
                    Double(location, "lat"), Double(location, "lon")));
            }

            articles.Add(new GoldGeoArticle(id, text, [.. toponyms.Select(t => Align(text, t))]));
        }

        return articles;
    }

    /// <summary>
    /// Gold offsets do not always index the text as an XML reader returns it: GeoVirus offsets are
    /// one past where the phrase starts, and some TR-News articles drift further (line breaks
    /// normalised by XML parsing). When the span does not hold the phrase, use the nearest
    /// occurrence of the phrase within 80 characters either side.
    /// </summary>
    internal static GoldToponym Align(string text, GoldToponym toponym)
    {
        bool Holds(int start) => start >= 0 && start + toponym.Phrase.Length <= text.Length
            && text.AsSpan(start, toponym.Phrase.Length).SequenceEqual(toponym.Phrase);
        if (toponym.Phrase.Length == 0 || Holds(toponym.Start))
        {
            return toponym;
        }

        for (var delta = 1; delta <= 80; delta++)
        {
            foreach (var start in (ReadOnlySpan<int>)[toponym.Start - delta, toponym.Start + delta])
            {
                if (Holds(start))
                {
                    return toponym with { Start = start, End = start + toponym.Phrase.Length };
                }
            }
        }

        return toponym;
    }

    private static int Int(XmlElement element, string name) =>
        int.Parse(element[name]?.InnerText.Trim() ?? throw new FormatException($"<{element.Name}> lacks <{name}>."), CultureInfo.InvariantCulture);

    private static double? Double(XmlElement? element, string name) =>
        element?[name]?.InnerText is { } value && double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : null;
}
