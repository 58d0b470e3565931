using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

/// <summary>Dates relative to the reference: today, this/next/last …, weekdays, offsets, weeks of, the vague present.</summary>
internal sealed partial class DateParser
{
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
        // Most tokens start no duration, so check before allocating.
        if (!(TryCount(i, out _, out int firstCount) && TryUnit(firstCount, out _, out _)))
        {
            return false;
        }

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
}
