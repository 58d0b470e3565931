namespace Dossier.Text;

/// <summary>
/// A sentence: the span from its first token's start to its last token's end, and the half-open
/// range <c>[FirstToken, EndToken)</c> of indices into <see cref="Document.Tokens"/>.
/// Sentences never overlap and appear in text order.
/// </summary>
/// <param name="Span">Characters from the first token's start to the last token's end.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">One past the index of the last token.</param>
/// <param name="Paragraph">Index of the paragraph in <see cref="Document.Paragraphs"/> that holds it.</param>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int EndToken, int Paragraph = 0)
{
    /// <summary>Number of tokens in the sentence.</summary>
    public int TokenCount => EndToken - FirstToken;
}
