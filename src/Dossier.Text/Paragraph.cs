namespace Dossier.Text;

/// <summary>The part of an article a paragraph plays.</summary>
public enum ParagraphRole : byte
{
    /// <summary>An ordinary paragraph of the body.</summary>
    Body = 0,

    /// <summary>The headline (first line of a plain-text article).</summary>
    Headline = 1,

    /// <summary>The standfirst or lede summary under the headline (second line).</summary>
    Standfirst = 2,
}

/// <summary>
/// A paragraph: one non-blank line (or block) of the text and its role. Paragraph breaks are hard
/// sentence boundaries; each <see cref="Sentence"/> records the paragraph it belongs to.
/// </summary>
/// <param name="Span">The paragraph's characters, trimmed of surrounding whitespace.</param>
/// <param name="Role">Headline, standfirst or body.</param>
public readonly record struct Paragraph(TextSpan Span, ParagraphRole Role);
