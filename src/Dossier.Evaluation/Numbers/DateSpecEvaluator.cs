using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Dossier.Analysis.Dates;
using Dossier.Text.Quantities;

namespace Dossier.Evaluation.Numbers;

/// <summary>
/// Scores <see cref="TimeExpressionRecognizer"/> on the English Recognizers-Text DateTime model
/// specs. In scope: cases whose expected results are all calendar dates or date ranges
/// (<c>datetimeV2.date</c>, <c>datetimeV2.daterange</c>) with a resolved value and no modifier
/// other than an open end (before, after, since, until),
/// plus the cases that expect nothing (false-positive checks). A case passes when the recogniser
/// returns exactly as many results, and each has the expected start, end and text (ignoring case),
/// the expected type (a single day is a date, anything longer a date range) and an interval equal
/// to one of the values the spec lists (it lists a past and a future reading for underspecified
/// dates; ours picks one by the tense rule).
/// </summary>
public static class DateSpecEvaluator
{
    /// <summary>Options that mirror the reference model: ranges end where their second operand starts; no vague present.</summary>
    public static TimeReadingOptions SpecOptions { get; } = new() { RangeEndInclusive = false, VaguePresent = false };

    // Named holidays need a holiday calendar (Easter, Thanksgiving, Eid…), which the recogniser
    // does not have: cases that name one are out of scope.
    private static readonly string[] Holidays =
    [
        "christmas", "easter", "halloween", "thanksgiving", "independence day", "labor day", "black friday", "earth day",
        "new year", "patrick", "eid", "workers' day", "valentine", "mother's day", "father's day", "memorial day",
    ];

    /// <summary>Finds DateTimeModel.json under <paramref name="specs"/>.</summary>
    public static string? Locate(string specs)
    {
        foreach (var candidate in new[] { Path.Combine(specs, "DateTime", "English", "DateTimeModel.json"), Path.Combine(specs, "DateTimeModel.json") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Scores the file.</summary>
    public static SpecFileScore Evaluate(string file)
    {
        var cases = RecognizerSpecReader.Read(file);
        int skipped = 0, outOfScope = 0, passed = 0;
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var c in cases)
        {
            if (c.NotSupportedOnDotnet)
            {
                skipped++;
                continue;
            }

            if (!InScope(c) || c.Reference is null)
            {
                outOfScope++;
                continue;
            }

            var reference = DateOnly.FromDateTime(c.Reference.Value);
            var predicted = TimeExpressionRecognizer.Find(c.Input, reference, SpecOptions);
            if (Matches(c.Input, predicted, c.Results, out string why))
            {
                passed++;
            }
            else
            {
                failures.Add($"[{reference:yyyy-MM-dd}] {c.Input} :: {why}");
            }
        }

        return new SpecFileScore(Path.GetFileName(file), "date", cases.Length, skipped, outOfScope, passed, failures.ToImmutable());
    }

    /// <summary>
    /// Out of scope: clock times, date-times, durations, sets and time zones (other result types);
    /// modifiers other than the open ends before/after/since/until (start/middle/end of a period,
    /// approximately); values the
    /// reference cannot resolve (seasons, fiscal and school years, invalid dates); named holidays.
    /// </summary>
    private static bool InScope(SpecCase c)
    {
        foreach (var r in c.Results)
        {
            if (r.TypeName is not ("datetimeV2.date" or "datetimeV2.daterange") || r.Resolution is not { } res
                || !res.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var v in values.EnumerateArray())
            {
                bool unresolved = v.TryGetProperty("value", out var value) && value.GetString() == "not resolved";
                bool openEnded = v.TryGetProperty("Mod", out var mod) && mod.GetString() is "since" or "after" or "before" or "until";
                bool otherMod = v.TryGetProperty("Mod", out _) && !openEnded;
                if (unresolved || otherMod || !(v.TryGetProperty("value", out _) || v.TryGetProperty("start", out _) || v.TryGetProperty("end", out _)))
                {
                    return false;
                }
            }

            if (Holidays.Any(h => r.Text.Contains(h, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(string input, ImmutableArray<TimeExpression> predicted, ImmutableArray<SpecResult> expected, out string why)
    {
        why = "";
        if (predicted.Length != expected.Length)
        {
            why = $"expected {expected.Length} [{string.Join("; ", expected.Select(Show))}], got {predicted.Length} [{string.Join("; ", predicted.Select(p => Show(input, p)))}]";
            return false;
        }

        for (int k = 0; k < predicted.Length; k++)
        {
            var p = predicted[k];
            var e = expected[k];
            string text = input.Substring(p.Span.Start, p.Span.Length);
            bool isDate = p.Start is { } s && p.End is { } en && en == s.AddDays(1) && p.Granularity is TimeGranularity.Day;
            string type = isDate ? "datetimeV2.date" : "datetimeV2.daterange";
            bool ok = p.Span.Start == e.Start && p.Span.End == e.End && string.Equals(text, e.Text, StringComparison.OrdinalIgnoreCase)
                      && type == e.TypeName && ValueMatches(p, isDate, e);
            if (!ok)
            {
                why = $"expected {Show(e)}, got {Show(input, p)}";
                return false;
            }
        }

        return true;
    }

    private static bool ValueMatches(TimeExpression p, bool isDate, SpecResult e)
    {
        foreach (var v in e.Resolution!.Value.GetProperty("values").EnumerateArray())
        {
            if (isDate && v.TryGetProperty("value", out var value) && Parse(value.GetString()) == p.Start)
            {
                return true;
            }

            // Open intervals omit a bound ("since August" has no end).
            DateOnly? start = v.TryGetProperty("start", out var vs) ? Parse(vs.GetString()) : null;
            DateOnly? end = v.TryGetProperty("end", out var ve) ? Parse(ve.GetString()) : null;
            if (!isDate && (start is not null || end is not null) && start == p.Start && end == p.End)
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly? Parse(string? s) =>
        s is not null && DateOnly.TryParseExact(s.Length >= 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Show(SpecResult e)
    {
        var values = e.Resolution is { } r && r.TryGetProperty("values", out var vs)
            ? string.Join(",", vs.EnumerateArray().Select(v => v.TryGetProperty("value", out var x) ? x.GetString() : $"{(v.TryGetProperty("start", out var a) ? a.GetString() : "")}..{(v.TryGetProperty("end", out var b) ? b.GetString() : "")}"))
            : "";
        return $"'{e.Text}'@{e.Start} {e.TypeName[11..]}={values}";
    }

    private static string Show(string input, TimeExpression p) =>
        $"'{input.Substring(p.Span.Start, p.Span.Length)}'@{p.Span.Start} {p.Granularity}={p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}";
}
