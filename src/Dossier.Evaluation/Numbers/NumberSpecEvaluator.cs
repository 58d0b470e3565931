using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Dossier.Analysis.Numbers;
using Dossier.Text.Quantities;

namespace Dossier.Evaluation.Numbers;

/// <summary>
/// Scores <see cref="QuantityRecognizer"/> on the English Recognizers-Text number specs. A case
/// passes when the recogniser returns exactly the expected results, in order: same count, and for
/// each the same start, the same end, the same text (ignoring case), the same type name and the
/// same resolved value (numbers within a relative 1e-9; ranges by both bounds and both brackets).
/// The subtype ("integer", "decimal") is not compared.
/// </summary>
public static class NumberSpecEvaluator
{
    /// <summary>The spec files scored, with the group they count towards and the reading options that mirror the model's mode.</summary>
    public static ImmutableArray<(string File, string Group, QuantityReadingOptions Options)> Files { get; } =
    [
        ("NumberModel.json", "number", NumbersOnly(ratios: true)),
        ("NumberModelExperimentalMode.json", "number", NumbersOnly(ratios: true)),
        ("NumberModelPercentMode.json", "number", NumbersOnly(ratios: false)),
        ("NumberRangeModel.json", "range", new QuantityReadingOptions { Ordinals = true, RangeEndInclusive = false, VagueQuantities = false }),
        ("NumberRangeModelExperimentalMode.json", "range", new QuantityReadingOptions { Ordinals = true, RangeEndInclusive = true, VagueQuantities = false }),
        ("PercentModel.json", "percent", new QuantityReadingOptions { VagueQuantities = false }),
        ("PercentModelPercentMode.json", "percent-mode", new QuantityReadingOptions { VagueQuantities = false }),
        ("OrdinalModel.json", "ordinal", new QuantityReadingOptions { Qualifiers = false, Percentages = false, VagueQuantities = false }),
        ("OrdinalModelSuppressExtendedTypes.json", "ordinal", new QuantityReadingOptions { Qualifiers = false, Percentages = false, VagueQuantities = false }),
    ];

    private static QuantityReadingOptions NumbersOnly(bool ratios) => new()
    {
        Ordinals = false,
        RatioPhrases = ratios,
        Qualifiers = false,
        Percentages = false,
        VagueQuantities = false,
    };

    /// <summary>Finds the Number/English folder under <paramref name="specs"/> (the Specs root, or the folder itself).</summary>
    public static string? Locate(string specs)
    {
        foreach (var candidate in new[] { Path.Combine(specs, "Number", "English"), specs })
        {
            if (File.Exists(Path.Combine(candidate, "NumberModel.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Scores every known file present in <paramref name="folder"/>.</summary>
    public static ImmutableArray<SpecFileScore> Evaluate(string folder)
    {
        var scores = ImmutableArray.CreateBuilder<SpecFileScore>();
        foreach (var (file, group, options) in Files)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path))
            {
                scores.Add(Score(file, group == "percent-mode" ? "percent" : group, group, options, RecognizerSpecReader.Read(path)));
            }
        }

        return scores.ToImmutable();
    }

    private static SpecFileScore Score(string file, string group, string view, QuantityReadingOptions options, ImmutableArray<SpecCase> cases)
    {
        int skipped = 0, outOfScope = 0, passed = 0;
        var failures = ImmutableArray.CreateBuilder<string>();
        foreach (var c in cases)
        {
            if (c.NotSupportedOnDotnet)
            {
                skipped++;
                continue;
            }

            if (!InScope(c))
            {
                outOfScope++;
                continue;
            }

            var predicted = Predict(c.Input, view, options);
            if (Matches(predicted, c.Results, out string why))
            {
                passed++;
            }
            else
            {
                failures.Add($"{c.Input} :: {why}");
            }
        }

        return new SpecFileScore(file, group, cases.Length, skipped, outOfScope, passed, failures.ToImmutable());
    }

    /// <summary>
    /// Out of scope: relative ordinals ("next", "last", "penultimate": positions in a dialogue,
    /// not numbers in a report) and percentages without a value ("a small percent").
    /// </summary>
    private static bool InScope(SpecCase c) =>
        c.Results.All(r => r.TypeName != "ordinal.relative" && !(r.TypeName == "percentage" && ValueString(r) is null));

    private sealed record Predicted(int Start, int End, string Text, string Type, double Value, string? Range);

    private static List<Predicted> Predict(string input, string view, QuantityReadingOptions options)
    {
        var result = new List<Predicted>();
        foreach (var q in QuantityRecognizer.Find(input, options))
        {
            switch (view)
            {
                case "number":
                    if (q.Kind is QuantityKind.Cardinal or QuantityKind.Proportion && q.Comparison == QuantityComparison.Exact)
                    {
                        result.Add(new Predicted(q.NumberSpan.Start, q.NumberSpan.End, Slice(input, q.NumberSpan), "number", q.Value, null));
                    }

                    break;
                case "range":
                    if (q.Kind is QuantityKind.Cardinal or QuantityKind.Proportion or QuantityKind.Ordinal && RangeString(q) is { } range)
                    {
                        result.Add(new Predicted(q.Span.Start, q.Span.End, Slice(input, q.Span), "numberrange", 0, range));
                    }

                    break;
                case "percent":
                    if (q.Kind == QuantityKind.Percent)
                    {
                        result.Add(new Predicted(q.NumberSpan.Start, q.NumberSpan.End, Slice(input, q.NumberSpan), "percentage", q.Value, null));
                    }

                    break;
                case "percent-mode":
                    // The percent mode reads shares as percentages: "one out of three" is 33.3%,
                    // and a fraction before "of" ("1/4 of") is a percentage including the "of".
                    if (q.Kind == QuantityKind.Percent)
                    {
                        result.Add(new Predicted(q.NumberSpan.Start, q.NumberSpan.End, Slice(input, q.NumberSpan), "percentage", q.Value, null));
                    }
                    else if (q.Kind == QuantityKind.Proportion || q.Source.Rule == "ratio")
                    {
                        int end = q.NumberSpan.End;
                        if (q.Kind == QuantityKind.Proportion && q.Source.Rule != "ratio")
                        {
                            int of = input.IndexOf("of", end, StringComparison.Ordinal);
                            end = of + 2;
                        }

                        var span = new Dossier.Text.TextSpan(q.NumberSpan.Start, end);
                        result.Add(new Predicted(span.Start, span.End, Slice(input, span), "percentage", q.Value * 100, null));
                    }

                    break;
                case "ordinal":
                    if (q.Kind == QuantityKind.Ordinal && q.Comparison == QuantityComparison.Exact)
                    {
                        result.Add(new Predicted(q.NumberSpan.Start, q.NumberSpan.End, Slice(input, q.NumberSpan), "ordinal", q.Value, null));
                    }

                    break;
            }
        }

        return result;
    }

    private static string Slice(string s, Dossier.Text.TextSpan span) => s.Substring(span.Start, span.Length);

    /// <summary>The reference notation: "(20,35]", "[30,)", "(,100]", "[170,170]"; null for quantities that are not ranges.</summary>
    private static string? RangeString(Quantity q)
    {
        var i = q.Interval;
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        return q.Comparison switch
        {
            QuantityComparison.GreaterThan => $"({F(q.Value)},)",
            QuantityComparison.AtLeast => $"[{F(q.Value)},)",
            QuantityComparison.LessThan => $"(,{F(q.Value)})",
            QuantityComparison.AtMost => $"(,{F(q.Value)}]",
            QuantityComparison.Equal => $"[{F(q.Value)},{F(q.Value)}]",
            QuantityComparison.Between => $"{(i.LowInclusive ? '[' : '(')}{F(i.Low)},{F(i.High)}{(i.HighInclusive ? ']' : ')')}",
            _ => null,
        };
    }

    private static string? ValueString(SpecResult r)
    {
        if (r.Resolution is not { } res)
        {
            return null;
        }

        if (res.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
        {
            // The specs write an unresolvable value as the string "null".
            return v.GetString() is { } str && str != "null" ? str : null;
        }

        if (res.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.String)
        {
            return o.GetString();
        }

        return null;
    }

    private static bool Matches(List<Predicted> predicted, ImmutableArray<SpecResult> expected, out string why)
    {
        why = "";
        if (predicted.Count != expected.Length)
        {
            why = $"expected {expected.Length} results [{string.Join("; ", expected.Select(e => $"{e.Text}={ValueString(e)}"))}], got {predicted.Count} [{string.Join("; ", predicted.Select(Show))}]";
            return false;
        }

        for (int k = 0; k < predicted.Count; k++)
        {
            var p = predicted[k];
            var e = expected[k];
            string? ev = ValueString(e);
            bool ok = p.Start == e.Start && p.End == e.End && string.Equals(p.Text, e.Text, StringComparison.OrdinalIgnoreCase)
                      && string.Equals(p.Type, e.TypeName, StringComparison.Ordinal) && ev is not null && ValueMatches(p, ev);
            if (!ok)
            {
                why = $"expected '{e.Text}'@{e.Start} {e.TypeName}={ev}, got {Show(p)}";
                return false;
            }
        }

        return true;
    }

    private static string Show(Predicted p) => $"'{p.Text}'@{p.Start} {p.Type}={p.Range ?? p.Value.ToString("R", CultureInfo.InvariantCulture)}";

    private static bool ValueMatches(Predicted p, string expected)
    {
        if (p.Range is not null)
        {
            return RangeEquals(p.Range, expected);
        }

        var s = expected.TrimEnd('%');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && Close(p.Value, v);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    private static bool RangeEquals(string a, string b)
    {
        static (char, double?, double?, char) Parse(string s)
        {
            var inner = s[1..^1].Split(',');
            double? lo = inner[0].Length == 0 ? null : double.Parse(inner[0], CultureInfo.InvariantCulture);
            double? hi = inner.Length < 2 || inner[1].Length == 0 ? null : double.Parse(inner[1], CultureInfo.InvariantCulture);
            return (s[0], lo, hi, s[^1]);
        }

        var (a0, alo, ahi, a1) = Parse(a);
        var (b0, blo, bhi, b1) = Parse(b);
        return a0 == b0 && a1 == b1 && alo.HasValue == blo.HasValue && ahi.HasValue == bhi.HasValue
               && (!alo.HasValue || Close(alo.Value, blo!.Value)) && (!ahi.HasValue || Close(ahi.Value, bhi!.Value));
    }
}
