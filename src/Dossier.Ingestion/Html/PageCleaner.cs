using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Dossier.Ingestion.Html;

/// <summary>
/// Removes blocks that are page furniture before Readability scores the page: navigation, asides,
/// captions, share bars, related-story lists, newsletter prompts, hidden elements. Readability keeps
/// much of this when it sits inside the article container, which is where its precision goes
/// (SmartReader alone: P 0.919 against R 0.986 on the benchmark). A block is spared when it holds a
/// large share of the page's paragraph text, so a mislabelled article wrapper is never dropped.
/// </summary>
internal static partial class PageCleaner
{
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "figcaption", "form", "button", "select", "dialog", "menu",
    };

    /// <summary>Class or id words that mark non-article blocks (matched as whole hyphen/underscore-separated words).</summary>
    [GeneratedRegex(
        @"(?:^|[\s_-])(?:caption|credits?|share|sharing|social|related|newsletter|promo|advert|advertisement|ads?|sponsor(?:ed)?|byline|breadcrumbs?|tags|subscribe|subscription|signup|comments?|popular|trending|recommend(?:ed|ations)?|outbrain|taboola|nav|navigation|menu|footer|copyright|toolbar|modal|cookie|hidden|sr-only|visually-hidden|more-stories|read-more|readmore|most-read|author-bio|timestamp|dateline)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureName();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    public static void Clean(IHtmlDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return;
        }

        var pageText = ParagraphTextLength(body);
        var doomed = new List<IElement>();
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (IsFurniture(element) && ParagraphTextLength(element) < Math.Max(200, pageText * 0.25))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsFurniture(IElement element)
    {
        if (element.LocalName is "article" or "main" or "p")
        {
            return false;
        }

        if (FurnitureTags.Contains(element.LocalName) || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var name = element.GetAttribute("class") + " " + element.Id;
        return name.Length > 1 && FurnitureName().IsMatch(name);
    }

    /// <summary>Characters of text in the element's <c>&lt;p&gt;</c> descendants: a cheap measure of how much prose it holds.</summary>
    private static int ParagraphTextLength(IElement element)
    {
        var total = 0;
        foreach (var paragraph in element.QuerySelectorAll("p"))
        {
            total += paragraph.TextContent.Length;
        }

        return total;
    }
}
