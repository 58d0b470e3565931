using System.Buffers;
using System.Globalization;

namespace Dossier.Analysis.Tokenization;

/// <summary>Character classes the tokeniser and sentence splitter share.</summary>
internal static class CharClasses
{
    // Marks that open a quotation or bracket; they attach to the following sentence.
    private static readonly SearchValues<char> Openers = SearchValues.Create("\"'`“‘„‚«‹([{<¿¡");

    // Marks that close one; they stay with the preceding sentence.
    private static readonly SearchValues<char> Closers = SearchValues.Create("\"'”’»›)]}>");

    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'’ʼ`");

    /// <summary>Whitespace, including no-break and other Unicode spaces and zero-width ones.</summary>
    public static bool IsSpace(char c) =>
        c <= ' ' || c == '\u00A0' || c == '\u200B' || c == '\uFEFF' || c == '\u2028' || c == '\u2029' ||
        (c > '\u007F' && char.IsWhiteSpace(c));

    /// <summary>Letters, digits and combining marks: what words are made of, whatever the Unicode normal form.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < '\u0080')
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || (char.IsHighSurrogate(c) && !IsEmojiHighSurrogate(c)) || char.IsLowSurrogate(c);
    }

    /// <summary>
    /// Supplementary-plane letters (CJK extensions, Gothic …) belong in words; the emoji blocks
    /// (U+1F000–U+1FAFF, high surrogates D83C–D83E) are symbols. The scanner consumes an emoji's
    /// pair together, so a low surrogate reached on its own always continues a word.
    /// </summary>
    public static bool IsEmojiHighSurrogate(char c) => c is >= '\uD83C' and <= '\uD83E';

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsUpper(char c) => char.IsUpper(c);

    public static bool IsLower(char c) => char.IsLower(c);

    public static bool IsApostrophe(char c) => Apostrophes.Contains(c);

    public static bool IsOpener(char c) => Openers.Contains(c);

    public static bool IsCloser(char c) => Closers.Contains(c);

    /// <summary>Hyphen-minus and the Unicode hyphens that join words (not the en/em dashes that separate clauses).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Dashes that separate clauses and are tokens of their own.</summary>
    public static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';
}
