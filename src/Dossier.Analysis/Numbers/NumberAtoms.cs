using System.Globalization;

namespace Dossier.Analysis.Numbers;

/// <summary>What an <see cref="Atom"/> is.</summary>
internal enum AtomKind
{
    Word,
    Number,
    Punct,
}

/// <summary>How a numeric literal was written; reported as the "subtype" of a number.</summary>
internal enum NumberForm
{
    Integer,
    Decimal,
    Power,
    Fraction,
}

/// <summary>
/// The unit the number grammar works over: a lower-cased word, a numeric literal already read
/// (separators, decimals, exponents, glued multipliers such as "10k"), or one punctuation mark.
/// Offsets are half-open UTF-16 offsets into the scanned text.
/// </summary>
internal readonly record struct Atom(AtomKind Kind, int Start, int End, string Text, double Value, NumberForm Form, bool IsOrdinal, bool HasSeparators)
{
    public bool IsWord(string word) => Kind == AtomKind.Word && string.Equals(Text, word, StringComparison.Ordinal);

    public bool IsPunct(char c) => Kind == AtomKind.Punct && Text.Length == 1 && Text[0] == c;

    public bool IsCardinalNumber => Kind == AtomKind.Number && !IsOrdinal;
}

/// <summary>
/// Splits text into <see cref="Atom"/>s. Digit literals are read here, at character level, because
/// their meaning depends on characters a word tokeniser throws away: "1,234" vs "1, 234", "5.00"
/// vs "192.168.1.2", "10k" vs "10km".
/// </summary>
internal static class NumberAtomizer
{
    public static List<Atom> Atomize(string text, int start, int end)
    {
        var atoms = new List<Atom>();
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (StartsUrl(text, i, end))
            {
                // Percent-encoded URLs ("%2D") are full of false numbers; skip to the next space.
                int j = i;
                while (j < end && !char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                atoms.Add(new Atom(AtomKind.Word, i, j, "<url>", 0, NumberForm.Integer, false, false));
                i = j;
                continue;
            }

            if (IsDigit(c) || (c == '.' && i + 1 < end && IsDigit(text[i + 1]) && (i == start || !char.IsLetterOrDigit(text[i - 1]))))
            {
                i = ReadNumber(text, i, end, atoms, signStart: -1);
                continue;
            }

            if ((c == '-' || c == '\u2212') && TrySign(text, start, i, end, out int digitAt))
            {
                i = ReadNumber(text, digitAt, end, atoms, signStart: i);
                continue;
            }

            if (char.IsLetter(c))
            {
                int j = i + 1;
                while (j < end && (char.IsLetter(text[j]) || ((text[j] == '\'' || text[j] == '\u2019') && j + 1 < end && char.IsLetter(text[j + 1]))))
                {
                    j++;
                }

                // Letters glued to digits are a name or a code ("G20", "F-16" is not, "COVID19"), not a number.
                if (j < end && IsDigit(text[j]))
                {
                    while (j < end && char.IsLetterOrDigit(text[j]))
                    {
                        j++;
                    }
                }

                atoms.Add(new Atom(AtomKind.Word, i, j, text.Substring(i, j - i).ToLowerInvariant(), 0, NumberForm.Integer, false, false));
                i = j;
                continue;
            }

            double vulgar = VulgarFraction(c);
            if (vulgar > 0)
            {
                atoms.Add(new Atom(AtomKind.Number, i, i + 1, text.Substring(i, 1), vulgar, NumberForm.Fraction, false, false));
                i++;
                continue;
            }

            atoms.Add(new Atom(AtomKind.Punct, i, i + 1, text.Substring(i, 1), 0, NumberForm.Integer, false, false));
            i++;
        }

        return atoms;
    }

    private static bool StartsUrl(string text, int i, int end) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '(') &&
        (text.AsSpan(i, end - i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
         || text.AsSpan(i, end - i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
         || text.AsSpan(i, end - i).StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00a0' or '\u202f' or '\u2009';

    /// <summary>
    /// A minus is a sign only where it cannot be a hyphen or a range dash: not glued to a word
    /// ("SCP-173"), not after a number ("1000 - 5000"), and separated from its digits by spaces
    /// only at the start of the text ("- 1 4/5"), never mid-sentence ("said - 50 died").
    /// </summary>
    private static bool TrySign(string text, int start, int i, int end, out int digitAt)
    {
        digitAt = -1;
        if (i > start && char.IsLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        int p = i - 1;
        while (p >= start && char.IsWhiteSpace(text[p]))
        {
            p--;
        }

        if (p >= start && (IsDigit(text[p]) || text[p] is ')' or '-' or '/' or '%'))
        {
            return false;
        }

        int j = i + 1;
        while (j < end && text[j] == ' ')
        {
            j++;
        }

        if (j > i + 1 && p >= start)
        {
            return false;
        }

        if (j < end && (IsDigit(text[j]) || (text[j] == '.' && j + 1 < end && IsDigit(text[j + 1]))))
        {
            digitAt = j;
            return true;
        }

        return false;
    }

    private static double VulgarFraction(char c) => c switch
    {
        '½' => 0.5,
        '⅓' => 1.0 / 3,
        '⅔' => 2.0 / 3,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6,
        '⅚' => 5.0 / 6,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => 0,
    };

    private static int ReadNumber(string text, int i, int end, List<Atom> atoms, int signStart)
    {
        int start = signStart >= 0 ? signStart : i;
        double sign = signStart >= 0 ? -1 : 1;

        // Digit groups and the separators between them.
        var groups = new List<(int Start, int End)>(4);
        var seps = new List<char>(4);
        int j = i;
        while (j < end && IsDigit(text[j]))
        {
            j++;
        }

        groups.Add((i, j));
        while (j < end)
        {
            char s = text[j];
            if ((s == ',' || s == '.') && j + 1 < end && IsDigit(text[j + 1]))
            {
                int k = j + 1;
                while (k < end && IsDigit(text[k]))
                {
                    k++;
                }

                groups.Add((j + 1, k));
                seps.Add(s);
                j = k;
            }
            else if (IsGroupSpace(s) && groups[0].End - groups[0].Start is >= 1 and <= 3 && text[groups[0].Start] != '0'
                     && seps.TrueForAll(IsGroupSpace) && j + 4 <= end && IsDigit(text[j + 1]) && IsDigit(text[j + 2]) && IsDigit(text[j + 3])
                     && (j + 4 == end || !char.IsLetterOrDigit(text[j + 4])))
            {
                groups.Add((j + 1, j + 4));
                seps.Add(s);
                j += 4;
            }
            else
            {
                break;
            }
        }

        if (!TryInterpret(text, groups, seps, out double value, out bool isDecimal))
        {
            // Not one number ("192.168.1.2", "22,24,26,31"): each group is a number of its own and
            // each separator is punctuation.
            for (int g = 0; g < groups.Count; g++)
            {
                var (gs, ge) = groups[g];
                if (ge > gs)
                {
                    int s0 = g == 0 ? start : gs;
                    double v = double.Parse(text.AsSpan(gs, ge - gs), CultureInfo.InvariantCulture);
                    atoms.Add(new Atom(AtomKind.Number, s0, ge, text.Substring(s0, ge - s0), (g == 0 ? sign : 1) * v, NumberForm.Integer, false, false));
                }

                if (g + 1 < groups.Count)
                {
                    atoms.Add(new Atom(AtomKind.Punct, ge, ge + 1, text.Substring(ge, 1), 0, NumberForm.Integer, false, false));
                }
            }

            return groups[^1].End;
        }

        var form = isDecimal ? NumberForm.Decimal : NumberForm.Integer;
        bool hasSeparators = seps.Count > 0;

        // Scientific notation: 1e10, 12.32e+14, 1.1^23, 2.5^-1, 1.3x10^6.
        if (j < end && (text[j] == 'e' || text[j] == 'E'))
        {
            int k = j + 1;
            double expSign = 1;
            if (k < end && (text[k] == '+' || text[k] == '-'))
            {
                expSign = text[k] == '-' ? -1 : 1;
                k++;
            }

            int d = k;
            while (k < end && IsDigit(text[k]))
            {
                k++;
            }

            if (k > d && (k == end || !char.IsLetter(text[k])))
            {
                double exp = expSign * double.Parse(text.AsSpan(d, k - d), CultureInfo.InvariantCulture);
                value *= Math.Pow(10, exp);
                form = NumberForm.Power;
                j = k;
            }
        }
        else if (j < end && text[j] == '^')
        {
            if (TryExponent(text, j + 1, end, out double exp, out int k))
            {
                value = Math.Pow(value, exp);
                form = NumberForm.Power;
                j = k;
            }
        }
        else if (j + 3 < end && text[j] == 'x' && text[j + 1] == '1' && text[j + 2] == '0' && text[j + 3] == '^'
                 && TryExponent(text, j + 4, end, out double exp10, out int k10))
        {
            value *= Math.Pow(10, exp10);
            form = NumberForm.Power;
            j = k10;
        }

        // A digit fraction "3/4", but not a date "5/17/2018" or a phone number "2222/2222".
        if (form == NumberForm.Integer && !hasSeparators && j + 1 < end && text[j] == '/' && IsDigit(text[j + 1])
            && !(start > 0 && (text[start - 1] == '/' || text[start - 1] == '-' || text[start - 1] == '.')))
        {
            int k = j + 1;
            while (k < end && IsDigit(text[k]))
            {
                k++;
            }

            bool chained = k < end && (text[k] == '/' || (text[k] == '-' && k + 1 < end && IsDigit(text[k + 1])) || char.IsLetter(text[k]));
            if (!chained)
            {
                double den = double.Parse(text.AsSpan(j + 1, k - j - 1), CultureInfo.InvariantCulture);
                if (den != 0)
                {
                    atoms.Add(new Atom(AtomKind.Number, start, k, text.Substring(start, k - start), sign * value / den, NumberForm.Fraction, false, false));
                    return k;
                }
            }
        }

        if (j < end && char.IsLetter(text[j]))
        {
            int k = j;
            while (k < end && char.IsLetter(text[k]))
            {
                k++;
            }

            var suffix = text.AsSpan(j, k - j);
            bool free = k == end || !char.IsLetterOrDigit(text[k]);
            if (free && form != NumberForm.Power && IsOrdinalSuffix(suffix) && !isDecimal && !hasSeparators)
            {
                atoms.Add(new Atom(AtomKind.Number, start, k, text.Substring(start, k - start), sign * value, NumberForm.Integer, true, false));
                return k;
            }

            bool money = start > 0 && IsCurrencyBefore(text, start);
            double multiplier = free ? GluedMultiplier(suffix, isDecimal || money) : 0;
            if (multiplier > 0)
            {
                atoms.Add(new Atom(AtomKind.Number, start, k, text.Substring(start, k - start), sign * value * multiplier, form, false, hasSeparators));
                return k;
            }

            // A unit glued on ("180ml", "29km"): a measurement, not a bare number.
            atoms.Add(new Atom(AtomKind.Word, start, k, text.Substring(start, k - start).ToLowerInvariant(), 0, NumberForm.Integer, false, false));
            return k;
        }

        // A spaced single-letter multiplier: "2.33 k", "1,674.5 G".
        int sp = j;
        while (sp < end && text[sp] == ' ')
        {
            sp++;
        }

        if (sp > j && sp < end && (sp + 1 == end || !char.IsLetterOrDigit(text[sp + 1])) && text[sp] is 'k' or 'K' or 'M' or 'G')
        {
            double m = text[sp] switch { 'k' or 'K' => 1e3, 'M' => 1e6, _ => 1e9 };
            atoms.Add(new Atom(AtomKind.Number, start, sp + 1, text.Substring(start, sp + 1 - start), sign * value * m, form, false, hasSeparators));
            return sp + 1;
        }

        atoms.Add(new Atom(AtomKind.Number, start, j, text.Substring(start, j - start), sign * value, form, false, hasSeparators));
        return j;
    }

    private static bool IsCurrencyBefore(string text, int start)
    {
        int p = start - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        return p >= 0 && text[p] is '$' or '£' or '€' or '¥' or '₹' or '₽';
    }

    private static bool TryExponent(string text, int k, int end, out double exp, out int next)
    {
        double sign = 1;
        while (k < end && (text[k] == '+' || text[k] == '-'))
        {
            if (text[k] == '-')
            {
                sign = -sign;
            }

            k++;
        }

        int d = k;
        while (k < end && IsDigit(text[k]))
        {
            k++;
        }

        next = k;
        exp = k > d ? sign * double.Parse(text.AsSpan(d, k - d), CultureInfo.InvariantCulture) : 0;
        return k > d;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> s) =>
        s.Equals("st", StringComparison.OrdinalIgnoreCase) || s.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || s.Equals("rd", StringComparison.OrdinalIgnoreCase) || s.Equals("th", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Multipliers glued to digits. Lower-case "m" alone is ambiguous with metres ("1m"), so it
    /// counts as million only after a decimal or a currency sign ("1.5m", "$2m"), as newswire writes
    /// money and crowds.
    /// </summary>
    private static double GluedMultiplier(ReadOnlySpan<char> s, bool decimalOrMoney)
    {
        if (s.SequenceEqual("k") || s.SequenceEqual("K") || s.SequenceEqual("M") || s.SequenceEqual("MM"))
        {
            return s[0] is 'k' or 'K' ? 1e3 : 1e6;
        }

        if (s.SequenceEqual("G") || s.SequenceEqual("B") || s.SequenceEqual("b") || s.Equals("bn", StringComparison.OrdinalIgnoreCase)
            || s.Equals("bln", StringComparison.OrdinalIgnoreCase))
        {
            return 1e9;
        }

        if (s.Equals("mil", StringComparison.OrdinalIgnoreCase) || s.Equals("mln", StringComparison.OrdinalIgnoreCase)
            || s.Equals("mn", StringComparison.OrdinalIgnoreCase) || (s.SequenceEqual("m") && decimalOrMoney))
        {
            return 1e6;
        }

        if (s.Equals("tn", StringComparison.OrdinalIgnoreCase) || s.Equals("trn", StringComparison.OrdinalIgnoreCase)
            || s.Equals("tln", StringComparison.OrdinalIgnoreCase))
        {
            return 1e12;
        }

        return 0;
    }

    /// <summary>
    /// Reads digit groups as one number when the separators are consistent: thousands groups of
    /// three ("1,234,567", "1 234 567", "1.234.567"), Indian grouping ("12,34,567.89"), one decimal
    /// mark either way ("1,234.5", "1.111,11", "5,00"). Anything else ("192.168.1.2", "22,24") is
    /// not one number.
    /// </summary>
    private static bool TryInterpret(string text, List<(int Start, int End)> groups, List<char> seps, out double value, out bool isDecimal)
    {
        value = 0;
        isDecimal = false;
        if (seps.Count == 0)
        {
            var g = groups[0];
            value = double.Parse(text.AsSpan(g.Start, g.End - g.Start), CultureInfo.InvariantCulture);
            return true;
        }

        if (seps.TrueForAll(IsGroupSpace))
        {
            return Join(text, groups, groups.Count, out value, out isDecimal);
        }

        // "1 234 567.89": spaces group thousands, the last mark is the decimal point.
        if (seps.Count >= 2 && seps[^1] == '.' && seps.Take(seps.Count - 1).All(IsGroupSpace))
        {
            return Join(text, groups, groups.Count - 1, out value, out isDecimal);
        }

        int commas = seps.Count(c => c == ',');
        int dots = seps.Count(c => c == '.');
        int len0 = groups[0].End - groups[0].Start;
        bool leadingDot = len0 == 0;
        if (leadingDot)
        {
            if (seps.Count != 1 || seps[0] != '.')
            {
                return false;
            }

            return Join(text, groups, 1, out value, out isDecimal);
        }

        if (commas + dots != seps.Count)
        {
            return false;
        }

        if (dots == 0 || commas == 0)
        {
            char sep = commas > 0 ? ',' : '.';
            bool thousands = len0 <= 3 && groups.Skip(1).All(g => g.End - g.Start == 3);
            if (seps.Count == 1)
            {
                // "1,234" and "1.234" are ambiguous; newswire in English uses ',' for thousands and '.' for decimals.
                if (sep == ',' && thousands)
                {
                    return Join(text, groups, groups.Count, out value, out isDecimal);
                }

                return Join(text, groups, 1, out value, out isDecimal);
            }

            if (thousands)
            {
                return Join(text, groups, groups.Count, out value, out isDecimal);
            }

            if (sep == ',' && IsIndian(groups, groups.Count))
            {
                return Join(text, groups, groups.Count, out value, out isDecimal);
            }

            return false;
        }

        // Both marks: the last one is the decimal mark, the others must all be the other mark.
        char dec = seps[^1];
        for (int s = 0; s < seps.Count - 1; s++)
        {
            if (seps[s] == dec)
            {
                return false;
            }
        }

        int intGroups = groups.Count - 1;
        bool ok = (len0 <= 3 && groups.Skip(1).Take(intGroups - 1).All(g => g.End - g.Start == 3)) || (dec == '.' && IsIndian(groups, intGroups));
        return ok && Join(text, groups, intGroups, out value, out isDecimal);
    }

    private static bool IsIndian(List<(int Start, int End)> groups, int intGroups)
    {
        if (intGroups < 3 || groups[0].End - groups[0].Start > 2 || groups[intGroups - 1].End - groups[intGroups - 1].Start != 3)
        {
            return false;
        }

        for (int g = 1; g < intGroups - 1; g++)
        {
            if (groups[g].End - groups[g].Start != 2)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Joins the first <paramref name="intGroups"/> groups as the integer part and the rest (at most one) as decimals.</summary>
    private static bool Join(string text, List<(int Start, int End)> groups, int intGroups, out double value, out bool isDecimal)
    {
        var sb = new System.Text.StringBuilder();
        for (int g = 0; g < intGroups; g++)
        {
            sb.Append(text, groups[g].Start, groups[g].End - groups[g].Start);
        }

        if (sb.Length == 0)
        {
            sb.Append('0');
        }

        isDecimal = intGroups < groups.Count;
        if (isDecimal)
        {
            if (groups.Count - intGroups != 1)
            {
                value = 0;
                return false;
            }

            sb.Append('.').Append(text, groups[^1].Start, groups[^1].End - groups[^1].Start);
        }

        value = double.Parse(sb.ToString(), CultureInfo.InvariantCulture);
        return true;
    }
}
