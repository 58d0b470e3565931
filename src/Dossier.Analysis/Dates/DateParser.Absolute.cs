using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

/// <summary>Dates written with calendar fields: digits, month and weekday names, years, quarters.</summary>
internal sealed partial class DateParser
{
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
}
