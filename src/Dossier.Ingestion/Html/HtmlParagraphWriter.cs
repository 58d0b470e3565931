using System.Text;
using AngleSharp.Dom;

namespace Dossier.Ingestion.Html;

/// <summary>
/// Turns a DOM subtree into plain-text paragraphs: block elements (and <c>&lt;br&gt;</c>) end a
/// paragraph, runs of whitespace become one space, and elements that never hold article prose
/// (scripts, styles, forms, media) contribute nothing. Entities are already decoded by the parser,
/// so the result holds no markup at all.
/// </summary>
internal static class HtmlParagraphWriter
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "center", "caption",
    };

    /// <summary>Elements whose text is never prose: code, styling, embedded media and controls.</summary>
    internal static readonly HashSet<string> SilentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video",
        "audio", "source", "track", "picture", "img", "button", "input", "select", "option", "textarea", "label",
        "head", "title", "meta", "link", "map", "dialog",
    };

    /// <summary>The paragraphs under <paramref name="root"/>, trimmed, in document order, none empty.</summary>
    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(current, text.Data);
                    break;
                case IElement element when SilentTags.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase):
                    Flush(current, paragraphs);
                    break;
                case IElement element when element.LocalName is "td" or "th":
                    AppendCollapsed(current, " ");
                    Walk(element, current, paragraphs);
                    AppendCollapsed(current, " ");
                    break;
                case IElement element when BlockTags.Contains(element.LocalName):
                    Flush(current, paragraphs);
                    Walk(element, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement element:
                    Walk(element, current, paragraphs);
                    break;
            }
        }
    }

    private static void AppendCollapsed(StringBuilder current, string text)
    {
        foreach (var c in text)
        {
            // Non-breaking and other Unicode spaces collapse like ASCII ones; zero-width characters vanish.
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (current.Length > 0 && current[^1] != ' ')
                {
                    current.Append(' ');
                }
            }
            else
            {
                current.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var paragraph = current.ToString().Trim();
        current.Clear();
        if (paragraph.Length > 0)
        {
            paragraphs.Add(paragraph);
        }
    }
}
