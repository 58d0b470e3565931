namespace Dossier.Text;

/// <summary>Facts the tokeniser records about a token besides its span.</summary>
[Flags]
public enum TokenTraits : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>
    /// The token was split off the previous one inside a single whitespace-delimited word by a
    /// clitic rule (<c>do|n't</c>, <c>Russia|'s</c>), so the two form one surface token, which UD
    /// writes as a multi-word token.
    /// </summary>
    ContinuesWord = 1,

    /// <summary>Whitespace (or the start of the text) comes right before the token.</summary>
    SpaceBefore = 2,
}

/// <summary>
/// One token: a span of the document's text and its flags. The text itself is never copied; read
/// it through <see cref="Document.TextOf(TextSpan)"/> or <see cref="Document.SliceOf(TextSpan)"/>.
/// </summary>
/// <param name="Span">Where the token lies in the text.</param>
/// <param name="Traits">What the tokeniser recorded about it.</param>
public readonly record struct Token(TextSpan Span, TokenTraits Traits)
{
    /// <summary>True when this token continues the previous surface word (a split clitic).</summary>
    public bool ContinuesWord => (Traits & TokenTraits.ContinuesWord) != 0;
}
