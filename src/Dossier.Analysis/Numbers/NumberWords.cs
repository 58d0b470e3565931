using System.Collections.Frozen;

namespace Dossier.Analysis.Numbers;

/// <summary>The grammatical role of a number word.</summary>
internal enum WordClass
{
    None,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,
    A,
    And,
    Digits,
}

/// <summary>
/// English number words, written out here from the language itself (cardinals, ordinals, the
/// fraction denominators and the Indian scales lakh and crore).
/// </summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, (WordClass Class, double Value)> Cardinals = BuildCardinals();

    /// <summary>Ordinal words with the cardinal they stand for; "fifth" is (Unit, 5).</summary>
    private static readonly FrozenDictionary<string, (WordClass Class, double Value)> Ordinals = BuildOrdinals();

    private static FrozenDictionary<string, (WordClass, double)> BuildCardinals()
    {
        var d = new Dictionary<string, (WordClass, double)>(StringComparer.Ordinal);
        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (int i = 0; i < units.Length; i++)
        {
            d[units[i]] = (WordClass.Unit, i);
        }

        d["nought"] = (WordClass.Unit, 0);
        d["naught"] = (WordClass.Unit, 0);
        string[] teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < teens.Length; i++)
        {
            d[teens[i]] = (WordClass.Teen, 10 + i);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = (WordClass.Tens, 20 + (10 * i));
        }

        d["hundred"] = (WordClass.Hundred, 100);
        d["hundreds"] = (WordClass.Hundred, 100);
        foreach (var (w, v) in new (string, double)[]
                 {
                     ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
                     ("lakh", 1e5), ("lakhs", 1e5), ("crore", 1e7), ("crores", 1e7),
                     ("mln", 1e6), ("bln", 1e9), ("tln", 1e12), ("bn", 1e9), ("mn", 1e6),
                 })
        {
            d[w] = (WordClass.Scale, v);
        }

        foreach (var w in new[] { "dozen", "dozens", "dz", "dzs", "doz", "dozs" })
        {
            d[w] = (WordClass.Dozen, 12);
        }

        d["a"] = (WordClass.A, 1);
        d["an"] = (WordClass.A, 1);
        d["and"] = (WordClass.And, 0);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, (WordClass, double)> BuildOrdinals()
    {
        var d = new Dictionary<string, (WordClass, double)>(StringComparer.Ordinal);
        string[] units = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
        for (int i = 1; i < units.Length; i++)
        {
            d[units[i]] = (WordClass.Unit, i);
        }

        d["nineth"] = (WordClass.Unit, 9);
        string[] teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
        for (int i = 0; i < teens.Length; i++)
        {
            d[teens[i]] = (WordClass.Teen, 10 + i);
        }

        string[] tens = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        for (int i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = (WordClass.Tens, 20 + (10 * i));
        }

        d["hundredth"] = (WordClass.Hundred, 100);
        d["thousandth"] = (WordClass.Scale, 1e3);
        d["millionth"] = (WordClass.Scale, 1e6);
        d["billionth"] = (WordClass.Scale, 1e9);
        d["trillionth"] = (WordClass.Scale, 1e12);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static (WordClass Class, double Value) Cardinal(string word) =>
        Cardinals.TryGetValue(word, out var v) ? v : (WordClass.None, 0);

    /// <summary>An ordinal word ("fifth", "twentieth"), singular only.</summary>
    public static bool TryGetOrdinal(string word, out WordClass cls, out double value)
    {
        if (Ordinals.TryGetValue(word, out var v))
        {
            (cls, value) = v;
            return true;
        }

        cls = WordClass.None;
        value = 0;
        return false;
    }

    /// <summary>
    /// A fraction denominator: an ordinal, singular or plural, plus "half"/"halves" and
    /// "quarter(s)". "second(s)" and "first(s)" are denominators only inside compounds
    /// ("twenty-first"), since alone they are time units or ranks.
    /// </summary>
    public static bool TryGetDenominator(string word, bool allowFirstSecond, out WordClass cls, out double value, out bool plural)
    {
        plural = false;
        switch (word)
        {
            case "half":
                (cls, value) = (WordClass.Unit, 2);
                return true;
            case "halves":
                (cls, value, plural) = (WordClass.Unit, 2, true);
                return true;
            case "quarter":
                (cls, value) = (WordClass.Unit, 4);
                return true;
            case "quarters":
                (cls, value, plural) = (WordClass.Unit, 4, true);
                return true;
        }

        string singular = word;
        if (word.Length > 3 && word[^1] == 's')
        {
            singular = word[..^1];
            plural = true;
        }

        if (TryGetOrdinal(singular, out cls, out value))
        {
            if (!allowFirstSecond && value is 1 or 2 && cls == WordClass.Unit)
            {
                return false;
            }

            return true;
        }

        return false;
    }

    /// <summary>Digits of a word after "point": "zero" → "0", "seventy" → "7" (a following unit adds its own).</summary>
    public static string? DecimalDigits(string word)
    {
        var (cls, v) = Cardinal(word);
        return cls switch
        {
            WordClass.Unit => ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture),
            WordClass.Teen => ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture),
            WordClass.Tens => ((int)v / 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
