using System.Collections.Immutable;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Numbers;

/// <summary>
/// Switches for <see cref="QuantityRecognizer"/>. The defaults are the ones for newswire; the other
/// settings reproduce the reference models' modes in evaluation.
/// </summary>
public sealed record QuantityReadingOptions
{
    /// <summary>The newswire defaults.</summary>
    public static QuantityReadingOptions Default { get; } = new();

    /// <summary>Read ordinals ("the first", "21st"). Default true.</summary>
    public bool Ordinals { get; init; } = true;

    /// <summary>Read "one out of three", "1 in 21", "one over three" as fractions. Default true.</summary>
    public bool RatioPhrases { get; init; } = true;

    /// <summary>Apply qualifiers and read ranges ("over 10,000", "between 5 and 7"). Default true.</summary>
    public bool Qualifiers { get; init; } = true;

    /// <summary>Read percentages ("30%", "30 per cent"). Default true.</summary>
    public bool Percentages { get; init; } = true;

    /// <summary>Read vague magnitudes ("thousands", "tens of thousands"). Default true.</summary>
    public bool VagueQuantities { get; init; } = true;

    /// <summary>
    /// Whether the upper end of "between x and y", "x-y", "from x to y" is included. Default true:
    /// in news, "between 5,000 and 7,000 fighters" allows 7,000.
    /// </summary>
    public bool RangeEndInclusive { get; init; } = true;

    /// <summary>Relative half-width ε of an approximation ("about x" is [x(1-ε), x(1+ε)]). Default 0.1.</summary>
    public double ApproximationMargin { get; init; } = 0.1;
}

/// <summary>
/// Finds numbers in text and turns their qualifiers into intervals: "over 10,000" is (10000, ∞),
/// "as many as 10,000" is [0, 10000], "about 3,000" is [2700, 3300] (approximate), "thousands" is
/// [2000, 10000) (approximate), "half of the country" is the proportion 0.5. Stateless and
/// thread-safe.
/// </summary>
public static class QuantityRecognizer
{
    private const string Component = "quantities";

    private static readonly (string[] Words, QuantityComparison Comparison)[] Prefixes = BuildPrefixes();

    private static (string[], QuantityComparison)[] BuildPrefixes()
    {
        var list = new List<(string[], QuantityComparison)>();
        void Add(QuantityComparison c, params string[] phrases)
        {
            foreach (var p in phrases)
            {
                list.Add((p.Split(' '), c));
            }
        }

        Add(QuantityComparison.AtLeast,
            "at least", "no less than", "not less than", "no fewer than", "not fewer than", "a minimum of", "at least or equal to",
            "greater than or equal to", "more than or equal to", "larger than or equal to", "higher than or equal to", "bigger than or equal to",
            "greater or equal than", "more or equal than", "larger or equal than", "higher or equal than", "bigger or equal than",
            "greater or equal to", "equal to or more than", "equal to or greater than", "equal or more than", "equal or greater than",
            "> =", "≥");
        Add(QuantityComparison.AtMost,
            "at most", "up to", "as many as", "as much as", "as high as", "no more than", "not more than", "a maximum of",
            "less than or equal to", "smaller than or equal to", "lower than or equal to", "fewer than or equal to",
            "less or equal than", "smaller or equal than", "lower or equal than", "less or equal to",
            "equal to or less than", "equal to or smaller than", "equal to or fewer than", "equal or less than", "< =", "≤");
        Add(QuantityComparison.GreaterThan,
            "more than", "over", "above", "greater than", "larger than", "bigger than", "higher than", "stronger than", "in excess of",
            "upwards of", "upward of", "well over", "exceeds", "exceeding", "exceed", "exceeded", "surpass", "surpasses", "surpassing",
            "surpassed", "more then", ">");
        Add(QuantityComparison.LessThan,
            "less than", "fewer than", "below", "under", "smaller than", "lower than", "weaker than", "less then", "<");
        Add(QuantityComparison.Equal, "equal to", "equals to", "equals", "equaling to", "equaling", "equal", "=");
        Add(QuantityComparison.Approximately,
            "about", "around", "approximately", "approx", "roughly", "some", "an estimated", "estimated", "circa", "more or less",
            "in the region of", "on the order of", "or so");
        Add(QuantityComparison.NearlyBelow, "nearly", "almost", "close to", "just under", "just below", "nigh on");

        // Longest phrases first so "more than or equal to" wins over "more than".
        list.Sort((x, y) => y.Item1.Length.CompareTo(x.Item1.Length));
        return [.. list];
    }

    /// <summary>Finds quantities in <paramref name="text"/>.</summary>
    public static ImmutableArray<Quantity> Find(string text, QuantityReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, 0, text.Length, options);
    }

    /// <summary>Finds quantities in <c>text[start..end)</c>; spans are offsets into the whole <paramref name="text"/>.</summary>
    public static ImmutableArray<Quantity> Find(string text, int start, int end, QuantityReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= QuantityReadingOptions.Default;
        var atoms = NumberAtomizer.Atomize(text, start, end);
        var reading = new NumberReadingOptions(options.Ordinals, options.RatioPhrases);
        var numbers = NumberReader.FindNumbers(atoms, reading);
        var numberAt = new int[atoms.Count + 1];
        Array.Fill(numberAt, -1);
        for (int k = 0; k < numbers.Count; k++)
        {
            numberAt[numbers[k].FirstAtom] = k;
        }

        var ctx = new Context(atoms, numbers, numberAt, options);
        var result = ImmutableArray.CreateBuilder<Quantity>();
        int i = 0;
        while (i < atoms.Count)
        {
            if (ctx.TryAt(i, out var q, out int next))
            {
                result.Add(q);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return result.ToImmutable();
    }

    private sealed class Context(List<Atom> atoms, List<NumberMatch> numbers, int[] numberAt, QuantityReadingOptions options)
    {
        public bool TryAt(int i, out Quantity quantity, out int next)
        {
            quantity = null!;
            next = i;
            if (options.Qualifiers)
            {
                if (TryBetween(i, out quantity, out next) || TryQualified(i, out quantity, out next))
                {
                    return true;
                }
            }

            if (options.VagueQuantities && TryVague(i, out quantity, out next))
            {
                return true;
            }

            if (options.Percentages && TryPercentOf(i, out quantity, out next))
            {
                return true;
            }

            return TryCore(i, out quantity, out next);
        }

        private bool Word(int i, string w) => i < atoms.Count && atoms[i].IsWord(w);

        private bool Punct(int i, char c) => i < atoms.Count && atoms[i].IsPunct(c);

        /// <summary>Number at atom <paramref name="i"/>, allowing "the" before an ordinal ("between the tenth and the fifteenth").</summary>
        private bool NumberAt(int i, out NumberMatch m, out int first)
        {
            first = i;
            if (Word(i, "the") && i + 1 < atoms.Count && numberAt[i + 1] >= 0 && numbers[numberAt[i + 1]].IsOrdinal)
            {
                m = numbers[numberAt[i + 1]];
                return true;
            }

            if (i < atoms.Count && numberAt[i] >= 0)
            {
                m = numbers[numberAt[i]];
                return true;
            }

            m = default;
            return false;
        }

        private bool MatchPhrase(int i, string[] words, out int end)
        {
            end = i;
            for (int w = 0; w < words.Length; w++)
            {
                int k = i + w;
                if (k >= atoms.Count || !string.Equals(atoms[k].Text, words[w], StringComparison.Ordinal) || atoms[k].Kind == AtomKind.Number)
                {
                    return false;
                }

                // Symbols must touch each other the way they were written ("> =" allows one space).
            }

            end = i + words.Length;
            return true;
        }

        private bool TryPrefix(int i, out QuantityComparison comparison, out int end)
        {
            foreach (var (words, c) in Prefixes)
            {
                if (MatchPhrase(i, words, out end))
                {
                    // "<>30", "=>30", "=<30" are not comparisons.
                    if (words[0] is ">" or "<" && i > 0 && atoms[i - 1].Kind == AtomKind.Punct && atoms[i - 1].End == atoms[i].Start && atoms[i - 1].Text is "<" or "=" or ">")
                    {
                        continue;
                    }

                    if (words[^1] is ">" or "<" or "=" && end < atoms.Count && atoms[end].Kind == AtomKind.Punct && atoms[end].Text is ">" or "<" && atoms[end].Start == atoms[end - 1].End)
                    {
                        continue;
                    }

                    comparison = c;
                    return true;
                }
            }

            comparison = default;
            end = i;
            return false;
        }

        /// <summary>"between 20 and 30", "between 2014-2018", "from 1,000 to 1,500".</summary>
        private bool TryBetween(int i, out Quantity q, out int next)
        {
            q = null!;
            next = i;
            bool between = Word(i, "between");
            if (!between && !Word(i, "from"))
            {
                return false;
            }

            int a0 = SkipCurrency(i + 1);
            if (!NumberAt(a0, out var a, out _) || !IsPlain(a))
            {
                return false;
            }

            int j = a.EndAtom;

            // "between 20% and 30%".
            bool percent = options.Percentages && Punct(j, '%');
            if (percent)
            {
                j++;
            }

            bool joined = between
                ? Word(j, "and") || Word(j, "through") || Word(j, "to") || IsDash(j)
                : Word(j, "to") || Word(j, "till") || Word(j, "until") || Word(j, "through") || Word(j, "thru") || IsDash(j);
            if (!joined || !NumberAt(SkipCurrency(j + 1), out var b, out _) || !IsPlain(b) || a.IsOrdinal != b.IsOrdinal || a.Value >= b.Value)
            {
                return false;
            }

            int end = b.End;
            next = b.EndAtom;
            if (percent && Punct(next, '%'))
            {
                end = atoms[next].End;
                next++;
            }

            var interval = new QuantityInterval(a.Value, b.Value, true, options.RangeEndInclusive, false);
            var kind = percent ? QuantityKind.Percent : a.IsOrdinal ? QuantityKind.Ordinal : QuantityKind.Cardinal;
            q = Make(atoms[i].Start, end, atoms[i + 1].Start, end, a.Value, interval, kind,
                QuantityComparison.Between, new TextSpan(atoms[i].Start, atoms[i].End), false, "between") with { Unit = CurrencyBefore(a.FirstAtom) };
            return true;
        }

        /// <summary>Skips a currency sign before a number ("over $2bn"); the sign becomes the unit.</summary>
        private int SkipCurrency(int i) =>
            i + 1 < atoms.Count && atoms[i].Kind == AtomKind.Punct && atoms[i].Text is "$" or "£" or "€" or "¥" or "₹" or "₽" && numberAt[i + 1] >= 0 ? i + 1 : i;

        private bool IsDash(int j) => j < atoms.Count && atoms[j].Kind == AtomKind.Punct && atoms[j].Text is "-" or "–" or "—" or "~";

        private static bool IsPlain(NumberMatch m) => m.Form != NumberForm.Power;

        private bool TryQualified(int i, out Quantity q, out int next)
        {
            q = null!;
            next = i;
            if (!TryPrefix(i, out var comparison, out int afterQualifier))
            {
                return false;
            }

            bool approx = comparison is QuantityComparison.Approximately or QuantityComparison.NearlyBelow;

            // A comparison owns its number: "less than or equal to 40 and greater than or equal to 50"
            // must not read "40 and greater" as a trailing qualifier.
            bool trailing = approx || comparison == QuantityComparison.Equal;
            if (!TryCore(afterQualifier, out var core, out int coreNext, allowThe: true, trailing: trailing))
            {
                return false;
            }

            var qualifierSpan = new TextSpan(atoms[i].Start, atoms[afterQualifier - 1].End);
            if (comparison == QuantityComparison.Equal && core.Comparison is QuantityComparison.AtLeast or QuantityComparison.AtMost)
            {
                // "equal to 5000 or less".
                q = core with { Span = new TextSpan(atoms[i].Start, core.Span.End), Qualifier = new TextSpan(atoms[i].Start, core.Span.End) };
                next = coreNext;
                return true;
            }

            if (core.Comparison != QuantityComparison.Exact)
            {
                // "about 20~100", "about five hundred or more": the range or the trailing qualifier decides.
                if (approx || core.Kind == QuantityKind.Cardinal && core.Comparison == QuantityComparison.Vague)
                {
                    q = core;
                    next = coreNext;
                    return true;
                }

                return false;
            }

            if (approx && Word(i, "some") && core.IsFraction)
            {
                return false;
            }

            int end = core.Span.End;
            int nextAtom = coreNext;

            // "less than 5000 or equal", "more than 5000 or equal to (it)".
            if (comparison is QuantityComparison.LessThan or QuantityComparison.GreaterThan && Word(coreNext, "or") && Word(coreNext + 1, "equal"))
            {
                int k = coreNext + 2;
                if (Word(k, "to"))
                {
                    k++;
                }

                if (!NumberAt(k, out _, out _))
                {
                    comparison = comparison == QuantityComparison.LessThan ? QuantityComparison.AtMost : QuantityComparison.AtLeast;
                    end = atoms[k - 1].End;
                    nextAtom = k;
                }
            }
            else if (comparison == QuantityComparison.Equal && Word(coreNext, "or") && coreNext + 1 < atoms.Count
                     && atoms[coreNext + 1].Text is "less" or "more" or "fewer" or "greater" or "smaller" or "larger")
            {
                int k = coreNext + 2;
                if (Word(k, "than"))
                {
                    if (NumberAt(k + 1, out _, out _))
                    {
                        goto single;
                    }

                    k++;
                }

                comparison = atoms[coreNext + 1].Text is "less" or "fewer" or "smaller" ? QuantityComparison.AtMost : QuantityComparison.AtLeast;
                end = atoms[k - 1].End;
                nextAtom = k;
            }

        single:
            var value = core.Value;
            var interval = IntervalFor(comparison, value);
            q = core with
            {
                Span = new TextSpan(atoms[i].Start, end),
                Interval = interval,
                Comparison = comparison,
                Qualifier = qualifierSpan,
                Source = new Provenance(Component, "qualifier/" + comparison.ToString().ToLowerInvariant()),
            };
            next = nextAtom;

            // "larger than 20 and less or equal than 35", "at most 100 and at least 20".
            if (comparison is QuantityComparison.GreaterThan or QuantityComparison.AtLeast or QuantityComparison.LessThan or QuantityComparison.AtMost
                && next < atoms.Count && (Word(next, "and") || Word(next, "but") || Punct(next, ','))
                && TryPrefix(next + 1, out var c2, out int after2) && TryCore(after2, out var core2, out int next2, allowThe: true, trailing: false)
                && core2.Comparison == QuantityComparison.Exact && core2.Kind == q.Kind)
            {
                bool firstLower = comparison is QuantityComparison.GreaterThan or QuantityComparison.AtLeast;
                bool secondLower = c2 is QuantityComparison.GreaterThan or QuantityComparison.AtLeast;
                bool secondUpper = c2 is QuantityComparison.LessThan or QuantityComparison.AtMost;
                if ((firstLower && secondUpper) || (!firstLower && secondLower))
                {
                    var (lo, loC, hi, hiC) = firstLower ? (value, comparison, core2.Value, c2) : (core2.Value, c2, value, comparison);
                    if (lo < hi)
                    {
                        var between = new QuantityInterval(lo, hi, loC == QuantityComparison.AtLeast, hiC == QuantityComparison.AtMost, false);
                        q = q with
                        {
                            Span = new TextSpan(atoms[i].Start, core2.Span.End),
                            Interval = between,
                            Comparison = QuantityComparison.Between,
                            Value = lo,
                            Source = new Provenance(Component, "qualifier/bounds"),
                        };
                        next = next2;
                    }
                }
            }

            return true;
        }

        private QuantityInterval IntervalFor(QuantityComparison c, double x)
        {
            double e = options.ApproximationMargin;
            return c switch
            {
                QuantityComparison.GreaterThan => new(x, double.PositiveInfinity, false, false, false),
                QuantityComparison.AtLeast => new(x, double.PositiveInfinity, true, false, false),

                // Counts in news are not negative, so "as many as 10,000" is [0, 10000].
                QuantityComparison.LessThan => x > 0 ? new(0, x, true, false, false) : new(double.NegativeInfinity, x, false, false, false),
                QuantityComparison.AtMost => x >= 0 ? new(0, x, true, true, false) : new(double.NegativeInfinity, x, false, true, false),
                QuantityComparison.Approximately => new(Math.Min(Round(x * (1 - e)), Round(x * (1 + e))), Math.Max(Round(x * (1 - e)), Round(x * (1 + e))), true, true, true),
                QuantityComparison.NearlyBelow => new(Round(x * (1 - e)), x, true, false, true),
                _ => QuantityInterval.Point(x),
            };
        }

        /// <summary>Rounds away binary noise (3000 × 1.1 is 3300.0000000000005) to nine decimals.</summary>
        private static double Round(double v) => Math.Abs(v) < 1e15 ? Math.Round(v, 9) : v;

        /// <summary>"thousands", "tens of thousands", "several hundred", "a few thousand", "dozens".</summary>
        private bool TryVague(int i, out Quantity q, out int next)
        {
            q = null!;
            next = i;
            if (i >= atoms.Count || atoms[i].Kind != AtomKind.Word)
            {
                return false;
            }

            if (i > 0 && atoms[i - 1].Kind == AtomKind.Number)
            {
                return false;
            }

            string w = atoms[i].Text;
            double low, high;
            bool highInclusive = false;
            int end;
            if ((w == "tens" || w == "hundreds") && Word(i + 1, "of") && i + 2 < atoms.Count && PluralMagnitude(atoms[i + 2].Text) is > 0 and var big)
            {
                double unit = w == "tens" ? 10 : 100;
                (low, high, end) = (2 * unit * big, 10 * unit * big, i + 3);
            }
            else if (PluralMagnitude(w) is > 0 and var mag)
            {
                // "thousands" means at least two thousand and fewer than ten thousand ("tens of thousands" starts there).
                (low, high, end) = w is "dozens" ? (24, 100, i + 1) : (2 * mag, 10 * mag, i + 1);
            }
            else if (w == "several" && i + 1 < atoms.Count && SingularMagnitude(atoms[i + 1].Text) is > 0 and var m1)
            {
                (low, high, end) = (3 * m1, 10 * m1, i + 2);
            }
            else if (w == "a" && Word(i + 1, "few") && i + 2 < atoms.Count && SingularMagnitude(atoms[i + 2].Text) is > 0 and var m2)
            {
                (low, high, highInclusive, end) = (2 * m2, 5 * m2, true, i + 3);
            }
            else
            {
                return false;
            }

            var interval = new QuantityInterval(low, high, true, highInclusive, true);
            var span = new TextSpan(atoms[i].Start, atoms[end - 1].End);
            q = new Quantity(span, span, low, interval, QuantityKind.Cardinal, QuantityComparison.Vague, null, null, false, new Provenance(Component, "vague/" + w));
            next = end;
            return true;
        }

        private static double PluralMagnitude(string w) => w switch
        {
            "dozens" => 12,
            "hundreds" => 100,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            _ => 0,
        };

        private static double SingularMagnitude(string w) => w switch
        {
            "dozen" => 12,
            "hundred" => 100,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            _ => 0,
        };

        /// <summary>"percent of 10", "per cent of twenty-two", "percents of twenty".</summary>
        private bool TryPercentOf(int i, out Quantity q, out int next)
        {
            q = null!;
            next = i;
            int k;
            if (Word(i, "percent") || Word(i, "percents") || Word(i, "percentage"))
            {
                k = i + 1;
            }
            else if (Word(i, "per") && Word(i + 1, "cent"))
            {
                k = i + 2;
            }
            else
            {
                return false;
            }

            if (!Word(k, "of") || !NumberAt(k + 1, out var m, out _) || m.IsOrdinal || m.FirstAtom != k + 1)
            {
                return false;
            }

            if (i > 0 && atoms[i - 1].Kind == AtomKind.Number)
            {
                return false;
            }

            q = Make(atoms[i].Start, m.End, atoms[i].Start, m.End, m.Value, QuantityInterval.Point(m.Value), QuantityKind.Percent,
                QuantityComparison.Exact, null, false, "percent-of");
            next = m.EndAtom;
            return true;
        }

        /// <summary>A number with what directly follows it: a range end, a percent sign, "or more", "of".</summary>
        private bool TryCore(int i, out Quantity q, out int next, bool allowThe = false, bool trailing = true)
        {
            q = null!;
            next = i;
            int currencyAt = i;
            i = SkipCurrency(i);
            NumberMatch m;
            if (allowThe && NumberAt(i, out m, out _))
            {
                // NumberAt allowed "the" before an ordinal.
            }
            else if (i < atoms.Count && numberAt[i] >= 0)
            {
                m = numbers[numberAt[i]];
            }
            else
            {
                return false;
            }

            int start = allowThe && Word(i, "the") ? atoms[i + 1].Start : atoms[i].Start;
            int j = m.EndAtom;
            string? unit = CurrencyBefore(m.FirstAtom);
            var kind = m.IsOrdinal ? QuantityKind.Ordinal : QuantityKind.Cardinal;

            if (options.Percentages && !m.IsOrdinal && j < atoms.Count)
            {
                int pe = -1;
                if (Punct(j, '%') && (atoms[j].Start - atoms[j - 1].End) <= 1)
                {
                    pe = j + 1;
                }
                else if (Word(j, "percent") || Word(j, "percents") || Word(j, "percentage") || Word(j, "pct"))
                {
                    pe = j + 1;
                }
                else if (Word(j, "per") && Word(j + 1, "cent"))
                {
                    pe = j + 2;
                }

                if (pe > 0)
                {
                    int end = atoms[pe - 1].End;
                    q = Make(start, end, start, end, m.Value, QuantityInterval.Point(m.Value), QuantityKind.Percent, QuantityComparison.Exact, null,
                        m.Form == NumberForm.Fraction, "percent");
                    next = pe;
                    return !trailing || WithTrailing(ref q, ref next);
                }
            }

            // "1000-5000", "5k-20k", "20~100", "20 through 100", "5,000 to 7,000".
            if (options.Qualifiers && !m.IsOrdinal && (IsDash(j) || Word(j, "through") || Word(j, "thru") || Word(j, "to") || Word(j, "till"))
                && j + 1 < atoms.Count && numberAt[j + 1] >= 0)
            {
                var b = numbers[numberAt[j + 1]];
                bool chained = b.EndAtom < atoms.Count && IsDash(b.EndAtom) && b.EndAtom + 1 < atoms.Count && atoms[b.EndAtom + 1].Kind == AtomKind.Number;
                bool phone = m.FirstAtom > 0 && (IsDash(m.FirstAtom - 1) || atoms[m.FirstAtom - 1].IsPunct('+'));
                if (!b.IsOrdinal && !chained && !phone && m.Value < b.Value && IsPlain(m) && IsPlain(b))
                {
                    var interval = new QuantityInterval(m.Value, b.Value, true, options.RangeEndInclusive, false);
                    q = Make(start, b.End, start, b.End, m.Value, interval, kind, QuantityComparison.Between, null, false, "range");
                    next = b.EndAtom;
                    if (options.Percentages && Punct(next, '%'))
                    {
                        q = q with { Kind = QuantityKind.Percent, Span = new TextSpan(start, atoms[next].End), NumberSpan = new TextSpan(start, atoms[next].End) };
                        next++;
                    }

                    return true;
                }
            }

            bool fraction = m.Form == NumberForm.Fraction && !m.IsOrdinal;
            if (fraction && m.Value <= 1 && (m.IsRatio || Word(j, "of") || (Word(j, "the") && atoms[m.FirstAtom].Text is "half")))
            {
                // "half of the country", "one in five civilians": a share of what follows.
                kind = QuantityKind.Proportion;
            }

            // The currency sign is part of the quantity's span ("$2bn") but not of its number.
            int spanStart = currencyAt != i ? atoms[currencyAt].Start : start;
            q = Make(spanStart, m.End, start, m.End, m.Value, QuantityInterval.Point(m.Value), kind, QuantityComparison.Exact, null, fraction,
                m.IsRatio ? "ratio" : kind == QuantityKind.Proportion ? "proportion" : m.IsOrdinal ? "ordinal" : "number") with { Unit = unit };
            next = j;
            return !trailing || WithTrailing(ref q, ref next);
        }

        /// <summary>"five hundred or more", "200 or greater (than)", "500 or less", "10,000-plus".</summary>
        private bool WithTrailing(ref Quantity q, ref int next)
        {
            if (!options.Qualifiers || q.Kind == QuantityKind.Ordinal)
            {
                return true;
            }

            int j = next;
            if ((Word(j, "or") || Word(j, "and")) && j + 1 < atoms.Count)
            {
                string w = atoms[j + 1].Text;
                QuantityComparison? c = w switch
                {
                    "more" or "greater" or "above" or "over" or "higher" or "larger" => QuantityComparison.AtLeast,
                    "less" or "fewer" or "below" or "under" or "lower" or "smaller" => QuantityComparison.AtMost,
                    _ => null,
                };
                if (c is { } comparison && !(Word(j, "and") && comparison == QuantityComparison.AtMost))
                {
                    int k = j + 2;
                    if (Word(k, "than"))
                    {
                        if (NumberAt(k + 1, out _, out _))
                        {
                            return true;
                        }

                        k++;
                    }
                    else if (NumberAt(k, out _, out _))
                    {
                        return true;
                    }

                    q = q with
                    {
                        Span = new TextSpan(q.Span.Start, atoms[k - 1].End),
                        Comparison = comparison,
                        Interval = IntervalFor(comparison, q.Value),
                        Qualifier = new TextSpan(atoms[j].Start, atoms[k - 1].End),
                        Source = new Provenance(Component, "trailing/" + comparison.ToString().ToLowerInvariant()),
                    };
                    next = k;
                }
            }
            else if (Punct(j, '-') && Word(j + 1, "plus") || (Word(j, "plus") && j + 1 < atoms.Count && atoms[j + 1].Kind == AtomKind.Word))
            {
                int k = Word(j, "plus") ? j + 1 : j + 2;
                q = q with
                {
                    Span = new TextSpan(q.Span.Start, atoms[k - 1].End),
                    Comparison = QuantityComparison.AtLeast,
                    Interval = IntervalFor(QuantityComparison.AtLeast, q.Value),
                    Qualifier = new TextSpan(atoms[j].Start, atoms[k - 1].End),
                    Source = new Provenance(Component, "trailing/plus"),
                };
                next = k;
            }

            return true;
        }

        private string? CurrencyBefore(int atom)
        {
            if (atom == 0 || atoms[atom - 1].Kind != AtomKind.Punct)
            {
                return null;
            }

            string s = atoms[atom - 1].Text;
            if (s is "$" or "£" or "€" or "¥" or "₹" or "₽")
            {
                return atom >= 2 && atoms[atom - 2].Kind == AtomKind.Word && atoms[atom - 2].End == atoms[atom - 1].Start
                    ? atoms[atom - 2].Text.ToUpperInvariant() + s
                    : s;
            }

            return null;
        }

        private static Quantity Make(int start, int end, int numStart, int numEnd, double value, QuantityInterval interval, QuantityKind kind,
            QuantityComparison comparison, TextSpan? qualifier, bool fraction, string rule) =>
            new(new TextSpan(start, end), new TextSpan(numStart, numEnd), value, interval, kind, comparison, qualifier, null, fraction,
                new Provenance(Component, rule));

    }
}
