using System.Text;
using AngleSharp.Dom;

namespace Dossier.Ingestion.Html;

/// <summary>One paragraph of extracted text.</summary>
/// <param name="Text">The paragraph, whitespace collapsed and trimmed.</param>
/// <param name="LinkCharacters">How many of its non-space characters sit inside links.</param>
internal sealed record TextBlock(string Text, int LinkCharacters)
{
    /// <summary>Share of the paragraph's characters that are link text (0–1).</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkCharacters / Text.Length;
}

/// <summary>
/// Turns a DOM subtree into plain-text paragraphs: block elements (and <c>&lt;br&gt;</c>) end a
/// paragraph, runs of whitespace become one space, and elements that never hold article prose
/// (scripts, styles, forms, media) contribute nothing. Entities are already decoded by the parser,
/// so the result holds no markup at all.
/// </summary>
internal sealed class HtmlParagraphWriter
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "center", "caption",
    };

    /// <summary>Elements whose text is never prose: code, styling, embedded media and controls.</summary>
    private static readonly HashSet<string> SilentTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video",
        "audio", "source", "track", "picture", "img", "button", "input", "select", "option", "textarea", "label",
        "head", "title", "meta", "link", "map", "dialog",
    };

    private readonly StringBuilder current = new();
    private readonly List<TextBlock> blocks = [];
    private int linkCharacters;

    private HtmlParagraphWriter()
    {
    }

    /// <summary>The paragraphs under <paramref name="root"/>, trimmed, in document order, none empty.</summary>
    public static List<string> Paragraphs(INode root) => [.. Blocks(root).Select(b => b.Text)];

    /// <summary>The paragraphs under <paramref name="root"/> with how much of each is link text.</summary>
    public static List<TextBlock> Blocks(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var writer = new HtmlParagraphWriter();
        writer.Walk(root, inLink: false);
        writer.Flush();
        return writer.blocks;
    }

    private void Walk(INode node, bool inLink)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    Append(text.Data, inLink);
                    break;
                case IElement element when SilentTags.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName.Equals("br", StringComparison.OrdinalIgnoreCase):
                    Flush();
                    break;
                case IElement element when element.LocalName is "td" or "th":
                    Append(" ", inLink);
                    Walk(element, inLink);
                    Append(" ", inLink);
                    break;
                case IElement element when BlockTags.Contains(element.LocalName):
                    Flush();
                    Walk(element, inLink);
                    Flush();
                    break;
                case IElement element:
                    Walk(element, inLink || element.LocalName.Equals("a", StringComparison.OrdinalIgnoreCase));
                    break;
            }
        }
    }

    private void Append(string text, bool inLink)
    {
        foreach (var c in text)
        {
            // Zero-width characters and soft hyphens vanish; every kind of space collapses to one.
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
                if (inLink)
                {
                    linkCharacters++;
                }
            }
        }
    }

    private void Flush()
    {
        var paragraph = current.ToString().Trim();
        current.Clear();
        if (paragraph.Length > 0)
        {
            blocks.Add(new TextBlock(paragraph, Math.Min(linkCharacters, paragraph.Length)));
        }

        linkCharacters = 0;
    }
}
