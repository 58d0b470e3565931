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
        return text is "“" or "«" or "„" or "``" || (text is "\"" or "''" && (_document.Tokens[index].Traits & TokenTraits.SpaceBefore) != 0);
    }

    public bool IsClosingQuote(int index)
    {
        var text = this[index];
        return text is "”" or "»" || (text is "\"" or "''" && (_document.Tokens[index].Traits & TokenTraits.SpaceBefore) == 0);
    }

    public bool IsQuoteMark(int index) => this[index] is "“" or "”" or "«" or "»" or "„" or "\"" or "''" or "``";

    /// <summary>Prepositions that cannot open a reported clause ("respond to requests", "charged with").</summary>
    public bool IsPreposition(int index) =>
        this[index] is "to" or "for" or "with" or "by" or "from" or "on" or "in" or "at" or "of" or "about" or "into" or "over" or "up" or "out";

    /// <summary>Forms of "be" and "get" that make a following participle passive ("was reported", "been charged").</summary>
    public bool IsPassiveAuxiliary(int index) =>
        index >= 0 && this[index] is "was" or "were" or "is" or "are" or "be" or "been" or "being" or "am" or "got" or "get" or "gets";

    public bool IsPronoun(int index) =>
        this[index] is "he" or "she" or "He" or "She" or "they" or "They" or "I" or "we" or "We" or "it" or "It";
}
