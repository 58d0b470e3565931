using System.Collections.Immutable;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

/// <summary>Switches for <see cref="TimeExpressionRecognizer"/>; the defaults are the ones for newswire.</summary>
public sealed record TimeReadingOptions
{
    /// <summary>The newswire defaults.</summary>
    public static TimeReadingOptions Default { get; } = new();

    /// <summary>
    /// Whether "from 2014 to 2018" includes 2018 (ends 2019-01-01). Default true, as a reader takes
    /// it; the reference specs end such ranges where the second operand starts.
    /// </summary>
    public bool RangeEndInclusive { get; init; } = true;

    /// <summary>Read vague present expressions ("at the moment", "currently", "lately"). Default true.</summary>
    public bool VaguePresent { get; init; } = true;

    /// <summary>Days either side of the reference date that "at the moment" covers. Default 7.</summary>
    public int PresentWindowDays { get; init; } = 7;

    /// <summary>Days before the reference date that "lately", "recently" cover. Default 30.</summary>
    public int RecentWindowDays { get; init; } = 30;
}

/// <summary>
/// Finds dates and periods and resolves them against a reference date (the publication date) to
/// half-open day intervals. Underspecified dates take the most recent reading not after the
/// reference ("in April" in December 2017 is April 2017), unless the clause is in the future tense
/// ("will", "'ll", "going to"), when they take the next one. Stateless and thread-safe.
/// </summary>
public static class TimeExpressionRecognizer
{
    private const string Component = "time-expressions";

    /// <summary>Finds time expressions in <paramref name="text"/>.</summary>
    public static ImmutableArray<TimeExpression> Find(string text, DateOnly reference, TimeReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, 0, text.Length, reference, options);
    }

    /// <summary>Finds time expressions in <c>text[start..end)</c>; spans are offsets into the whole <paramref name="text"/>.</summary>
    public static ImmutableArray<TimeExpression> Find(string text, int start, int end, DateOnly reference, TimeReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= TimeReadingOptions.Default;
        var tokens = DateTokenizer.Tokenize(text, start, end);
        var parser = new DateParser(text, tokens, reference, options);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        int i = 0;
        while (i < tokens.Count)
        {
            if (parser.TryAt(i, out var found, out int next))
            {
                result.Add(found with { Source = new Provenance(Component, found.Source.Rule) });
                i = next;
            }
            else
            {
                i++;
            }
        }

        return result.ToImmutable();
    }
}

/// <summary>
/// A date read from the text before resolution: calendar fields that may be missing (a month
/// without a year), or an already resolved interval (relative expressions).
/// </summary>
internal readonly record struct Piece(int EndTok, int? Year, int? Month, int? Day, DateOnly? Start, DateOnly? End, TimeGranularity Granularity, bool Relative, string Rule)
{
    public bool IsResolved => Start.HasValue || End.HasValue;

    public static Piece Fields(int end, int? y, int? m, int? d, string rule) =>
        new(end, y, m, d, null, null, d.HasValue ? TimeGranularity.Day : m.HasValue ? TimeGranularity.Month : TimeGranularity.Year, false, rule);

    public static Piece Interval(int end, DateOnly start, DateOnly stop, TimeGranularity g, bool relative, string rule) =>
        new(end, null, null, null, start, stop, g, relative, rule);
}

internal sealed class DateParser(string text, List<DateToken> t, DateOnly reference, TimeReadingOptions options)
{
    private readonly string _text = text;

    private bool W(int i, string w) => i >= 0 && i < t.Count && t[i].Is(w);

    private bool Digits(int i) => i < t.Count && t[i].Kind == DateTokenKind.Digits;

    private bool Glued(int i) => i > 0 && i < t.Count && t[i - 1].End == t[i].Start;

    private bool IsSep(int i, bool dot = false) => i < t.Count && t[i].Kind == DateTokenKind.Punct && (t[i].Text is "/" or "-" || (dot && t[i].Text == "."));

    /// <summary>True when the clause before token <paramref name="i"/> is in the future tense.</summary>
    private bool Future(int i)
    {
        int from = Math.Max(0, i - 12);
        for (int k = i - 1; k >= from; k--)
        {
            // The tense of this clause only: stop at a clause break or a reporting verb ("…will be
            // held on March 15, a spokesman said on Tuesday").
            if ((t[k].Kind == DateTokenKind.Punct && t[k].Text is "." or ";" or "!" or "?" or "," or "\u201c" or "\u201d" or "\"")
                || t[k].Is("said") || t[k].Is("told") || t[k].Is("added") || t[k].Is("says"))
            {
                break;
            }

            if (t[k].Is("will") || t[k].Is("shall") || t[k].Is("'ll") || t[k].Text.EndsWith("'ll", StringComparison.Ordinal) || t[k].Text.EndsWith("\u2019ll", StringComparison.Ordinal)
                || (t[k].Is("going") && W(k + 1, "to")) || t[k].Is("upcoming"))
            {
                return true;
            }
        }

        return false;
    }

    public bool TryAt(int i, out TimeExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!Candidate(i, out var piece))
        {
            return false;
        }

        if (!Resolve(piece, Future(i), out var s, out var e, out var g))
        {
            return false;
        }

        int startTok = i;
        found = new TimeExpression(new TextSpan(t[startTok].Start, t[piece.EndTok - 1].End), s, e, g, piece.Relative || !piece.Year.HasValue && !piece.IsResolved,
            new Provenance("", piece.Rule));
        next = piece.EndTok;
        return true;
    }

    private bool Candidate(int i, out Piece piece)
    {
        if (TryOpenEnded(i, out piece) || TryRange(i, out piece))
        {
            return true;
        }

        if (!TrySingle(i, out piece, allowBareDay: false))
        {
            return false;
        }

        // "2012 or later", "1/1/2016 and after", "2018 onwards".
        int j = piece.EndTok;
        if ((W(j, "or") || W(j, "and")) && (W(j + 1, "later") || W(j + 1, "after") || W(j + 1, "greater")) && !W(j + 2, "than"))
        {
            return Open(piece, "since", j + 2, out piece);
        }

        if (W(j, "onwards") || W(j, "onward"))
        {
            return Open(piece, "since", j + 1, out piece);
        }

        if ((W(j, "or") || W(j, "and")) && (W(j + 1, "earlier") || W(j + 1, "before")) && !W(j + 2, "than"))
        {
            return Open(piece, "until", j + 2, out piece);
        }

        return true;
    }

    /// <summary>
    /// Open intervals: "since August" is [1 August, ∞), "after 2016" [2017, ∞), "before 2018"
    /// (−∞, 2018), "until Friday" and "no later than Friday" (−∞, Saturday), "to date" (−∞, today).
    /// </summary>
    private bool TryOpenEnded(int i, out Piece piece)
    {
        piece = default;
        string kind;
        int k;
        // "to date" is "so far", but "up to date" and "equals to date" are not.
        if ((W(i, "to") || W(i, "till") || W(i, "until")) && W(i + 1, "date") && !W(i - 1, "up") && !W(i - 1, "equals") && !W(i - 1, "equal")
            && !(i + 2 < t.Count && t[i + 2].Kind != DateTokenKind.Punct))
        {
            piece = new Piece(i + 2, null, null, null, null, reference, TimeGranularity.Range, true, "to-date");
            return true;
        }

        if (W(i, "since"))
        {
            (kind, k) = ("since", i + 1);
        }
        else if (W(i, "after") || ((W(i, "later") || W(i, "greater")) && W(i + 1, "than")))
        {
            (kind, k) = ("after", W(i, "after") ? i + 1 : i + 2);
        }
        else if (W(i, "year") && W(i + 1, "greater") && W(i + 2, "than"))
        {
            (kind, k) = ("after", i + 3);
        }
        else if (i + 1 < t.Count && t[i].Text is ">" or "<" && t[i + 1].Text == "=" && t[i + 1].Start - t[i].End <= 1)
        {
            (kind, k) = (t[i].Text == ">" ? "since" : "until", i + 2);
        }
        else if (W(i, "before") || (W(i, "earlier") && W(i + 1, "than")))
        {
            (kind, k) = ("before", W(i, "before") ? i + 1 : i + 2);
        }
        else if (W(i, "until") || W(i, "till"))
        {
            (kind, k) = ("until", i + 1);
        }
        else if (W(i, "no") && W(i + 1, "later") && W(i + 2, "than"))
        {
            (kind, k) = ("until", i + 3);
        }
        else if (W(i, "starting") || W(i, "beginning"))
        {
            (kind, k) = ("since", W(i + 1, "on") || W(i + 1, "from") ? i + 2 : i + 1);
        }
        else if (W(i, "as") && (W(i + 1, "early") || W(i + 1, "late")) && W(i + 2, "as"))
        {
            (kind, k) = (W(i + 1, "early") ? "since" : "until", i + 3);
        }
        else
        {
            return false;
        }

        if (W(k, "the") && W(k + 1, "year") && Digits(k + 2))
        {
            k += 2;
        }

        if (!TrySingle(k, out var inner, allowBareDay: false))
        {
            return false;
        }

        return Open(inner, kind, inner.EndTok, out piece, Future(i));
    }

    private bool Open(Piece inner, string kind, int end, out Piece piece, bool future = false)
    {
        piece = default;
        if (!Resolve(inner, future, out var s0, out var e0, out var g) || s0 is not { } s || e0 is not { } e)
        {
            return false;
        }

        piece = kind switch
        {
            "since" => new Piece(end, null, null, null, s, null, g, true, "since"),
            "after" => new Piece(end, null, null, null, e, null, g, true, "after"),
            "before" => new Piece(end, null, null, null, null, s, g, true, "before"),
            _ => new Piece(end, null, null, null, null, e, g, true, "until"),
        };
        return true;
    }

    // ----- ranges -------------------------------------------------------------------------

    private bool TryRange(int i, out Piece piece)
    {
        piece = default;
        int a0 = i;
        bool from = W(i, "from"), between = W(i, "between");
        if (from || between)
        {
            a0 = i + 1;
        }

        if (!TryOperand(a0, out var a, first: true))
        {
            return false;
        }

        int j = a.EndTok;
        bool joined = between
            ? W(j, "and") || W(j, "through") || W(j, "thru") || W(j, "to") || Dash(j)
            : W(j, "to") || W(j, "till") || W(j, "until") || W(j, "through") || W(j, "thru") || Dash(j);
        if (!joined)
        {
            return false;
        }

        // A chain of numbers ("138-2010-2015", "2010-2015-86") is a phone number or a code, not a range.
        if (Dash(j) && (Chained(a0) || (a0 > 0 && t[a0 - 1].Text is "+")))
        {
            return false;
        }

        if (!TryOperand(j + 1, out var b, first: false))
        {
            return false;
        }

        if (Dash(j) && Dash(b.EndTok) && Digits(b.EndTok + 1) && !b.Month.HasValue)
        {
            return false;
        }

        return Combine(i, a, b, out piece);
    }

    /// <summary>One end of a range: a date, "now", "date" ("to date"), or "the end/middle/start of" a period.</summary>
    private bool TryOperand(int k, out Piece piece, bool first)
    {
        piece = default;
        var r = reference;
        if (W(k, "now") || (!first && W(k, "date")))
        {
            piece = Piece.Interval(k + 1, r, r.AddDays(1), TimeGranularity.Day, true, "now");
            return true;
        }

        if (W(k, "current") && W(k + 1, "date"))
        {
            piece = Piece.Interval(k + 2, r, r.AddDays(1), TimeGranularity.Day, true, "now");
            return true;
        }

        if (W(k, "the") && (W(k + 1, "end") || W(k + 1, "start") || W(k + 1, "beginning") || W(k + 1, "middle")) && W(k + 2, "of")
            && TrySingle(k + 3, out var inner, false))
        {
            if (!Resolve(inner, false, out var s0, out var e0, out _) || s0 is null || e0 is null)
            {
                return false;
            }

            // The point where the period ends, starts or is half-way, as an empty interval at that day.
            var point = W(k + 1, "end") ? e0.Value
                : W(k + 1, "middle") ? s0.Value.AddDays((e0.Value.DayNumber - s0.Value.DayNumber) / 2)
                : s0.Value;
            piece = Piece.Interval(inner.EndTok, point, point, TimeGranularity.Day, inner.Relative, "point");
            return true;
        }

        return TrySingle(k, out piece, allowBareDay: true, inRange: true);
    }

    private bool Chained(int a0) => a0 >= 2 && Dash(a0 - 1) && Digits(a0 - 2) && Glued(a0 - 1) && Glued(a0);

    private bool Dash(int j) => j >= 0 && j < t.Count && t[j].Kind == DateTokenKind.Punct && t[j].Text is "-" or "–" or "—" or "~";

    private bool Combine(int i, Piece a, Piece b, out Piece piece)
    {
        piece = default;

        // Share missing fields: "november 18-19", "nov 18-dec 19, 2015", "9 to 12 of june", "jan-feb 2017".
        if (!a.IsResolved && !b.IsResolved)
        {
            if (!b.Month.HasValue && b.Day.HasValue && a.Month.HasValue && !b.Year.HasValue)
            {
                b = b with { Month = a.Month, Year = a.Year };
            }

            if (!a.Month.HasValue && a.Day.HasValue && b.Month.HasValue)
            {
                a = a with { Month = b.Month, Year = a.Year ?? b.Year };
            }

            if (!a.Year.HasValue && b.Year.HasValue && a.Month.HasValue)
            {
                bool wraps = a.Month > b.Month || (a.Month == b.Month && a.Day > b.Day);
                a = a with { Year = wraps ? b.Year - 1 : b.Year };
            }
        }

        if (Empty(a) || Empty(b) || (a.Day.HasValue && !a.Month.HasValue && !a.IsResolved) || (b.Day.HasValue && !b.Month.HasValue && !b.IsResolved))
        {
            return false;
        }

        // A range without years is read in the past, whatever the tense: "what will happen between
        // August and October" asked in September is about this August to October.
        const bool future = false;
        _ = i;
        if (!Resolve(a, future, out var aStart, out var aEnd, out _) || aStart is not { } startDay || aEnd is null)
        {
            return false;
        }

        // The end is the first reading at or after the start: "from Nov to March" said in September 2018 is Nov 2017 – Mar 2018.
        if (!b.IsResolved && !b.Year.HasValue && b.Month.HasValue)
        {
            int y = startDay.Year;
            var probe = SafeDate(y, b.Month.Value, b.Day ?? 1);
            if (probe is null || probe < startDay)
            {
                y++;
            }

            b = b with { Year = y };
        }
        else if (b.Rule == "weekday")
        {
            // "from next Monday to Friday": the first Friday after the start.
            var wdDate = b.Start!.Value;
            int target = IsoDay(wdDate);
            var d0 = startDay;
            int delta = (target - IsoDay(d0) + 7) % 7;
            var fixedDay = d0.AddDays(delta);
            b = Piece.Interval(b.EndTok, fixedDay, fixedDay.AddDays(1), TimeGranularity.Day, true, "weekday");
        }

        if (!Resolve(b, future, out var bStart, out var bEnd, out _) || bStart is not { } bs || bEnd is not { } be)
        {
            return false;
        }

        var start = startDay;
        var stop = b.Rule == "point" ? bs : options.RangeEndInclusive ? be : bs;
        if (stop <= start)
        {
            if (be > start && !options.RangeEndInclusive && b.Rule != "point")
            {
                stop = be;
            }
            else
            {
                return false;
            }
        }

        piece = Piece.Interval(b.EndTok, start, stop, TimeGranularity.Range, a.Relative || b.Relative || !a.Year.HasValue, "range");
        return true;
    }

    private static bool Empty(Piece p) => !p.IsResolved && !p.Day.HasValue && !p.Month.HasValue && !p.Year.HasValue;

    // ----- single expressions --------------------------------------------------------------

    private bool TrySingle(int i, out Piece piece, bool allowBareDay, bool inRange = false)
    {
        piece = default;
        if (i >= t.Count)
        {
            return false;
        }

        Piece best = default;
        bool any = false;
        void Consider(bool ok, Piece p)
        {
            if (ok && (!any || p.EndTok > best.EndTok))
            {
                best = p;
                any = true;
            }
        }

        Consider(TryNumeric(i, out var p1, inRange), p1);
        Consider(TryMonthFirst(i, out var p2), p2);
        Consider(TryDayFirst(i, out var p3), p3);
        Consider(TryYearFirst(i, out var p4, inRange), p4);
        Consider(TryRelative(i, out var p5), p5);
        Consider(TryWeekday(i, out var p6), p6);
        Consider(TryPeriodOfYear(i, out var p7), p7);
        Consider(TryWeekOf(i, out var p8), p8);
        Consider(TryOffset(i, out var p9), p9);
        if (options.VaguePresent)
        {
            Consider(TryVague(i, out var p10), p10);
        }

        if (allowBareDay && (!any || best.EndTok <= i + 1))
        {
            Consider(TryBareDay(i, out var p11), p11);
        }

        piece = best;
        return any;
    }

    private bool TryBareDay(int i, out Piece piece)
    {
        piece = default;
        int k = W(i, "the") ? i + 1 : i;
        if (TryDay(k, out int day, out int end, allowPlain: true))
        {
            piece = Piece.Fields(end, null, null, day, "day");
            return true;
        }

        return false;
    }

    /// <summary>A day of the month: "23", "04th", "twenty-second", "eleventh", "thirty first", "the 18th".</summary>
    private bool TryDay(int i, out int day, out int end, bool allowPlain)
    {
        day = 0;
        end = i;
        if (i >= t.Count)
        {
            return false;
        }

        if (Digits(i) && t[i].Text.Length <= 2)
        {
            int d = t[i].Number;
            bool suffix = i + 1 < t.Count && Glued(i + 1) && t[i + 1].Text is "st" or "nd" or "rd" or "th";
            if (d is >= 1 and <= 31 && (allowPlain || suffix))
            {
                day = d;
                end = suffix ? i + 2 : i + 1;
                return true;
            }

            return false;
        }

        if (t[i].Kind != DateTokenKind.Word)
        {
            return false;
        }

        if (CalendarWords.TryDayOrdinal(t[i].Text, out int o))
        {
            day = o;
            end = i + 1;
            return true;
        }

        // "twenty-second", "thirty first", "twenty nine".
        if (t[i].Text is "twenty" or "thirty")
        {
            int tens = t[i].Text == "twenty" ? 20 : 30;
            int k = i + 1;
            if (k < t.Count && t[k].Text == "-")
            {
                k++;
            }

            if (k < t.Count && (CalendarWords.TryDayOrdinal(t[k].Text, out int u) || (allowPlain && CalendarWords.TrySmallCardinal(t[k].Text, out u))) && u is >= 1 and <= 9 && tens + u <= 31)
            {
                day = tens + u;
                end = k + 1;
                return true;
            }

            if (allowPlain || t[i].Text == "thirty")
            {
                day = tens;
                end = i + 1;
                return allowPlain;
            }
        }
        else if (allowPlain && CalendarWords.TrySmallCardinal(t[i].Text, out int c) && c is >= 1 and <= 19 && t[i].Text is not ("a" or "an" or "couple"))
        {
            day = c;
            end = i + 1;
            return true;
        }

        return false;
    }

    private bool TryMonthWord(int i, out int month, out int end)
    {
        month = 0;
        end = i;
        if (i >= t.Count || t[i].Kind != DateTokenKind.Word || !CalendarWords.TryMonth(t[i].Text, out month))
        {
            return false;
        }

        // "$DEC" is a ticker.
        if (i > 0 && t[i - 1].Text is "$" or "#" or "@" && Glued(i))
        {
            return false;
        }

        end = i + 1;
        // "Dec. 23": the abbreviation's full stop, unless it ends the sentence ("second of Aug.").
        if (end + 1 < t.Count && t[end].Text == "." && Glued(end) && t[i].Text.Length <= 4
            && (t[end + 1].Kind == DateTokenKind.Digits || (t[end + 1].Kind == DateTokenKind.Word && char.IsLower(_text[t[end + 1].Start]))))
        {
            end++;
        }

        return true;
    }

    /// <summary>A year: four digits 1000–2999, or two digits after "of" or a date ("april of 87", "12/12/30").</summary>
    private bool TryYear(int i, out int year, out int end, bool allowTwoDigits)
    {
        year = 0;
        end = i;
        if (Digits(i))
        {
            int n = t[i].Number;
            if (t[i].Text.Length == 4 && n is >= 1000 and <= 2999)
            {
                year = n;
                end = i + 1;
                return true;
            }

            if (allowTwoDigits && t[i].Text.Length == 2)
            {
                year = TwoDigitYear(n);
                end = i + 1;
                return true;
            }

            return false;
        }

        return TryYearWords(i, out year, out end);
    }

    /// <summary>Two-digit years: 00–29 are 2000s, 30–99 are 1900s.</summary>
    private static int TwoDigitYear(int n) => n < 30 ? 2000 + n : 1900 + n;

    /// <summary>"two thousand and fifteen", "nineteen ninety six", "nineteen hundred ninety three", "seventeen hundred thirty three".</summary>
    private bool TryYearWords(int i, out int year, out int end)
    {
        year = 0;
        end = i;
        if (W(i, "two") && W(i + 1, "thousand"))
        {
            int k = i + 2;
            if (W(k, "and"))
            {
                k++;
            }

            int rest = ReadUnder100(k, out int k2);
            if (rest > 0)
            {
                year = 2000 + rest;
                end = k2;
                return true;
            }

            year = 2000;
            end = i + 2;
            return true;
        }

        if (i < t.Count && CalendarWords.TrySmallCardinal(t[i].Text, out int hi) && hi is >= 10 and <= 20 && t[i].Text is not ("a" or "an"))
        {
            int k = i + 1;
            if (W(k, "hundred"))
            {
                k++;
                int rest = ReadUnder100(k, out int k2);
                year = (hi * 100) + Math.Max(0, rest);
                end = rest > 0 ? k2 : k;
                return true;
            }

            int lo = ReadUnder100(k, out int k3);
            if (lo >= 10)
            {
                year = (hi * 100) + lo;
                end = k3;
                return true;
            }
        }

        return false;
    }

    private int ReadUnder100(int k, out int end)
    {
        end = k;
        if (k >= t.Count || !CalendarWords.TrySmallCardinal(t[k].Text, out int v) || t[k].Text is "a" or "an" or "couple")
        {
            return -1;
        }

        end = k + 1;
        if (v >= 20 && v % 10 == 0)
        {
            int u = end;
            if (u < t.Count && t[u].Text == "-")
            {
                u++;
            }

            if (u < t.Count && CalendarWords.TrySmallCardinal(t[u].Text, out int unit) && unit is >= 1 and <= 9 && t[u].Text is not ("a" or "an"))
            {
                v += unit;
                end = u + 1;
            }
        }

        return v;
    }

    /// <summary>An optional year after a date: ", 2017", " 2017", " of 2017", " in 2020", ", 87" after "of".</summary>
    private int OptionalYear(int k, out int? year)
    {
        year = null;
        int j = k;
        if (j < t.Count && t[j].Text == ",")
        {
            j++;
        }

        bool of = false;
        if (W(j, "of") || W(j, "in"))
        {
            of = true;
            j++;
        }

        if (TryYear(j, out int y, out int e, allowTwoDigits: of))
        {
            year = y;
            return e;
        }

        return k;
    }

    private bool TryMonthFirst(int i, out Piece piece)
    {
        piece = default;
        int k0 = i;
        if (W(i, "this") || W(i, "next") || W(i, "last") || W(i, "the"))
        {
            k0 = i + 1;
        }

        if (!TryMonthWord(k0, out int m, out int k))
        {
            return false;
        }

        // "May" is a modal verb far more often than a month: take it alone only where a month is expected.
        bool isMay = t[k0].Text == "may";
        if (isMay && !MayIsMonth(k0, k))
        {
            return false;
        }

        // Lower-case "march" is usually the verb ("thousands march in Paris"): a month only with a
        // date cue before it or a day or year after it.
        if (t[k0].Text == "march" && char.IsLower(_text[t[k0].Start]) && !MonthContext(k0) && !(k < t.Count && t[k].Kind == DateTokenKind.Digits) && k0 == i)
        {
            return false;
        }

        // "August two thousand and fifteen": a year in words, not a day.
        int jw = k;
        if (jw < t.Count && t[jw].Text == ",")
        {
            jw++;
        }

        if (TryYearWords(jw, out int wordYear, out int wordEnd) && wordEnd - jw >= 2 && k0 == i)
        {
            piece = Piece.Fields(wordEnd, wordYear, m, null, "month-year-words");
            return true;
        }

        int j = k;
        if (j < t.Count && t[j].Text is "/" or "-" or ",")
        {
            j++;
        }

        if (W(j, "the"))
        {
            j++;
        }

        // Month day [year].
        if (TryDay(j, out int d, out int e, allowPlain: true) && !(Digits(j) && j + 1 < t.Count && t[j + 1].Text == ":"))
        {
            if (Digits(j) && t[j].Text.Length == 4)
            {
                goto monthYear;
            }

            int e2 = OptionalYear(e, out int? y);
            if (y is null && j < t.Count && t[j].Kind == DateTokenKind.Word && Digits(e) && t[e].Text.Length is 2 or 4)
            {
                // "january first 2000", "january first 12".
                y = t[e].Text.Length == 4 ? t[e].Number : TwoDigitYear(t[e].Number);
                e2 = e + 1;
            }
            else if (y is null && e < t.Count && t[e].Text is "-" or "/" && TryYear(e + 1, out int yy, out int ye, false))
            {
                // "sep-23-2020".
                y = yy;
                e2 = ye;
            }

            if (k0 != i && !W(i, "the"))
            {
                // "next 5/12", "this may 5": only for "this"/"next" with a full date.
                int? yy2 = W(i, "next") ? (y ?? NextYearFor(m, d)) : y;
                piece = Piece.Fields(e2, yy2, m, d, "month-day");
                return W(i, "next") || W(i, "this");
            }

            piece = Piece.Fields(e2, y, m, d, "month-day");
            return !W(i, "the") || k0 == i;
        }

    monthYear:
        // Month year.
        int jy = k;
        if (jy < t.Count && t[jy].Text is "/" or "-" or ",")
        {
            jy++;
        }

        bool of = W(jy, "of") || W(jy, "in");
        if (of)
        {
            jy++;
        }

        if (TryYear(jy, out int year, out int ye2, allowTwoDigits: of))
        {
            piece = Piece.Fields(ye2, year, m, null, "month-year");
            if (k0 != i && W(i, "the"))
            {
                return false;
            }

            return true;
        }

        if (isMay && !MonthContext(k0))
        {
            return false;
        }

        if (W(i, "this"))
        {
            piece = Piece.Fields(k, reference.Year, m, null, "this-month-name");
            return true;
        }

        if (W(i, "next") || W(i, "last"))
        {
            int y = W(i, "next") ? (m > reference.Month ? reference.Year : reference.Year + 1) : (m < reference.Month ? reference.Year : reference.Year - 1);
            piece = Piece.Fields(k, y, m, null, "next-month-name");
            return true;
        }

        if (W(i, "the"))
        {
            // "in the April": the month is read without its article when the scan reaches it.
            return false;
        }

        piece = Piece.Fields(k, null, m, null, "month");
        return true;
    }

    private int NextYearFor(int m, int d)
    {
        var candidate = SafeDate(reference.Year, m, d);
        return candidate is { } c && c > reference ? reference.Year : reference.Year + 1;
    }

    /// <summary>"may" is a month when a date or a year follows, or when nothing verb-like does ("in May.", "this May to Oct").</summary>
    private bool MayIsMonth(int k0, int end)
    {
        if (end >= t.Count)
        {
            return true;
        }

        var n = t[end];
        if (n.Kind == DateTokenKind.Digits)
        {
            return true;
        }

        if (n.Kind == DateTokenKind.Punct)
        {
            return n.Text is not "'" && k0 > 0 || n.Text is "," or "." or "-" or "/" or ")" or ";" or "!" or "?";
        }

        return n.Text is "to" or "and" or "through" or "till" or "until" or "in" or "of" or "the" or "first" or "second" or "third" or "fourth" or "fifth"
            || CalendarWords.TryDayOrdinal(n.Text, out _) || n.Text is "twenty" or "thirty";
    }

    private bool MonthContext(int k0)
    {
        if (k0 > 0 && t[k0 - 1].Kind == DateTokenKind.Word
            && t[k0 - 1].Text is "in" or "of" or "this" or "next" or "last" or "since" or "until" or "till" or "from" or "to" or "by" or "during" or "between" or "and" or "early" or "late" or "mid" or "before" or "after" or "through")
        {
            return !(t[k0 - 1].Text == "and" && k0 + 1 < t.Count && t[k0 + 1].Kind == DateTokenKind.Word);
        }

        return false;
    }

    private bool TryDayFirst(int i, out Piece piece)
    {
        piece = default;
        int k = i;
        bool nextPrefix = false;
        if (W(k, "next") || W(k, "this"))
        {
            nextPrefix = true;
            k++;
        }

        if (W(k, "the"))
        {
            k++;
        }

        if (!TryDay(k, out int d, out int e, allowPlain: true))
        {
            return false;
        }

        if (nextPrefix && !(Digits(k) || CalendarWords.TryDayOrdinal(t[k].Text, out _)))
        {
            return false;
        }

        int j = e;
        if (W(j, "day") && W(j + 1, "of"))
        {
            // "the 15th day of next month", "twenty third day of september".
            j += 2;
            if (TryRelativeMonth(j, out var rm))
            {
                var start = rm.Start!.Value;
                piece = Piece.Interval(rm.EndTok, start.AddDays(d - 1), start.AddDays(d), TimeGranularity.Day, true, "day-of");
                return d <= DateTime.DaysInMonth(start.Year, start.Month);
            }
        }
        else if (W(j, "of"))
        {
            j++;
        }
        else if (j < t.Count && t[j].Text is "-" or "/" && Glued(j))
        {
            j++;
        }

        if (TryMonthWord(j, out int m, out int me) && (t[j].Text != "may" || MayIsMonth(j, me)) && !(Digits(k) && k > 0 && t[k - 1].Text is "$" or "£" or "€"))
        {
            int ye = me;
            if (ye < t.Count && t[ye].Text is "-" or "/" && Glued(ye))
            {
                ye++;
            }

            int e2 = OptionalYear(ye, out int? y);
            if (y is null && ye != me && TryYear(ye, out int yy, out int yend, false))
            {
                y = yy;
                e2 = yend;
            }

            if (y is null)
            {
                e2 = me;
            }

            if (nextPrefix)
            {
                if (y is not null || !TryMonthWord(j, out _, out _))
                {
                    return false;
                }

                y = W(i, "next") ? NextYearFor(m, d) : reference.Year;
                if (W(i, "next") && SafeDate(reference.Year, m, d) > reference)
                {
                    y = reference.Year + 1;
                }
            }

            piece = Piece.Fields(e2, y, m, d, "day-month");
            return true;
        }

        if (nextPrefix)
        {
            return false;
        }

        // "the 18th": a day of the most recent month that has it.
        if (W(i, "the") && W(i - 1, "on") && k + 1 <= e && (Digits(k) ? e == k + 2 : true) && !W(e, "century") && !W(e, "week") && !W(e, "month") && !W(e, "quarter"))
        {
            piece = Piece.Fields(e, null, null, d, "day-of-month");
            return true;
        }

        return false;
    }

    private bool TryYearFirst(int i, out Piece piece, bool inRange)
    {
        piece = default;
        int k = i;
        bool yearWord = false;
        if (W(k, "year") || W(k, "cy"))
        {
            k++;
            yearWord = true;
        }
        else if (W(k, "calendar") && W(k + 1, "year"))
        {
            k += 2;
            yearWord = true;
        }

        if (yearWord && !Digits(k) && !(k < t.Count && t[k].Text == "="))
        {
            yearWord = false;
            k = i;
        }

        if (k < t.Count && t[k].Text == "=" && Digits(k + 1))
        {
            k++;
        }

        if (Digits(k) && t[k].Text.Length == 2 && W(k - 1, "cy") && Glued(k))
        {
            piece = Piece.Fields(k + 1, TwoDigitYear(t[k].Number), null, null, "year");
            return true;
        }

        if (!Digits(k))
        {
            if (!yearWord && TryYearWords(k, out int wy, out int we) && (we - k >= 2))
            {
                piece = Piece.Fields(we, wy, null, null, "year-words");
                return true;
            }

            return false;
        }

        string s = t[k].Text;

        // "20161016": an eight-digit date.
        if (s.Length == 8 && SafeDate(int.Parse(s[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(s[4..6], System.Globalization.CultureInfo.InvariantCulture), int.Parse(s[6..], System.Globalization.CultureInfo.InvariantCulture)) is { } eight
            && eight.Year is >= 1900 and <= 2100)
        {
            piece = Piece.Fields(k + 1, eight.Year, eight.Month, eight.Day, "yyyymmdd");
            return true;
        }

        // "1990s", "1990 s", "90s", "90 s".
        if ((s.Length == 4 && s[3] == '0' || s.Length == 2 && s[1] == '0') && W(k + 1, "s"))
        {
            int decade = s.Length == 4 ? t[k].Number : 1900 + t[k].Number;
            piece = Piece.Interval(k + 2, new DateOnly(decade, 1, 1), new DateOnly(decade + 10, 1, 1), TimeGranularity.Decade, false, "decade");
            return true;
        }

        if (!TryYear(k, out int year, out int e, false))
        {
            return false;
        }

        // Year-first dates: "2017-12-23", "2018-7-6", "2019/aug/01", "2020/23/sep", "2017-q1", "2016 10 16".
        if (e + 1 < t.Count && t[e].Text is "-" or "/" or "." && Glued(e))
        {
            int j = e + 1;
            if (Digits(j) && t[j].Text.Length <= 2 && Glued(j))
            {
                int mm = t[j].Number;
                if (j + 2 < t.Count && t[j + 1].Text == t[e].Text && Digits(j + 2) && t[j + 2].Text.Length <= 2 && Glued(j + 2))
                {
                    if (j + 3 < t.Count && t[j + 3].Text is "-" && Glued(j + 3) && Digits(j + 4))
                    {
                        return false;
                    }

                    int dd = t[j + 2].Number;
                    if (SafeDate(year, mm, dd) is not null)
                    {
                        piece = Piece.Fields(j + 3, year, mm, dd, "ymd");
                        return true;
                    }

                    return false;
                }

                if (t[j].Text.Length <= 2 && mm is >= 1 and <= 12 && !(j + 1 < t.Count && t[j + 1].Text is "-" or "/" && Glued(j + 1) && Digits(j + 2)))
                {
                    piece = Piece.Fields(j + 1, year, mm, null, "ym");
                    return true;
                }

                if (Digits(j) && t[j].Text.Length <= 2 && j + 2 < t.Count && t[j + 1].Text is "/" or "-" && TryMonthWord(j + 2, out int m3, out int me3) && SafeDate(year, m3, mm) is not null)
                {
                    piece = Piece.Fields(me3, year, m3, mm, "ydm");
                    return true;
                }

                return false;
            }

            if (TryMonthWord(j, out int m2, out int me) && me < t.Count && t[me].Text is "-" or "/" && Digits(me + 1) && SafeDate(year, m2, t[me + 1].Number) is not null)
            {
                piece = Piece.Fields(me + 2, year, m2, t[me + 1].Number, "y-mon-d");
                return true;
            }

            if (W(j, "q") && Digits(j + 1) && Glued(j + 1) && t[j + 1].Number is >= 1 and <= 4)
            {
                piece = Quarter(j + 2, year, t[j + 1].Number);
                return true;
            }

            if (W(j, "h") && Digits(j + 1) && Glued(j + 1) && t[j + 1].Number is 1 or 2)
            {
                piece = Half(j + 2, year, t[j + 1].Number);
                return true;
            }
        }

        if (W(e, "q") && Digits(e + 1) && Glued(e + 1) && t[e + 1].Number is >= 1 and <= 4)
        {
            piece = Quarter(e + 2, year, t[e + 1].Number);
            return true;
        }

        if (W(e, "h") && Digits(e + 1) && Glued(e + 1) && t[e + 1].Number is 1 or 2)
        {
            piece = Half(e + 2, year, t[e + 1].Number);
            return true;
        }

        // "2016 10 16".
        if (Digits(e) && Digits(e + 1) && t[e].Text.Length == 2 && t[e + 1].Text.Length == 2 && SafeDate(year, t[e].Number, t[e + 1].Number) is not null)
        {
            piece = Piece.Fields(e + 2, year, t[e].Number, t[e + 1].Number, "y m d");
            return true;
        }

        // "2017 april".
        if (TryMonthWord(e, out int m4, out int me4))
        {
            piece = Piece.Fields(me4, year, m4, null, "year-month");
            return true;
        }

        // A bare year: four digits between 1000 and 2999 that are not part of a larger number.
        if (!yearWord && !inRange)
        {
            if (k > 0 && (t[k - 1].Text is "$" or "£" or "€" or "#" or "+" || (t[k - 1].Text is "," or "." && Glued(k) && k >= 2 && Digits(k - 2))))
            {
                return false;
            }

            if (e < t.Count && (t[e].Text is "%" || (t[e].Text is "," or "." && Glued(e) && Digits(e + 1)) || W(e, "percent")))
            {
                return false;
            }

            if (e < t.Count && t[e].Kind == DateTokenKind.Word && Glued(e))
            {
                return false;
            }

            // Codes and phone numbers: "138-2010-2015", "555-1212", "32 - 2015".
            if ((k > 0 && Dash(k - 1) && k >= 2 && Digits(k - 2)) || (Dash(e) && Digits(e + 1)))
            {
                return false;
            }
        }

        piece = Piece.Fields(e, year, null, null, "year");
        return true;
    }

    private static Piece Quarter(int end, int year, int q)
    {
        var s = new DateOnly(year, ((q - 1) * 3) + 1, 1);
        return Piece.Interval(end, s, s.AddMonths(3), TimeGranularity.Quarter, false, "quarter");
    }

    private static Piece Half(int end, int year, int h)
    {
        var s = new DateOnly(year, h == 1 ? 1 : 7, 1);
        return Piece.Interval(end, s, s.AddMonths(6), TimeGranularity.HalfYear, false, "half-year");
    }

    /// <summary>Digit dates: "12/23/2017", "23/12/2017", "10-1-2018", "11/20", "22/04", "12-2015", "this friday 7.6".</summary>
    private bool TryNumeric(int i, out Piece piece, bool inRange)
    {
        piece = default;
        int k = i;
        bool thisNext = false;
        if ((W(k, "this") || W(k, "next")) && Digits(k + 1))
        {
            thisNext = true;
            k++;
        }

        if (!Digits(k) || t[k].Text.Length > 2 || !(k + 2 < t.Count && t[k + 1].Text is "/" or "-" or "." && Glued(k + 1) && Digits(k + 2) && Glued(k + 2)))
        {
            return false;
        }

        if ((!inRange && Chained(k)) || (k > 0 && t[k - 1].Text is "/" or "." or "+" or "(" && Glued(k)))
        {
            return false;
        }

        char sep = t[k + 1].Text[0];
        int a = t[k].Number;
        int bTok = k + 2;
        string bText = t[bTok].Text;
        int b = t[bTok].Number;

        // Three parts: month/day/year (US order) unless the first part cannot be a month.
        if (bTok + 2 < t.Count && t[bTok + 1].Text == t[k + 1].Text && Glued(bTok + 1) && Digits(bTok + 2) && Glued(bTok + 2) && bText.Length <= 2)
        {
            string cText = t[bTok + 2].Text;
            if (cText.Length is not (2 or 4))
            {
                return false;
            }

            if (bTok + 3 < t.Count && t[bTok + 3].Text == "-" && Glued(bTok + 3) && Digits(bTok + 4) && sep == '-' && t[bTok + 4].Text.Length != 1 && t[bTok + 4].Text.Length != 2)
            {
                return false;
            }

            int y = cText.Length == 4 ? t[bTok + 2].Number : TwoDigitYear(t[bTok + 2].Number);
            var date = a <= 12 ? SafeDate(y, a, b) : SafeDate(y, b, a);
            if (date is null && a <= 12 && b <= 12)
            {
                date = SafeDate(y, b, a);
            }

            if (date is null)
            {
                return false;
            }

            piece = Piece.Fields(bTok + 3, date.Value.Year, date.Value.Month, date.Value.Day, "mdy");
            return true;
        }

        // Two parts.
        if (bText.Length == 4 && sep != '.')
        {
            // "12-2015": month-year.
            if (a is >= 1 and <= 12 && b is >= 1000 and <= 2999)
            {
                piece = Piece.Fields(bTok + 1, b, a, null, "month-year-digits");
                return true;
            }

            return false;
        }

        if (bText.Length > 2)
        {
            return false;
        }

        // A decimal ("30/4.85", "6.45 percent") or a ratio is not a date.
        if (bTok + 1 < t.Count && (t[bTok + 1].Text is "%" || (t[bTok + 1].Text is "." or "," && bTok + 2 < t.Count && Digits(bTok + 2) && Glued(bTok + 2)) || W(bTok + 1, "percent")))
        {
            return false;
        }

        if (sep == '.' && !(thisNext || PrecededByDateCue(k)))
        {
            return false;
        }

        if (sep == '-' && !(thisNext || inRange || (PrecededByDateCue(k) && !W(k - 1, "between")) || (k > 0 && W(k - 1, "from"))))
        {
            return false;
        }

        int month, day;
        if (a is >= 1 and <= 12 && b is >= 1 and <= 31)
        {
            (month, day) = (a, b);
        }
        else if (b is >= 1 and <= 12 && a is >= 13 and <= 31)
        {
            (month, day) = (b, a);
        }
        else
        {
            return false;
        }

        if (SafeDate(2000, month, day) is null)
        {
            return false;
        }

        int? year = null;
        int end = bTok + 1;
        if (end + 1 < t.Count && t[end].Text == "," && TryYear(end + 1, out int yy, out int ye, false))
        {
            year = yy;
            end = ye;
        }

        if (thisNext)
        {
            year = W(i, "next") ? NextYearFor(month, day) + (SafeDate(reference.Year, month, day) > reference ? 1 : 0) : reference.Year;
        }

        piece = Piece.Fields(end, year, month, day, "md");
        return true;
    }

    private bool PrecededByDateCue(int k)
    {
        if (k == 0)
        {
            return false;
        }

        var p = t[k - 1];
        return p.Kind == DateTokenKind.Word && (p.Text is "on" or "by" or "until" or "till" or "since" or "from" or "to" or "between" || CalendarWords.TryWeekday(p.Text, out _));
    }

    // ----- relative expressions ------------------------------------------------------------

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static int IsoDay(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;

    private bool TryRelativeMonth(int j, out Piece piece)
    {
        piece = default;
        if (W(j, "next") || W(j, "last") || W(j, "this") || W(j, "the") && W(j + 1, "month"))
        {
            if (W(j + 1, "month"))
            {
                var m0 = new DateOnly(reference.Year, reference.Month, 1);
                var s = W(j, "next") ? m0.AddMonths(1) : W(j, "last") ? m0.AddMonths(-1) : m0;
                piece = Piece.Interval(j + 2, s, s.AddMonths(1), TimeGranularity.Month, true, "relative-month");
                return true;
            }
        }

        if (TryMonthWord(j, out int m, out int e))
        {
            int y = reference.Year;
            if (m > reference.Month)
            {
                y--;
            }

            var s = new DateOnly(y, m, 1);
            piece = Piece.Interval(e, s, s.AddMonths(1), TimeGranularity.Month, true, "month");
            return true;
        }

        return false;
    }

    private bool TryRelative(int i, out Piece piece)
    {
        piece = default;
        var r = reference;
        string w = i < t.Count ? t[i].Text : "";
        switch (w)
        {
            case "today":
            case "otd":
                piece = Piece.Interval(i + 1, r, r.AddDays(1), TimeGranularity.Day, true, "today");
                return true;
            case "tomorrow":
            case "tmrw":
                piece = Piece.Interval(i + 1, r.AddDays(1), r.AddDays(2), TimeGranularity.Day, true, "tomorrow");
                return true;
            case "yesterday":
                piece = Piece.Interval(i + 1, r.AddDays(-1), r, TimeGranularity.Day, true, "yesterday");
                return true;
            case "nineties":
                piece = Piece.Interval(i + 1, new DateOnly(1990, 1, 1), new DateOnly(2000, 1, 1), TimeGranularity.Decade, false, "decade-word");
                return true;
        }

        if (W(i, "the") && W(i + 1, "nineties"))
        {
            piece = Piece.Interval(i + 2, new DateOnly(1990, 1, 1), new DateOnly(2000, 1, 1), TimeGranularity.Decade, false, "decade-word");
            return true;
        }

        if (W(i, "the") && W(i + 1, "day") && (W(i + 2, "before") || W(i + 2, "after")))
        {
            if (W(i + 3, "yesterday") || W(i + 3, "tomorrow"))
            {
                int off = W(i + 3, "yesterday") ? -2 : 2;
                piece = Piece.Interval(i + 4, r.AddDays(off), r.AddDays(off + 1), TimeGranularity.Day, true, "day-before-yesterday");
                return true;
            }

            int o = W(i + 2, "before") ? -1 : 1;
            piece = Piece.Interval(i + 3, r.AddDays(o), r.AddDays(o + 1), TimeGranularity.Day, true, "day-before");
            return true;
        }

        if (W(i, "year") && W(i + 1, "to") && W(i + 2, "date"))
        {
            piece = Piece.Interval(i + 3, new DateOnly(r.Year, 1, 1), r, TimeGranularity.Year, true, "year-to-date");
            return true;
        }

        // "21st century".
        if (Digits(i) && W(i + 1, "st") | W(i + 1, "nd") | W(i + 1, "rd") | W(i + 1, "th") && W(i + 2, "century"))
        {
            int c = t[i].Number;
            if (c is >= 1 and <= 30)
            {
                piece = Piece.Interval(i + 3, new DateOnly(Math.Max(1, (c - 1) * 100), 1, 1), new DateOnly(c * 100, 1, 1), TimeGranularity.Century, false, "century");
                return (c - 1) * 100 >= 1;
            }
        }

        // this/next/last … week, month, year, quarter, weekend, decade.
        int k = i;
        int dir;
        if (W(k, "the") && W(k + 1, "year") && W(k + 2, "to") && W(k + 3, "date"))
        {
            return false;
        }

        if (TryFirstLastOf(i, out piece))
        {
            return true;
        }

        if ((W(k, "earlier") || W(k, "later")) && (W(k + 1, "this") || (W(k + 1, "in") && W(k + 2, "the"))))
        {
            int u0 = W(k + 1, "this") ? k + 2 : k + 3;
            if (TryUnit(u0, out string pu, out _) && pu is "week" or "month" or "year")
            {
                var (ps, pe, mid) = pu switch
                {
                    "week" => (WeekStart(r), WeekStart(r).AddDays(7), WeekStart(r).AddDays(3)),
                    "month" => (new DateOnly(r.Year, r.Month, 1), new DateOnly(r.Year, r.Month, 1).AddMonths(1), new DateOnly(r.Year, r.Month, 16)),
                    _ => (new DateOnly(r.Year, 1, 1), new DateOnly(r.Year + 1, 1, 1), new DateOnly(r.Year, 7, 1)),
                };

                // "earlier this month" runs from its start to the middle (or today, if sooner); "later" from the middle (or today) to its end.
                piece = W(k, "earlier")
                    ? Piece.Interval(u0 + 1, ps, r < mid ? r : mid, TimeGranularity.Range, true, "earlier-this")
                    : Piece.Interval(u0 + 1, r > mid ? r : mid, pe, TimeGranularity.Range, true, "later-this");
                return true;
            }
        }

        if (W(k, "within") && TryCount(W(k + 1, "next") ? k + 2 : k + 1, out int wn, out int wc) && TryUnit(wc, out string wu, out int we))
        {
            piece = Piece.Interval(we, r, Add(r, wu, wn), TimeGranularity.Range, true, "within");
            return true;
        }

        if (W(k, "weekend") && !W(k - 1, "the") && !W(k - 1, "this") && !W(k - 1, "next") && !W(k - 1, "last"))
        {
            var sat = WeekStart(r).AddDays(5);
            piece = Piece.Interval(k + 1, sat, sat.AddDays(2), TimeGranularity.Weekend, true, "weekend");
            return true;
        }

        string d = k < t.Count ? t[k].Text : "";

        // "expected to last two weeks", "could last years": the verb, not the adjective.
        if (d == "last" && (W(k - 1, "to") || W(k - 1, "will") || W(k - 1, "would") || W(k - 1, "could") || W(k - 1, "may") || W(k - 1, "might")
                            || W(k - 1, "can") || W(k - 1, "should") || W(k - 1, "must") || W(k - 1, "did") || W(k - 1, "does")))
        {
            return false;
        }

        dir = d switch
        {
            "this" or "current" => 0,
            "next" or "following" or "coming" or "upcoming" => 1,
            "last" or "previous" or "past" => -1,
            "the" => 0,
            _ => int.MinValue,
        };
        if (W(i, "the") && (W(i + 1, "next") || W(i + 1, "last") || W(i + 1, "past")) && (W(i + 2, "decade") || (TryCount(i + 2, out _, out int dc) && W(dc, "decades"))))
        {
            // "the next decade" keeps its article.
            k = i + 1;
            d = t[k].Text;
            dir = d == "next" ? 1 : -1;
        }

        if (d == "this" && (W(k + 1, "past") || W(k + 1, "upcoming") || W(k + 1, "coming")))
        {
            return false;
        }

        if (dir != int.MinValue)
        {
            int u = k + 1;
            if (W(u, "calendar"))
            {
                u++;
            }

            if (W(u, "working") && W(u + 1, "week") || W(u, "workweek"))
            {
                var ws = WeekStart(r).AddDays(7 * dir);
                int ue = W(u, "workweek") ? u + 1 : u + 2;
                piece = Piece.Interval(ue, ws, ws.AddDays(5), TimeGranularity.Week, true, "work-week");
                return true;
            }

            string unit = u < t.Count ? t[u].Text : "";
            if (d == "the" && unit is not ("week" or "month" or "year" or "day" or "weekend" or "fortnight"))
            {
                return false;
            }

            if (d == "the" && unit == "week" && W(u + 1, "after") && W(u + 2, "next"))
            {
                var ws2 = WeekStart(r).AddDays(14);
                piece = Piece.Interval(u + 3, ws2, ws2.AddDays(7), TimeGranularity.Week, true, "week-after-next");
                return true;
            }

            // "the week of …", "the week 31": handled elsewhere.
            if (d == "the" && (W(u + 1, "of") || Digits(u + 1) || W(u + 1, "beginning") || W(u + 1, "starting") || W(u + 1, "commencing") || W(u + 1, "before") || W(u + 1, "after")))
            {
                return false;
            }

            switch (unit)
            {
                case "day" when d == "the":
                    piece = Piece.Interval(u + 1, r, r.AddDays(1), TimeGranularity.Day, true, "the-day");
                    return true;
                case "week":
                    {
                        var ws = WeekStart(r).AddDays(7 * dir);
                        piece = Piece.Interval(u + 1, ws, ws.AddDays(7), TimeGranularity.Week, true, "relative-week");
                        return true;
                    }

                case "weekend":
                    {
                        var sat = WeekStart(r).AddDays(5 + (7 * dir));
                        piece = Piece.Interval(u + 1, sat, sat.AddDays(2), TimeGranularity.Weekend, true, "relative-weekend");
                        return true;
                    }

                case "fortnight":
                    {
                        var ws = WeekStart(r).AddDays(14 * dir);
                        piece = Piece.Interval(u + 1, ws, ws.AddDays(14), TimeGranularity.Week, true, "relative-fortnight");
                        return true;
                    }

                case "month":
                    {
                        var s = new DateOnly(r.Year, r.Month, 1).AddMonths(dir);
                        piece = Piece.Interval(u + 1, s, s.AddMonths(1), TimeGranularity.Month, true, "relative-month");
                        return true;
                    }

                case "quarter":
                    {
                        var s = new DateOnly(r.Year, (((r.Month - 1) / 3) * 3) + 1, 1).AddMonths(3 * dir);
                        piece = Piece.Interval(u + 1, s, s.AddMonths(3), TimeGranularity.Quarter, true, "relative-quarter");
                        return true;
                    }

                case "year":
                    {
                        var s = new DateOnly(r.Year + dir, 1, 1);
                        piece = Piece.Interval(u + 1, s, s.AddYears(1), TimeGranularity.Year, true, "relative-year");
                        return true;
                    }

                case "decade":
                    {
                        var s = new DateOnly((r.Year / 10 * 10) + (10 * dir), 1, 1);
                        piece = Piece.Interval(u + 1, s, s.AddYears(10), TimeGranularity.Decade, true, "relative-decade");
                        return true;
                    }
            }

            // "next two decades", "last 2 quarters", "next 3 days", "past five years".
            if (d != "the" && d != "this" && d != "current" && TryCount(u, out int n, out int ce) && TryUnit(ce, out string unit2, out int ue2))
            {
                piece = CountedPeriod(ue2, dir, n, unit2);
                return true;
            }
        }

        // "3 next weeks", "5 upcoming years", "10 previous weeks".
        if (TryCount(i, out int n2, out int ce2) && ce2 < t.Count)
        {
            int dir2 = t[ce2].Text switch
            {
                "next" or "upcoming" or "coming" or "following" => 1,
                "past" or "previous" or "last" => -1,
                _ => 0,
            };
            if (dir2 != 0 && TryUnit(ce2 + 1, out string unit3, out int ue3) && t[ce2 + 1].Text.EndsWith('s'))
            {
                piece = CountedPeriod(ue3, dir2, n2, unit3);
                return true;
            }
        }

        return false;
    }

    /// <summary>"the first 2 weeks of 2021", "the last four months of 2021", "first ten days of last year".</summary>
    private bool TryFirstLastOf(int i, out Piece piece)
    {
        piece = default;
        int k = W(i, "the") ? i + 1 : i;
        bool first = W(k, "first");
        if (!first && !W(k, "last"))
        {
            return false;
        }

        if (!TryCount(k + 1, out int n, out int c) || !TryUnit(c, out string unit, out int ue) || !W(ue, "of") || !t[c].Text.EndsWith('s'))
        {
            return false;
        }

        if (!TrySingle(ue + 1, out var period, false) || !Resolve(period, false, out var ps, out var pe, out var pg) || ps is null || pe is null)
        {
            return false;
        }

        DateOnly s0 = ps.Value, e0 = pe.Value;
        if (unit == "week" && pg == TimeGranularity.Year)
        {
            // Weeks of a year are ISO weeks.
            s0 = IsoWeekStart(s0.Year, 1);
            e0 = IsoWeekStart(s0.AddDays(10).Year + 1, 1);
        }

        piece = first
            ? Piece.Interval(period.EndTok, s0, Add(s0, unit, n), TimeGranularity.Range, period.Relative, "first-n-of")
            : Piece.Interval(period.EndTok, Add(e0, unit, -n), e0, TimeGranularity.Range, period.Relative, "last-n-of");
        return true;
    }

    private Piece CountedPeriod(int end, int dir, int n, string unit)
    {
        var r = reference;
        if (unit == "quarter")
        {
            var q0 = new DateOnly(r.Year, (((r.Month - 1) / 3) * 3) + 1, 1);
            return dir > 0
                ? Piece.Interval(end, q0.AddMonths(3), q0.AddMonths(3 + (3 * n)), TimeGranularity.Quarter, true, "counted-quarters")
                : Piece.Interval(end, q0.AddMonths(-3 * n), q0, TimeGranularity.Quarter, true, "counted-quarters");
        }

        if (unit == "decade")
        {
            var d0 = new DateOnly(r.Year / 10 * 10, 1, 1);
            return dir > 0
                ? Piece.Interval(end, d0.AddYears(10), d0.AddYears(10 + (10 * n)), TimeGranularity.Decade, true, "counted-decades")
                : Piece.Interval(end, d0.AddYears(-10 * n), d0, TimeGranularity.Decade, true, "counted-decades");
        }

        return dir > 0
            ? Piece.Interval(end, r.AddDays(1), Add(r.AddDays(1), unit, n), TimeGranularity.Range, true, "counted-next")
            : Piece.Interval(end, Add(r, unit, -n), r, TimeGranularity.Range, true, "counted-last");
    }

    private static DateOnly Add(DateOnly d, string unit, int n) => unit switch
    {
        "day" => d.AddDays(n),
        "week" => d.AddDays(7 * n),
        "fortnight" => d.AddDays(14 * n),
        "month" => d.AddMonths(n),
        "quarter" => d.AddMonths(3 * n),
        "year" => d.AddYears(n),
        "decade" => d.AddYears(10 * n),
        _ => d,
    };

    private bool TryCount(int i, out int n, out int end)
    {
        n = 0;
        end = i;
        if (i >= t.Count)
        {
            return false;
        }

        if (Digits(i) && t[i].Text.Length <= 3)
        {
            n = t[i].Number;
            end = i + 1;
            return n > 0;
        }

        if (W(i, "couple"))
        {
            n = 2;
            end = W(i + 1, "of") ? i + 2 : i + 1;
            return true;
        }

        if (W(i, "a") && W(i + 1, "couple"))
        {
            n = 2;
            end = W(i + 2, "of") ? i + 3 : i + 2;
            return true;
        }

        if (CalendarWords.TrySmallCardinal(t[i].Text, out n))
        {
            end = i + 1;
            if (n >= 20 && n % 10 == 0 && end < t.Count && CalendarWords.TrySmallCardinal(t[end].Text, out int unit) && unit < 10 && t[end].Text is not ("a" or "an"))
            {
                n += unit;
                end++;
            }

            return true;
        }

        return false;
    }

    private bool TryUnit(int i, out string unit, out int end)
    {
        unit = "";
        end = i + 1;
        if (i >= t.Count)
        {
            return false;
        }

        string w = t[i].Text;

        // "a fortnight's time".
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        unit = w switch
        {
            "day" or "days" => "day",
            "week" or "weeks" => "week",
            "fortnight" or "fortnights" => "fortnight",
            "month" or "months" => "month",
            "quarter" or "quarters" => "quarter",
            "year" or "years" => "year",
            "decade" or "decades" => "decade",
            _ => "",
        };
        return unit.Length > 0;
    }

    /// <summary>"two days ago", "in 3 weeks", "3 weeks later", "3 days from today", "2 weeks before may 13 1999".</summary>
    private bool TryOffset(int i, out Piece piece)
    {
        piece = default;
        var r = reference;
        if (W(i, "in") && TryCount(i + 1, out int n0, out int c0) && TryUnit(c0, out string u0, out int ue0))
        {
            if (W(ue0, "since") || W(ue0, "from") || W(ue0, "after"))
            {
                return false;
            }

            var dd = Add(r, u0, n0);
            piece = Piece.Interval(ue0, dd, dd.AddDays(1), TimeGranularity.Day, true, "in-n");
            return true;
        }

        // A duration, possibly compound: "two years and three months", "2 years 1 month 21 days".
        var parts = new List<(string Unit, int Count)>(3);
        int ue = i;
        while (TryCount(ue, out int n, out int c) && TryUnit(c, out string unit, out int uend))
        {
            parts.Add((unit, n));
            ue = uend;
            int more = W(ue, "and") || (ue < t.Count && t[ue].Text == ",") ? ue + 1 : ue;
            if (!(TryCount(more, out _, out int c2) && TryUnit(c2, out _, out _)))
            {
                break;
            }

            ue = more;
        }

        if (parts.Count == 0)
        {
            return false;
        }

        DateOnly Shift(DateOnly from, int sign)
        {
            foreach (var (unit, count) in parts)
            {
                from = Add(from, unit, sign * count);
            }

            return from;
        }

        if (W(ue, "ago"))
        {
            var dd = Shift(r, -1);
            piece = Piece.Interval(ue + 1, dd, dd.AddDays(1), TimeGranularity.Day, true, "ago");
            return true;
        }

        if (W(ue, "later") || W(ue, "hence"))
        {
            var dd = Shift(r, 1);
            piece = Piece.Interval(ue + 1, dd, dd.AddDays(1), TimeGranularity.Day, true, "later");
            return true;
        }

        if (W(ue, "from") && W(ue + 1, "now"))
        {
            var dd = Shift(r, 1);
            piece = Piece.Interval(ue + 2, dd, dd.AddDays(1), TimeGranularity.Day, true, "from-now");
            return true;
        }

        if (W(ue, "from") || W(ue, "after") || W(ue, "before"))
        {
            int sign = W(ue, "before") ? -1 : 1;
            if (TrySingle(ue + 1, out var anchor, false) && Resolve(anchor, Future(i), out var s, out var e, out var g) && s is { } sd && e is { } ed && g == TimeGranularity.Day && ed == sd.AddDays(1))
            {
                var dd = Shift(sd, sign);
                piece = Piece.Interval(anchor.EndTok, dd, dd.AddDays(1), TimeGranularity.Day, true, "offset");
                return true;
            }
        }

        return false;
    }

    /// <summary>Weekdays: "on Thursday", "next Friday", "last Wednesday", "this past Wednesday", "next week Wednesday", "Monday 21", "Friday 7/6".</summary>
    private bool TryWeekday(int i, out Piece piece)
    {
        piece = default;
        var r = reference;
        int k = i;
        string mod = "";
        if (W(k, "this") && (W(k + 1, "past") || W(k + 1, "upcoming") || W(k + 1, "coming")))
        {
            mod = W(k + 1, "past") ? "past" : "coming";
            k += 2;
        }
        else if (k < t.Count && t[k].Text is "this" or "next" or "last" or "previous" or "past" or "coming" or "upcoming" or "following")
        {
            mod = t[k].Text;
            k++;
        }

        // "next week Wednesday", "previous week - Monday", "this week Monday".
        int weekShift = int.MinValue;
        if (mod is "this" or "next" or "last" or "previous" or "following" && W(k, "week"))
        {
            weekShift = mod switch { "this" => 0, "next" or "following" => 1, _ => -1 };
            k++;
            if (k < t.Count && t[k].Text is "-" or ",")
            {
                k++;
            }

            if (W(k, "on"))
            {
                k++;
            }
        }

        if (k >= t.Count || !CalendarWords.TryWeekday(t[k].Text, out int wd))
        {
            return false;
        }

        // "sun" and "sat" are rarely days in news text unless they look like one.
        if (t[k].Text is "sun" or "sat" or "wed" && mod.Length == 0 && !Digits(k + 1) && weekShift == int.MinValue)
        {
            return false;
        }

        int e = k + 1;
        if (weekShift != int.MinValue)
        {
            var dd = WeekStart(r).AddDays((7 * weekShift) + wd - 1);
            piece = Piece.Interval(e, dd, dd.AddDays(1), TimeGranularity.Day, true, "week-weekday");
            return true;
        }

        // "Monday of next week", "Tuesday of last week", "Monday of the following week".
        if (W(e, "of"))
        {
            int j = e + 1;
            if (W(j, "the"))
            {
                j++;
            }

            int shift = j < t.Count ? t[j].Text switch { "this" => 0, "next" or "following" => 1, "last" or "previous" => -1, _ => int.MinValue } : int.MinValue;
            if (shift != int.MinValue && W(j + 1, "week"))
            {
                var dd = WeekStart(r).AddDays((7 * shift) + wd - 1);
                piece = Piece.Interval(j + 2, dd, dd.AddDays(1), TimeGranularity.Day, true, "weekday-of-week");
                return true;
            }
        }

        // A weekday with a date: "Friday 7/6", "Monday 21", "Tuesday the eleventh", "Friday-Jun-15", "friday (jun-15)".
        int de = e;
        if (de < t.Count && t[de].Text is "," or "-" or "(")
        {
            de++;
        }

        Piece date;
        bool haveDate = TrySingle(de, out date, false) && !date.IsResolved && date.Day.HasValue;
        if (!haveDate && (Digits(de) || W(de, "the")) && TryDay(W(de, "the") ? de + 1 : de, out int plainDay, out int pde, allowPlain: true)
            && !(pde < t.Count && (t[pde].Text is ":" or "%" || (t[pde].Text == "." && Digits(pde + 1)) || W(pde, "am") || W(pde, "pm") || TryUnit(pde, out _, out _))))
        {
            date = Piece.Fields(pde, null, null, plainDay, "weekday-day");
            haveDate = true;
        }

        if (haveDate)
        {
            int end = date.EndTok;
            if (end < t.Count && t[end].Text == ")" && t[de - 1].Text == "(")
            {
                end++;
            }

            if (date.Month.HasValue)
            {
                int? y = date.Year ?? (mod is "this" or "next" ? r.Year : null);
                piece = Piece.Fields(end, y, date.Month, date.Day, "weekday-date");
                return true;
            }

            // "Monday 21": the most recent month whose 21st is a Monday.
            var probe = new DateOnly(r.Year, r.Month, 1);
            for (int back = 0; back < 36; back++)
            {
                var m = probe.AddMonths(-back);
                if (date.Day <= DateTime.DaysInMonth(m.Year, m.Month))
                {
                    var cand = new DateOnly(m.Year, m.Month, date.Day.Value);
                    // The current month first, then back: "Monday 21" said on the 25th is this month's 21st.
                    if (IsoDay(cand) == wd)
                    {
                        piece = Piece.Interval(end, cand, cand.AddDays(1), TimeGranularity.Day, true, "weekday-day");
                        return true;
                    }
                }
            }

            return false;
        }

        DateOnly day;
        int today = IsoDay(r);
        switch (mod)
        {
            case "next":
            case "following":
                day = WeekStart(r).AddDays(7 + wd - 1);
                break;
            case "last":
            case "previous":
                day = WeekStart(r).AddDays(-7 + wd - 1);
                break;
            case "this":
                day = WeekStart(r).AddDays(wd - 1);
                break;
            case "past":
                day = r.AddDays(-(((today - wd + 6) % 7) + 1));
                break;
            case "coming":
            case "upcoming":
                day = r.AddDays(((wd - today + 6) % 7) + 1);
                break;
            default:
                // A bare weekday in a report is the most recent one before the reference date;
                // in the future tense, the next one after it.
                day = Future(i) ? r.AddDays(((wd - today + 6) % 7) + 1) : r.AddDays(-(((today - wd + 6) % 7) + 1));
                break;
        }

        piece = Piece.Interval(e, day, day.AddDays(1), TimeGranularity.Day, true, "weekday");
        return true;
    }

    /// <summary>Quarters and halves: "Q1 2019", "q1 of 2017", "the first quarter of the year", "1st quarter of 2013", "the third month of 2021".</summary>
    private bool TryPeriodOfYear(int i, out Piece piece)
    {
        piece = default;
        if (W(i, "q") && Digits(i + 1) && Glued(i + 1) && t[i + 1].Number is >= 1 and <= 4)
        {
            int q = t[i + 1].Number;
            int j = i + 2;
            if (j < t.Count && t[j].Text is "-" or "/")
            {
                j++;
            }
            else if (W(j, "of"))
            {
                j++;
            }

            if (TryYear(j, out int y, out int e, false))
            {
                piece = Quarter(e, y, q);
                return true;
            }

            return false;
        }

        int k = W(i, "the") ? i + 1 : i;
        int ord = 0;
        int oe = k + 1;
        if (k < t.Count && CalendarWords.TryDayOrdinal(t[k].Text, out int o))
        {
            ord = o;
        }
        else if (Digits(k) && k + 1 < t.Count && t[k + 1].Text is "st" or "nd" or "rd" or "th" && Glued(k + 1))
        {
            ord = t[k].Number;
            oe = k + 2;
        }
        else if (W(k, "last"))
        {
            ord = -1;
        }

        if (ord == 0)
        {
            return false;
        }

        if ((W(oe, "quarter") || W(oe, "month") || W(oe, "half")) && W(oe + 1, "of"))
        {
            string unit = t[oe].Text;
            int j = oe + 2;
            int year;
            int end;
            if (TryYear(j, out year, out end, false))
            {
            }
            else if ((W(j, "the") || W(j, "this")) && W(j + 1, "year"))
            {
                year = reference.Year;
                end = j + 2;
            }
            else if ((W(j, "next") || W(j, "last")) && W(j + 1, "year"))
            {
                year = reference.Year + (W(j, "next") ? 1 : -1);
                end = j + 2;
            }
            else
            {
                return false;
            }

            int count = unit switch { "quarter" => 4, "half" => 2, _ => 12 };
            if (ord == -1)
            {
                ord = count;
            }

            if (ord > count)
            {
                return false;
            }

            var s = new DateOnly(year, 1, 1).AddMonths((ord - 1) * (12 / count));
            piece = Piece.Interval(end, s, s.AddMonths(12 / count), unit == "month" ? TimeGranularity.Month : unit == "half" ? TimeGranularity.HalfYear : TimeGranularity.Quarter, false, "nth-" + unit);
            return true;
        }

        return false;
    }

    /// <summary>"the week of April 10th", "w/c Feb 4", "the week beginning February 4", "first week of 2015", "last week of July", "week 31", "week 3 of 2027".</summary>
    private bool TryWeekOf(int i, out Piece piece)
    {
        piece = default;
        int k = W(i, "the") ? i + 1 : i;
        if (W(k, "w") && k + 2 < t.Count && t[k + 1].Text == "/" && W(k + 2, "c"))
        {
            if (TrySingle(k + 3, out var wc, false) && Resolve(wc, Future(i), out var s0, out _, out _) && s0 is { } sd)
            {
                var ws = WeekStart(sd);
                piece = Piece.Interval(wc.EndTok, ws, ws.AddDays(7), TimeGranularity.Week, false, "week-commencing");
                return true;
            }

            return false;
        }

        if (W(k, "week") && (W(k + 1, "of") || W(k + 1, "beginning") || W(k + 1, "starting") || W(k + 1, "commencing")))
        {
            int j = k + 2;
            if (W(j, "on"))
            {
                j++;
            }

            if (TrySingle(j, out var anchor, false) && Resolve(anchor, Future(i), out var s1, out _, out var g1) && s1 is { } sd1 && g1 == TimeGranularity.Day)
            {
                var ws = W(k + 1, "of") ? WeekStart(sd1) : sd1;
                piece = Piece.Interval(anchor.EndTok, ws, ws.AddDays(7), TimeGranularity.Week, false, "week-of");
                return true;
            }

            if (W(k + 1, "of") && W(j, "the") && TryDay(j + 1, out int dOnly, out int de, false))
            {
                var p = Piece.Fields(de, null, null, dOnly, "day-of-month");
                if (Resolve(p, false, out var s2, out _, out _) && s2 is { } sd2)
                {
                    var ws = WeekStart(sd2);
                    piece = Piece.Interval(de, ws, ws.AddDays(7), TimeGranularity.Week, false, "week-of");
                    return true;
                }
            }

            return false;
        }

        // "week 31", "week 3 of 2027", "week 27 of last year".
        if (k == i && W(k, "week") && Digits(k + 1) && t[k + 1].Number is >= 1 and <= 53)
        {
            int wk = t[k + 1].Number;
            int year = reference.Year;
            int end = k + 2;
            if (W(end, "of"))
            {
                if (TryYear(end + 1, out int yy, out int ye, false))
                {
                    year = yy;
                    end = ye;
                }
                else if ((W(end + 1, "last") || W(end + 1, "next") || W(end + 1, "this")) && W(end + 2, "year"))
                {
                    year += W(end + 1, "last") ? -1 : W(end + 1, "next") ? 1 : 0;
                    end += 3;
                }
            }

            var ws = IsoWeekStart(year, wk);
            piece = Piece.Interval(end, ws, ws.AddDays(7), TimeGranularity.Week, false, "iso-week");
            return true;
        }

        // "first week of 2015", "last week of July", "3rd week of Jan", "the first 2 weeks of 2021".
        int ord = 0;
        int oe = k + 1;
        if (k < t.Count && CalendarWords.TryDayOrdinal(t[k].Text, out int o) && o <= 5)
        {
            ord = o;
        }
        else if (Digits(k) && k + 1 < t.Count && t[k + 1].Text is "st" or "nd" or "rd" or "th" && Glued(k + 1) && t[k].Number <= 5)
        {
            ord = t[k].Number;
            oe = k + 2;
        }
        else if (W(k, "last"))
        {
            ord = -1;
        }

        if (ord == 0 || !W(oe, "week") || !W(oe + 1, "of"))
        {
            return false;
        }

        int y0 = oe + 2;
        if (TryYear(y0, out int year2, out int e2, false) && !TryMonthWord(y0, out _, out _))
        {
            // ISO weeks of a year: week 1 contains 4 January.
            var ws = ord == -1 ? IsoWeekStart(year2 + 1, 1).AddDays(-7) : IsoWeekStart(year2, ord);
            piece = Piece.Interval(e2, ws, ws.AddDays(7), TimeGranularity.Week, false, "nth-week-of-year");
            return true;
        }

        if (TrySingle(y0, out var month, false) && Resolve(month, Future(i), out var ms, out var me, out var mg) && mg == TimeGranularity.Month && ms is { } msd && me is { } med)
        {
            var ws = ord == -1 ? LastWeekOfMonth(med) : FirstWeekOfMonth(msd).AddDays(7 * (ord - 1));
            piece = Piece.Interval(month.EndTok, ws, ws.AddDays(7), TimeGranularity.Week, false, "nth-week-of-month");
            return true;
        }

        if ((W(y0, "this") || W(y0, "last") || W(y0, "next")) && W(y0 + 1, "month"))
        {
            var m0 = new DateOnly(reference.Year, reference.Month, 1).AddMonths(W(y0, "this") ? 0 : W(y0, "last") ? -1 : 1);
            var ws = ord == -1 ? LastWeekOfMonth(m0.AddMonths(1)) : FirstWeekOfMonth(m0).AddDays(7 * (ord - 1));
            piece = Piece.Interval(y0 + 2, ws, ws.AddDays(7), TimeGranularity.Week, true, "nth-week-of-month");
            return true;
        }

        return false;
    }

    /// <summary>A month's first week is the Monday-to-Sunday week holding at least four of its days (the ISO rule applied to months).</summary>
    private static DateOnly FirstWeekOfMonth(DateOnly first) => IsoDay(first) <= 4 ? WeekStart(first) : WeekStart(first).AddDays(7);

    /// <summary>A month's last week is the last Monday-to-Sunday week holding at least four of its days.</summary>
    private static DateOnly LastWeekOfMonth(DateOnly nextMonthStart)
    {
        var last = nextMonthStart.AddDays(-1);
        return IsoDay(last) >= 4 ? WeekStart(last) : WeekStart(last).AddDays(-7);
    }

    private static DateOnly IsoWeekStart(int year, int week)
    {
        var jan4 = new DateOnly(year, 1, 4);
        return WeekStart(jan4).AddDays(7 * (week - 1));
    }

    /// <summary>"at the moment", "currently", "now", "at present", "these days", "lately", "recently".</summary>
    private bool TryVague(int i, out Piece piece)
    {
        piece = default;
        var r = reference;
        int end = -1;
        bool recent = false;
        if (W(i, "at") && W(i + 1, "the") && W(i + 2, "moment"))
        {
            end = i + 3;
        }
        else if (W(i, "at") && W(i + 1, "present"))
        {
            end = i + 2;
        }
        else if (W(i, "these") && W(i + 1, "days"))
        {
            end = i + 2;
        }
        else if (W(i, "currently") || W(i, "nowadays") || W(i, "presently"))
        {
            end = i + 1;
        }
        else if (W(i, "lately") || W(i, "recently"))
        {
            end = i + 1;
            recent = true;
        }
        else if (W(i, "in") && W(i + 1, "recent") && (W(i + 2, "days") || W(i + 2, "weeks") || W(i + 2, "months")))
        {
            end = i + 3;
            recent = true;
        }

        if (end < 0)
        {
            return false;
        }

        piece = recent
            ? Piece.Interval(end, r.AddDays(-options.RecentWindowDays), r.AddDays(1), TimeGranularity.Vague, true, "recent")
            : Piece.Interval(end, r.AddDays(-options.PresentWindowDays), r.AddDays(options.PresentWindowDays + 1), TimeGranularity.Vague, true, "present");
        return true;
    }

    // ----- resolution ----------------------------------------------------------------------

    private static DateOnly? SafeDate(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    /// <summary>Turns a piece into an interval: missing years take the most recent reading not after the reference (the next one in the future tense).</summary>
    internal bool Resolve(Piece p, bool future, out DateOnly? start, out DateOnly? end, out TimeGranularity g)
    {
        start = p.Start;
        end = p.End;
        g = p.Granularity;
        if (p.IsResolved)
        {
            return true;
        }

        var r = reference;
        if (p.Year is { } y)
        {
            if (p.Month is { } m)
            {
                if (p.Day is { } d)
                {
                    var date = SafeDate(y, m, d);
                    if (date is null)
                    {
                        return false;
                    }

                    (start, end, g) = (date, date.Value.AddDays(1), TimeGranularity.Day);
                    return true;
                }

                var ms = new DateOnly(y, m, 1);
                (start, end, g) = (ms, ms.AddMonths(1), TimeGranularity.Month);
                return true;
            }

            if (p.Day.HasValue)
            {
                return false;
            }

            var ys = new DateOnly(y, 1, 1);
            (start, end, g) = (ys, ys.AddYears(1), TimeGranularity.Year);
            return true;
        }

        if (p.Month is { } mo)
        {
            if (p.Day is { } d)
            {
                for (int k = 0; k < 9; k++)
                {
                    int yy = future ? r.Year + k : r.Year - k;
                    var date = SafeDate(yy, mo, d);
                    if (date is { } dd && (future ? dd >= r : dd <= r))
                    {
                        (start, end, g) = (dd, dd.AddDays(1), TimeGranularity.Day);
                        return true;
                    }
                }

                return false;
            }

            int year = future ? (mo < r.Month ? r.Year + 1 : r.Year) : (mo > r.Month ? r.Year - 1 : r.Year);
            var s = new DateOnly(year, mo, 1);
            (start, end, g) = (s, s.AddMonths(1), TimeGranularity.Month);
            return true;
        }

        if (p.Day is { } dayOnly)
        {
            var probe = new DateOnly(r.Year, r.Month, 1);
            for (int k = 0; k < 13; k++)
            {
                var m = probe.AddMonths(future ? k : -k);
                if (dayOnly <= DateTime.DaysInMonth(m.Year, m.Month))
                {
                    var cand = new DateOnly(m.Year, m.Month, dayOnly);
                    if (future ? cand >= r : cand <= r)
                    {
                        (start, end, g) = (cand, cand.AddDays(1), TimeGranularity.Day);
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
