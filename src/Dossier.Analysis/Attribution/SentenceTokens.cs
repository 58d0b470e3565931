using Dossier.Text;

namespace Dossier.Analysis.Attribution;

/// <summary>Read-only helpers over a document's tokens for the attribution rules.</summary>
internal readonly ref struct SentenceTokens(Document document)
{
    private readonly Document _document = document;

    public ReadOnlySpan<char> this[int index] => _document.TokenText(index);

    public int Count => _document.Tokens.Length;

    public TextSpan Span(int first, int end) =>
        new(_document.Tokens[first].Span.Start, _document.Tokens[end - 1].Span.End);

    public bool Is(int index, string text) => this[index].Equals(text, StringComparison.OrdinalIgnoreCase);

    public bool IsCapitalized(int index)
    {
        var text = this[index];
        return text.Length > 0 && char.IsUpper(text[0]);
    }

    public bool IsPossessive(int index) => index < Count && (Is(index, "'s") || Is(index, "’s") || Is(index, "'") || Is(index, "’")) && _document.Tokens[index].ContinuesWord;

    /// <summary>Commas, semicolons, colons and dashes: where clauses and appositions break.</summary>
    public bool IsClauseBreak(int index)
    {
        var text = this[index];
        return text is "," or ";" or ":" or "–" or "—" or "--" or "(" or ")";
    }

    public bool IsTerminal(int index)
    {
        var text = this[index];
        return text.Length > 0 && text[0] is '.' or '!' or '?' or '…';
    }

    public bool IsOpeningQuote(int index)
    {
        var text = this[index];
        return text is "“" or "«" or "„" || (text is "\"" && (_document.Tokens[index].Traits & TokenTraits.SpaceBefore) != 0);
    }

    public bool IsClosingQuote(int index)
    {
        var text = this[index];
        return text is "”" or "»" || (text is "\"" && (_document.Tokens[index].Traits & TokenTraits.SpaceBefore) == 0);
    }

    public bool IsQuoteMark(int index) => this[index] is "“" or "”" or "«" or "»" or "„" or "\"";

    public bool IsPronoun(int index) =>
        this[index] is "he" or "she" or "He" or "She" or "they" or "They" or "I" or "we" or "We" or "it" or "It";
}
