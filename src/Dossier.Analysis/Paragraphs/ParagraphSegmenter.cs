using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Paragraphs;

/// <summary>How the lines of a plain-text article are laid out.</summary>
public enum ArticleLayout
{
    /// <summary>Headline on the first line, standfirst on the second, then one paragraph per line.</summary>
    Article,

    /// <summary>Every line (or block) is a body paragraph.</summary>
    Plain,
}

/// <summary>
/// Splits the text into paragraphs at line breaks (LF, CRLF, CR, U+2028, U+2029); blank lines are
/// dropped and each paragraph span is trimmed of surrounding whitespace. With
/// <see cref="ArticleLayout.Article"/> the first paragraph is the headline when there are at least
/// two, and the second the standfirst when there are at least three.
/// </summary>
public sealed class ParagraphSegmenter(ArticleLayout layout) : IPipelineComponent
{
    /// <inheritdoc />
    public string Name => "paragraphs";

    /// <inheritdoc />
    public Layers Requires => Layers.None;

    /// <inheritdoc />
    public Layers Produces => Layers.Paragraphs;

    /// <summary>The layout this segmenter assumes.</summary>
    public ArticleLayout Layout { get; } = layout;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var spans = FindParagraphs(document.Text);
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var role = Layout == ArticleLayout.Article
                ? (i == 0 && spans.Count >= 2 ? ParagraphRole.Headline : i == 1 && spans.Count >= 3 ? ParagraphRole.Standfirst : ParagraphRole.Body)
                : ParagraphRole.Body;
            paragraphs.Add(new Paragraph(spans[i], role));
        }

        return document with { Paragraphs = paragraphs.MoveToImmutable() };
    }

    /// <summary>The trimmed, non-blank lines of <paramref name="text"/>.</summary>
    internal static List<TextSpan> FindParagraphs(string text)
    {
        var result = new List<TextSpan>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\u2028' or '\u2029'))
            {
                continue;
            }

            var start = lineStart;
            var end = i;
            while (start < end && CharClasses.IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && CharClasses.IsSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                result.Add(new TextSpan(start, end));
            }

            lineStart = i + 1;
        }

        return result;
    }
}
