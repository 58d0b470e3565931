using System.Collections.Frozen;

namespace Dossier.Analysis.Dates;

/// <summary>What a <see cref="DateToken"/> is.</summary>
internal enum DateTokenKind
{
    Word,
    Digits,
    Punct,
}

/// <summary>
/// A word (lower-cased), a run of digits, or one punctuation mark, with half-open UTF-16 offsets.
/// Digits and letters are split even when glued ("04th" is "04" + "th", "Dec31" is "dec" + "31").
/// </summary>
internal readonly record struct DateToken(DateTokenKind Kind, int Start, int End, string Text)
{
    public bool Is(string word) => Kind != DateTokenKind.Digits && string.Equals(Text, word, StringComparison.Ordinal);

    public int Number => Kind == DateTokenKind.Digits && Text.Length <= 9 ? int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) : -1;
}

internal static class DateTokenizer
{
    public static List<DateToken> Tokenize(string text, int start, int end)
    {
        var tokens = new List<DateToken>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            // URLs are full of digit runs that look like dates; skip them whole.
            if ((i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '"' or '(' or '>')
                && (text.AsSpan(i, end - i).StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.AsSpan(i, end - i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                continue;
            }

            int j = i + 1;
            DateTokenKind kind;
            if (char.IsAsciiDigit(c))
            {
                while (j < end && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                kind = DateTokenKind.Digits;
            }
            else if (char.IsLetter(c))
            {
                while (j < end && (char.IsLetter(text[j]) || ((text[j] == '\'' || text[j] == '\u2019') && j + 1 < end && char.IsLetter(text[j + 1]))))
                {
                    j++;
                }

                kind = DateTokenKind.Word;
            }
            else
            {
                kind = DateTokenKind.Punct;
            }

            tokens.Add(new DateToken(kind, i, j, kind == DateTokenKind.Word ? text.Substring(i, j - i).ToLowerInvariant() : text.Substring(i, j - i)));
            i = j;
        }

        return tokens;
    }
}

/// <summary>Month and weekday names, numbered 1–12 and ISO 1 (Monday) – 7 (Sunday).</summary>
internal static class CalendarWords
{
    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Weekdays = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["monday"] = 1, ["mon"] = 1, ["tuesday"] = 2, ["tue"] = 2, ["tues"] = 2, ["wednesday"] = 3, ["wed"] = 3,
        ["thursday"] = 4, ["thu"] = 4, ["thur"] = 4, ["thurs"] = 4, ["friday"] = 5, ["fri"] = 5,
        ["saturday"] = 6, ["sat"] = 6, ["sunday"] = 7, ["sun"] = 7,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> DayOrdinals = BuildDayOrdinals();

    private static FrozenDictionary<string, int> BuildDayOrdinals()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] ordinals =
        [
            "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
        ];
        for (int k = 1; k < ordinals.Length; k++)
        {
            d[ordinals[k]] = k;
        }

        d["thirtieth"] = 30;
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly FrozenDictionary<string, int> SmallCardinals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["a"] = 1, ["an"] = 1, ["couple"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryMonth(string word, out int month) => Months.TryGetValue(word, out month);

    public static bool TryWeekday(string word, out int day) => Weekdays.TryGetValue(word, out day);

    public static bool TryDayOrdinal(string word, out int day) => DayOrdinals.TryGetValue(word, out day);

    public static bool TrySmallCardinal(string word, out int value) => SmallCardinals.TryGetValue(word, out value);
}
