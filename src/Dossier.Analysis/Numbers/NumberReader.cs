using System.Globalization;

namespace Dossier.Analysis.Numbers;

/// <summary>A number found in a list of atoms: its characters, value and how it was written.</summary>
/// <param name="Start">First code unit (inclusive).</param>
/// <param name="End">One past the last code unit.</param>
/// <param name="Value">The resolved value (an ordinal's rank for ordinals).</param>
/// <param name="Form">Integer, decimal, power or fraction.</param>
/// <param name="IsOrdinal">True for "first", "21st".</param>
/// <param name="FirstAtom">Index of the first atom.</param>
/// <param name="EndAtom">One past the index of the last atom.</param>
internal readonly record struct NumberMatch(int Start, int End, double Value, NumberForm Form, bool IsOrdinal, int FirstAtom, int EndAtom)
{
    /// <summary>True for "one out of three", "1 in 21", "one over three".</summary>
    public bool IsRatio { get; init; }
}

/// <summary>Switches that differ between reading newswire and the reference models' modes.</summary>
/// <param name="Ordinals">Read ordinals ("first", "21st"); off, "two millionth" reads as "two".</param>
/// <param name="RatioPhrases">Read "one out of three", "1 in 21", "one over three" as fractions.</param>
internal readonly record struct NumberReadingOptions(bool Ordinals = true, bool RatioPhrases = true)
{
    public static NumberReadingOptions Default => new(true, true);
}

/// <summary>
/// Reads numbers from atoms: digits, words ("one hundred and twenty-five"), mixes ("3 hundred and
/// 21"), fractions ("two thirds", "one and a half", "1 over 3"), large-number fractions ("half a
/// million", "3 million and a half") and ordinals. Greedy, left to right, longest valid number.
/// </summary>
internal static class NumberReader
{
    private readonly record struct Cardinal(int EndAtom, double Value, NumberForm Form, bool AllWords, double LastScale, double AndChunk, int LastAtom, WordClass LastClass, bool LastAfterAnd);

    public static List<NumberMatch> FindNumbers(string text, NumberReadingOptions options) =>
        FindNumbers(NumberAtomizer.Atomize(text, 0, text.Length), options);

    public static List<NumberMatch> FindNumbers(List<Atom> atoms, NumberReadingOptions options)
    {
        var result = new List<NumberMatch>();
        int i = 0;
        while (i < atoms.Count)
        {
            if (TryReadAt(atoms, i, options, out var m))
            {
                result.Add(m);
                i = m.EndAtom;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    public static bool TryReadAt(List<Atom> atoms, int i, NumberReadingOptions options, out NumberMatch match)
    {
        match = default;
        var a = atoms[i];
        if (a.Kind == AtomKind.Word && (a.Text == "minus" || a.Text == "negative") && i + 1 < atoms.Count
            && TryReadUnsigned(atoms, i + 1, options, out var inner) && !inner.IsOrdinal && inner.Value >= 0)
        {
            match = inner with { Start = a.Start, FirstAtom = i, Value = -inner.Value };
            return true;
        }

        if (!TryReadUnsigned(atoms, i, options, out match))
        {
            return false;
        }

        // "the second to last" is a position counted from the end, not a rank.
        if (match.IsOrdinal && match.EndAtom + 1 < atoms.Count && atoms[match.EndAtom].IsWord("to") && atoms[match.EndAtom + 1].IsWord("last"))
        {
            return false;
        }

        // "The one you mentioned", "a third one", "one can ask": a pronoun, not a count.
        if (match.EndAtom == i + 1 && a.IsWord("one"))
        {
            if (i > 0 && atoms[i - 1].Kind == AtomKind.Word
                && (atoms[i - 1].Text is "the" or "this" or "that" or "which" or "each" or "every" or "any" or "no" or "another" or "someone"
                    || NumberWords.TryGetOrdinal(atoms[i - 1].Text, out _, out _)))
            {
                return false;
            }

            if (i + 1 < atoms.Count && atoms[i + 1].Kind == AtomKind.Word
                && atoms[i + 1].Text is "can" or "could" or "would" or "should" or "must" or "might" or "will" or "cannot" or "who" or "another")
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadUnsigned(List<Atom> atoms, int i, NumberReadingOptions options, out NumberMatch match)
    {
        match = default;
        var a = atoms[i];

        // "half a million", "half million", "quarter million", "half a dozen".
        if (a.Kind == AtomKind.Word && (a.Text == "half" || a.Text == "quarter"))
        {
            double f = a.Text == "half" ? 0.5 : 0.25;
            int j = i + 1;
            if (j < atoms.Count && atoms[j].Kind == AtomKind.Word && atoms[j].Text is "a" or "an")
            {
                j++;
            }

            if (j < atoms.Count && atoms[j].Kind == AtomKind.Word)
            {
                var (cls, v) = NumberWords.Cardinal(atoms[j].Text);
                if (cls is WordClass.Scale or WordClass.Dozen || (cls == WordClass.Hundred && atoms[j].Text == "hundred"))
                {
                    var form = cls == WordClass.Dozen ? NumberForm.Integer : NumberForm.Fraction;
                    match = new NumberMatch(a.Start, atoms[j].End, f * v, form, false, i, j + 1);
                    return true;
                }
            }

            if (a.Text == "half")
            {
                match = new NumberMatch(a.Start, a.End, 0.5, NumberForm.Fraction, false, i, i + 1);
                return true;
            }

            return false;
        }

        if (a.Kind == AtomKind.Number)
        {
            if (a.IsOrdinal)
            {
                if (!options.Ordinals)
                {
                    return false;
                }

                match = new NumberMatch(a.Start, a.End, a.Value, NumberForm.Integer, true, i, i + 1);
                return true;
            }
        }

        var c = ReadCardinal(atoms, i, atoms.Count);

        // "a fifth", "one eighth", "a twenty-first", "one one hundred fifth".
        if (TryFraction(atoms, i, c, options, out match))
        {
            return true;
        }

        if (options.Ordinals && TryOrdinal(atoms, i, out match))
        {
            return true;
        }

        if (c is not { } card)
        {
            return false;
        }

        double value = card.Value;
        var formOut = card.Form;
        int end = card.EndAtom;

        // "2  1/4", "- 1 4/5": a whole number and a digit fraction.
        if (!card.AllWords && formOut == NumberForm.Integer && end == i + 1 && end < atoms.Count
            && atoms[end].Kind == AtomKind.Number && atoms[end].Form == NumberForm.Fraction && atoms[end].Value is > 0 and < 1
            && !atoms[end].Text.StartsWith('-'))
        {
            value = value < 0 || atoms[i].Text.StartsWith('-') ? value - atoms[end].Value : value + atoms[end].Value;
            match = new NumberMatch(atoms[i].Start, atoms[end].End, value, NumberForm.Fraction, false, i, end + 1);
            return true;
        }

        // "one and a half", "two and fifty-four hundredths", "3 million and a quarter".
        if (end + 1 < atoms.Count && atoms[end].IsWord("and") && TryFractionPhrase(atoms, end + 1, out double fraction, out int fracEnd))
        {
            int after = fracEnd;
            double total;
            if (after < atoms.Count && atoms[after].Kind == AtomKind.Word && NumberWords.Cardinal(atoms[after].Text) is { Class: WordClass.Scale } scale)
            {
                // "five and a half million" is 5.5 million; "one billion and a half million" adds half a million.
                total = card.LastScale > 0 ? value + (fraction * scale.Value) : (value + fraction) * scale.Value;
                after++;
            }
            else if (card.LastScale >= 1e6)
            {
                total = value + (fraction * card.LastScale);
            }
            else
            {
                total = value + fraction;
            }

            match = new NumberMatch(atoms[i].Start, atoms[after - 1].End, total, NumberForm.Fraction, false, i, after);
            return true;
        }

        // "one over three", "one out of three", "1 in twenty-one".
        if (options.RatioPhrases && TryRatio(atoms, i, card, out match))
        {
            return true;
        }

        match = new NumberMatch(atoms[i].Start, atoms[end - 1].End, value, formOut, false, i, end);
        return true;
    }

    private static bool TryRatio(List<Atom> atoms, int i, Cardinal card, out NumberMatch match)
    {
        match = default;
        int end = card.EndAtom;
        if (end >= atoms.Count || atoms[end].Kind != AtomKind.Word || card.Form != NumberForm.Integer)
        {
            return false;
        }

        string w = atoms[end].Text;
        int denAt;
        if (w == "over" || w == "in")
        {
            denAt = end + 1;
        }
        else if (w == "out" && end + 1 < atoms.Count && atoms[end + 1].IsWord("of"))
        {
            denAt = end + 2;
        }
        else
        {
            return false;
        }

        if (denAt >= atoms.Count || ReadCardinal(atoms, denAt, atoms.Count) is not { } den || den.Form != NumberForm.Integer || den.Value == 0)
        {
            return false;
        }

        // "300 in 2008" is a number and a year, not a share.
        if (w == "in" && !den.AllWords && den.Value is >= 1000 and < 3000 && atoms[denAt].Text.Length == 4)
        {
            return false;
        }

        if (w == "over")
        {
            // "$2000 over 3 years" is money over time, not a fraction.
            bool money = i > 0 && atoms[i - 1].Kind == AtomKind.Punct && atoms[i - 1].Text is "$" or "£" or "€";
            bool followedByWord = den.EndAtom < atoms.Count && atoms[den.EndAtom].Kind == AtomKind.Word;
            if (money || followedByWord)
            {
                return false;
            }
        }
        else if (card.Value >= den.Value)
        {
            // "12 out of 10", "8 in 5": not a proportion, two numbers.
            return false;
        }

        match = new NumberMatch(atoms[i].Start, atoms[den.EndAtom - 1].End, card.Value / den.Value, NumberForm.Fraction, false, i, den.EndAtom) { IsRatio = true };
        return true;
    }

    /// <summary>A proper fraction after "and": "a half", "one fourth", "three quarters", "fifty-four hundredths".</summary>
    private static bool TryFractionPhrase(List<Atom> atoms, int i, out double value, out int end)
    {
        value = 0;
        end = i;
        var c = ReadCardinal(atoms, i, atoms.Count);
        if (TryFraction(atoms, i, c, NumberReadingOptions.Default, out var m) && m.Value < 1 && m.Value > 0)
        {
            value = m.Value;
            end = m.EndAtom;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A numerator followed by a denominator. The denominator is either one word ("fifths") or a
    /// compound ordinal ("twenty fifths" = 25ths, "one hundred fifth" = 105th). When the numerator
    /// swallowed a tens word ("one hundred thirty fifths"), the tens word goes to the denominator
    /// (100/35), unless "and" binds it to the numerator ("one hundred and thirty fifths" = 130/5).
    /// After "and", a proper fraction is added: "one hundred and three quarters" = 100¾.
    /// </summary>
    private static bool TryFraction(List<Atom> atoms, int i, Cardinal? c, NumberReadingOptions options, out NumberMatch match)
    {
        match = default;
        double numerator;
        int numEnd;
        if (c is { } card)
        {
            if (!card.AllWords || card.Form != NumberForm.Integer)
            {
                return false;
            }

            numerator = card.Value;
            numEnd = card.EndAtom;
        }
        else if (atoms[i].Kind == AtomKind.Word && atoms[i].Text is "a" or "an")
        {
            numerator = 1;
            numEnd = i + 1;
        }
        else
        {
            return false;
        }

        // A compound denominator right after the numerator: "twenty twenty fifths", "one one hundred fifth".
        if (TryCompoundOrdinal(atoms, numEnd, out double den, out int denEnd, out bool plural, out bool compound) && compound
            && Agrees(numerator, plural))
        {
            match = Fraction(atoms, i, denEnd, numerator, den);
            return true;
        }

        int d = numEnd;
        if (d < atoms.Count && atoms[d].IsPunct('-'))
        {
            d++;
        }

        if (d >= atoms.Count || atoms[d].Kind != AtomKind.Word || !NumberWords.TryGetDenominator(atoms[d].Text, false, out _, out double single, out bool singlePlural))
        {
            return false;
        }

        if (c is { } cc)
        {
            // Re-split "one hundred thirty | fifths" into "one hundred | thirty fifths".
            if (cc.LastClass == WordClass.Tens && !cc.LastAfterAnd && cc.LastAtom > i && single < 10)
            {
                var prefix = ReadCardinal(atoms, i, cc.LastAtom);
                if (prefix is { } p && p.EndAtom == cc.LastAtom && Agrees(p.Value, singlePlural))
                {
                    match = Fraction(atoms, i, d + 1, p.Value, NumberWords.Cardinal(atoms[cc.LastAtom].Text).Value + single);
                    return true;
                }
            }

            // "one hundred one thousand fifths": 100 / 1005.
            if (cc.LastClass is WordClass.Hundred or WordClass.Scale && cc.LastAtom - 1 > i
                && atoms[cc.LastAtom - 1].Kind == AtomKind.Word && atoms[cc.LastAtom - 1].Text is "one" or "a" && single < 10)
            {
                var prefix = ReadCardinal(atoms, i, cc.LastAtom - 1);
                if (prefix is { } p && p.EndAtom == cc.LastAtom - 1 && Agrees(p.Value, singlePlural))
                {
                    match = Fraction(atoms, i, d + 1, p.Value, NumberWords.Cardinal(atoms[cc.LastAtom].Text).Value + single);
                    return true;
                }
            }

            // "one hundred and three quarters": the proper part after the last "and" is the fraction.
            if (cc.AndChunk > 0 && cc.AndChunk < single && cc.LastAfterAnd)
            {
                double whole = cc.Value - cc.AndChunk;
                double frac = cc.AndChunk / single;
                int after = d + 1;
                if (after < atoms.Count && atoms[after].Kind == AtomKind.Word && NumberWords.Cardinal(atoms[after].Text) is { Class: WordClass.Scale } afterScale)
                {
                    // "one billion and three quarters million".
                    match = new NumberMatch(atoms[i].Start, atoms[after].End, whole + (frac * afterScale.Value), NumberForm.Fraction, false, i, after + 1);
                    return true;
                }

                // "five billion and three quarters" is 5.75 billion, but "one hundred and three quarters" is 100.75.
                double mixed = cc.LastScale >= 1e6 ? whole + (frac * cc.LastScale) : whole + frac;
                match = Fraction(atoms, i, d + 1, cc.AndChunk, single) with { Value = mixed };
                return true;
            }
        }

        if (!Agrees(numerator, singlePlural))
        {
            return false;
        }

        // "a third" followed by a noun is usually a rank ("a third term"); keep it a fraction
        // only before "of", punctuation or the end ("a third of the vote", "a fifth").
        if (numerator == 1 && atoms[i].Kind == AtomKind.Word && atoms[i].Text is "a" or "an" && !singlePlural
            && d + 1 < atoms.Count && atoms[d + 1].Kind == AtomKind.Word && atoms[d + 1].Text is not ("of" or "fewer" or "more" or "less" or "lower" or "higher")
            && atoms[d].Text != "half" && NumberWords.Cardinal(atoms[d + 1].Text).Class != WordClass.Scale)
        {
            return false;
        }

        int fracEnd = d + 1;
        double value = numerator / single;

        // "two thirds of a million".
        if (fracEnd + 2 < atoms.Count && atoms[fracEnd].IsWord("of") && atoms[fracEnd + 1].Text is "a" or "an"
            && NumberWords.Cardinal(atoms[fracEnd + 2].Text) is { Class: WordClass.Scale } sc)
        {
            match = new NumberMatch(atoms[i].Start, atoms[fracEnd + 2].End, value * sc.Value, NumberForm.Fraction, false, i, fracEnd + 3);
            return true;
        }

        match = Fraction(atoms, i, fracEnd, numerator, single);
        return true;
    }

    private static bool Agrees(double numerator, bool plural) => plural ? numerator != 1 : numerator == 1;

    private static NumberMatch Fraction(List<Atom> atoms, int i, int end, double numerator, double denominator) =>
        new(atoms[i].Start, atoms[end - 1].End, numerator / denominator, NumberForm.Fraction, false, i, end);

    /// <summary>
    /// An ordinal written in words ("twenty-fifth", "one hundred twenty fifth", "three trillionth")
    /// at <paramref name="i"/>. <paramref name="compound"/> is true when it has more than one word.
    /// </summary>
    private static bool TryCompoundOrdinal(List<Atom> atoms, int i, out double value, out int end, out bool plural, out bool compound)
    {
        value = 0;
        end = i;
        plural = false;
        compound = false;
        if (i >= atoms.Count)
        {
            return false;
        }

        // Longest cardinal prefix that the ordinal word can extend.
        var prefix = ReadCardinal(atoms, i, atoms.Count);
        int w = prefix?.EndAtom ?? i;
        bool sawAnd = false;
        if (w < atoms.Count && atoms[w].IsWord("and") && prefix is not null)
        {
            sawAnd = true;
            w++;
        }

        if (w < atoms.Count && atoms[w].IsPunct('-') && prefix is not null)
        {
            w++;
        }

        if (w >= atoms.Count || atoms[w].Kind != AtomKind.Word || !NumberWords.TryGetDenominator(atoms[w].Text, true, out var cls, out double ord, out plural)
            || atoms[w].Text is "half" or "halves" or "quarter" or "quarters")
        {
            // Without a prefix, a lone ordinal word.
            if (i < atoms.Count && atoms[i].Kind == AtomKind.Word && NumberWords.TryGetDenominator(atoms[i].Text, true, out cls, out ord, out plural)
                && atoms[i].Text is not ("half" or "halves" or "quarter" or "quarters"))
            {
                value = ord;
                end = i + 1;
                return true;
            }

            return false;
        }

        if (prefix is not { } p)
        {
            value = ord;
            end = w + 1;
            return true;
        }

        if (!sawAnd && CombinesWith(p, cls))
        {
            value = Combine(p, cls, ord);
            end = w + 1;
            compound = true;
            return true;
        }

        if (sawAnd && p.LastClass is WordClass.Hundred or WordClass.Scale && cls is WordClass.Unit or WordClass.Teen or WordClass.Tens)
        {
            value = p.Value + ord;
            end = w + 1;
            compound = true;
            return true;
        }

        return false;
    }

    private static bool CombinesWith(Cardinal p, WordClass ordinalClass) => ordinalClass switch
    {
        WordClass.Unit => p.LastClass is WordClass.Tens or WordClass.Hundred or WordClass.Scale,
        WordClass.Teen or WordClass.Tens => p.LastClass is WordClass.Hundred or WordClass.Scale,
        WordClass.Hundred => p.LastClass is WordClass.Unit or WordClass.Teen or WordClass.Tens or WordClass.A or WordClass.Digits && p.Value < 100,
        WordClass.Scale => p.LastClass != WordClass.Scale || p.LastScale > 0,
        _ => false,
    };

    private static double Combine(Cardinal p, WordClass cls, double ord) => cls switch
    {
        WordClass.Hundred => p.Value * 100,
        WordClass.Scale when p.LastScale > 0 && p.LastScale < ord => p.Value * ord,
        WordClass.Scale when p.LastScale > 0 => ScaleTail(p, ord),
        WordClass.Scale => p.Value * ord,
        _ => p.Value + ord,
    };

    private static double ScaleTail(Cardinal p, double ord)
    {
        double below = p.Value % p.LastScale;
        return p.Value - below + (below * ord);
    }

    private static bool TryOrdinal(List<Atom> atoms, int i, out NumberMatch match)
    {
        match = default;
        if (!TryCompoundOrdinal(atoms, i, out double value, out int end, out bool plural, out _) || plural)
        {
            return false;
        }

        match = new NumberMatch(atoms[i].Start, atoms[end - 1].End, value, NumberForm.Integer, true, i, end);
        return true;
    }

    /// <summary>
    /// The longest cardinal at <paramref name="i"/> ending before <paramref name="limit"/>:
    /// "one hundred and twenty-five", "3 hundred and 21", "twenty-one trillion three hundred",
    /// "three lakh crore", "two hundred point zero three", "three dozens".
    /// </summary>
    private static Cardinal? ReadCardinal(List<Atom> atoms, int i, int limit)
    {
        double total = 0, group = 0, lastScale = 0, andChunk = 0, chunk = 0;
        bool groupHasHundred = false, allWords = true, lastAfterAnd = false, inAnd = false;
        var last = WordClass.None;
        var form = NumberForm.Integer;
        Cardinal? best = null;
        Cardinal? beforeAnd = null;
        int j = i;
        while (j < limit)
        {
            var a = atoms[j];
            if (a.Kind == AtomKind.Number)
            {
                if (a.IsOrdinal)
                {
                    break;
                }

                bool okStart = last == WordClass.None;
                bool okAfterScale = last == WordClass.Scale && a.Form == NumberForm.Integer && a.Value is > 0 and < 1000 && !a.HasSeparators;
                bool okAfterAnd = last == WordClass.And && a.Form == NumberForm.Integer && a.Value is > 0 and < 100;
                if (!(okStart || okAfterScale || okAfterAnd))
                {
                    break;
                }

                if (okStart)
                {
                    group = a.Value;
                    form = a.Form;
                }
                else
                {
                    group += a.Value;
                }

                chunk = a.Value;
                lastAfterAnd = inAnd;
                if (inAnd)
                {
                    andChunk = a.Value;
                }

                allWords = false;
                last = WordClass.Digits;
                j++;
                best = Make(j, j - 1);
                continue;
            }

            if (a.Kind == AtomKind.Punct && a.Text == "-" && last == WordClass.Tens && j + 1 < limit
                && NumberWords.Cardinal(atoms[j + 1].Text).Class == WordClass.Unit && atoms[j + 1].Kind == AtomKind.Word)
            {
                j++;
                continue;
            }

            if (a.Kind != AtomKind.Word)
            {
                break;
            }

            if (a.Text == "point" && last is WordClass.Unit or WordClass.Teen or WordClass.Tens or WordClass.Hundred or WordClass.Scale or WordClass.Digits
                && form == NumberForm.Integer)
            {
                var digits = new System.Text.StringBuilder();
                int k = j + 1;
                while (k < limit && atoms[k].Kind == AtomKind.Word && NumberWords.DecimalDigits(atoms[k].Text) is { } dg)
                {
                    var cls = NumberWords.Cardinal(atoms[k].Text).Class;
                    digits.Append(dg);
                    k++;
                    if (cls == WordClass.Tens)
                    {
                        if (k + 1 < limit && atoms[k].IsPunct('-') && NumberWords.Cardinal(atoms[k + 1].Text).Class == WordClass.Unit)
                        {
                            k++;
                        }

                        if (k < limit && atoms[k].Kind == AtomKind.Word && NumberWords.Cardinal(atoms[k].Text) is { Class: WordClass.Unit } u)
                        {
                            digits.Append((int)u.Value);
                            k++;
                        }
                        else
                        {
                            digits.Append('0');
                        }
                    }
                }

                if (digits.Length == 0)
                {
                    break;
                }

                double frac = double.Parse("0." + digits.ToString(), CultureInfo.InvariantCulture);
                group += frac;
                form = NumberForm.Decimal;
                last = WordClass.Unit;
                j = k;
                best = Make(j, j - 1) with { LastClass = WordClass.None };
                break;
            }

            var (wc, v) = NumberWords.Cardinal(a.Text);
            switch (wc)
            {
                case WordClass.Unit:
                case WordClass.Teen:
                case WordClass.Tens:
                    {
                        bool ok = last is WordClass.None or WordClass.Hundred or WordClass.Scale or WordClass.And
                                  || (wc == WordClass.Unit && last == WordClass.Tens && chunk % 10 == 0);
                        if (!ok || (v == 0 && last != WordClass.None))
                        {
                            goto done;
                        }

                        if (last == WordClass.Tens)
                        {
                            group += v;
                            chunk += v;
                            if (inAnd)
                            {
                                andChunk += v;
                            }
                        }
                        else
                        {
                            group += v;
                            chunk = v;
                            if (inAnd)
                            {
                                andChunk = v;
                            }
                        }

                        lastAfterAnd = inAnd;
                        last = wc;
                        j++;
                        best = Make(j, j - 1);
                        break;
                    }

                case WordClass.A:
                    {
                        if (last != WordClass.None || j + 1 >= limit || atoms[j + 1].Kind != AtomKind.Word)
                        {
                            goto done;
                        }

                        var next = NumberWords.Cardinal(atoms[j + 1].Text).Class;
                        if (next is not (WordClass.Hundred or WordClass.Scale or WordClass.Dozen))
                        {
                            goto done;
                        }

                        group = 1;
                        chunk = 1;
                        last = WordClass.A;
                        j++;
                        break;
                    }

                case WordClass.Hundred:
                    {
                        if (last == WordClass.None && a.Text == "hundreds")
                        {
                            // Bare "hundreds" is a vague magnitude, not 100.
                            goto done;
                        }

                        if (last == WordClass.None)
                        {
                            group = 100;
                        }
                        else if (last is WordClass.Unit or WordClass.Teen or WordClass.Tens or WordClass.A or WordClass.Digits && !groupHasHundred)
                        {
                            group *= 100;
                        }
                        else if (inAnd && last is WordClass.Unit or WordClass.Teen or WordClass.Tens or WordClass.Digits && beforeAnd is not null)
                        {
                            // "3 hundred and 2 hundred": two numbers.
                            best = beforeAnd;
                            goto done;
                        }
                        else
                        {
                            goto done;
                        }

                        groupHasHundred = true;
                        lastAfterAnd = false;
                        inAnd = false;
                        andChunk = 0;
                        last = WordClass.Hundred;
                        j++;
                        best = Make(j, j - 1);
                        break;
                    }

                case WordClass.Scale:
                    {
                        if (last is WordClass.None or WordClass.And || (a.Text.EndsWith('s') && last == WordClass.A))
                        {
                            goto done;
                        }

                        if (lastScale == 0 || v < lastScale)
                        {
                            total += group * v;
                        }
                        else if (v > lastScale)
                        {
                            total = (total + group) * v;
                        }
                        else
                        {
                            goto done;
                        }

                        group = 0;
                        chunk = 0;
                        groupHasHundred = false;
                        lastScale = v;
                        inAnd = false;
                        lastAfterAnd = false;
                        andChunk = 0;
                        last = WordClass.Scale;
                        j++;
                        best = Make(j, j - 1);
                        break;
                    }

                case WordClass.Dozen:
                    {
                        if (last is WordClass.None or WordClass.And or WordClass.Scale or WordClass.Hundred)
                        {
                            goto done;
                        }

                        group = group - chunk + (chunk * 12);
                        last = WordClass.Dozen;
                        j++;
                        best = Make(j, j - 1) with { LastClass = WordClass.Dozen };
                        goto done;
                    }

                case WordClass.And:
                    {
                        if (last is not (WordClass.Hundred or WordClass.Scale or WordClass.Tens) || j + 1 >= limit)
                        {
                            goto done;
                        }

                        var n = atoms[j + 1];
                        bool follows = n.Kind == AtomKind.Word
                            ? NumberWords.Cardinal(n.Text).Class is WordClass.Unit or WordClass.Teen or WordClass.Tens && NumberWords.Cardinal(n.Text).Value > 0
                            : n.Kind == AtomKind.Number && !n.IsOrdinal && n.Form == NumberForm.Integer && n.Value is > 0 and < 100 && !allWords == false;
                        if (n.Kind == AtomKind.Number && !n.IsOrdinal && n.Form == NumberForm.Integer && n.Value is > 0 and < 100)
                        {
                            follows = true;
                        }

                        if (!follows || (last == WordClass.Tens && n.Kind != AtomKind.Word))
                        {
                            goto done;
                        }

                        beforeAnd = best;
                        inAnd = true;
                        andChunk = 0;
                        last = WordClass.And;
                        j++;
                        break;
                    }

                default:
                    goto done;
            }
        }

    done:
        return best;

        Cardinal Make(int end, int lastAtom) =>
            new(end, total + group, form, allWords, lastScale, lastAfterAnd ? andChunk : 0, lastAtom, last, lastAfterAnd);
    }
}
