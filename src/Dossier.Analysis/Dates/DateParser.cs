using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

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

/// <summary>
/// The date grammar over <see cref="DateToken"/>s: ranges and open ends here, single expressions in
/// <c>DateParser.Absolute.cs</c>, relative ones in <c>DateParser.Relative.cs</c>, and resolution of
/// underspecified dates against the reference date. One instance per scanned text; not shared.
/// </summary>
internal sealed partial class DateParser(string text, List<DateToken> t, DateOnly reference, TimeReadingOptions options)
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
        Piece piece;
        DateOnly? s, e;
        TimeGranularity g;
        try
        {
            if (!Candidate(i, out piece) || !Resolve(piece, Future(i), out s, out e, out g))
            {
                return false;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // Day arithmetic past DateOnly's range ("31 December 9999", a page dated 0001-01-01): not a date we can place.
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
