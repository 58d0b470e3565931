using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Dossier.Evaluation.Numbers;

/// <summary>One expected result of a Recognizers-Text spec case (End converted to exclusive).</summary>
/// <param name="Text">Matched text as the spec gives it (lower-cased for dates).</param>
/// <param name="Start">First code unit.</param>
/// <param name="End">One past the last code unit (the spec's inclusive End + 1).</param>
/// <param name="TypeName">"number", "numberrange", "percentage", "ordinal", "datetimeV2.date", …</param>
/// <param name="Resolution">The raw resolution object (null when absent).</param>
public sealed record SpecResult(string Text, int Start, int End, string TypeName, JsonElement? Resolution);

/// <summary>One spec case: an input sentence, an optional reference date and the expected results.</summary>
/// <param name="Input">The sentence.</param>
/// <param name="Reference">The reference date-time, when the spec gives one.</param>
/// <param name="NotSupportedOnDotnet">True when the spec marks the case NotSupported or NotSupportedByDesign for "dotnet".</param>
/// <param name="Results">Expected results in text order.</param>
public sealed record SpecCase(string Input, DateTime? Reference, bool NotSupportedOnDotnet, ImmutableArray<SpecResult> Results);

/// <summary>
/// Reads Recognizers-Text spec files: a JSON array of cases whose result End is inclusive and
/// which may start with a byte-order mark.
/// </summary>
public static class RecognizerSpecReader
{
    /// <summary>Reads every case of <paramref name="path"/>.</summary>
    public static ImmutableArray<SpecCase> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF)
        {
            span = span[3..];
        }

        using var doc = JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var cases = ImmutableArray.CreateBuilder<SpecCase>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            string input = c.GetProperty("Input").GetString() ?? "";
            DateTime? reference = null;
            if (c.TryGetProperty("Context", out var ctx) && ctx.TryGetProperty("ReferenceDateTime", out var rd) && rd.GetString() is { } rds)
            {
                reference = DateTime.Parse(rds, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            }

            bool ns = Marks(c, "NotSupported") || Marks(c, "NotSupportedByDesign");
            var results = ImmutableArray.CreateBuilder<SpecResult>();
            if (c.TryGetProperty("Results", out var rs) && rs.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in rs.EnumerateArray())
                {
                    string text = r.TryGetProperty("Text", out var t) ? t.GetString() ?? "" : "";
                    int start = r.TryGetProperty("Start", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : -1;
                    int end = r.TryGetProperty("End", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() + 1 : -1;
                    string type = r.TryGetProperty("TypeName", out var tn) ? tn.GetString() ?? "" : "";
                    JsonElement? res = r.TryGetProperty("Resolution", out var re) && re.ValueKind == JsonValueKind.Object ? re.Clone() : null;
                    results.Add(new SpecResult(text, start, end, type, res));
                }
            }

            cases.Add(new SpecCase(input, reference, ns, results.ToImmutable()));
        }

        return cases.ToImmutable();
    }

    private static bool Marks(JsonElement c, string property) =>
        c.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
        && (p.GetString() ?? "").Split(',').Any(x => string.Equals(x.Trim(), "dotnet", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Pass counts for one spec file.</summary>
/// <param name="File">File name.</param>
/// <param name="Group">"number", "range", "percent", "ordinal" or "date".</param>
/// <param name="Cases">All cases in the file.</param>
/// <param name="Skipped">Cases marked not supported on .NET.</param>
/// <param name="OutOfScope">Cases outside this evaluation's scope (see docs/numbers-and-dates.md).</param>
/// <param name="Passed">In-scope cases whose results all matched.</param>
/// <param name="Failures">Descriptions of failing in-scope cases.</param>
public sealed record SpecFileScore(string File, string Group, int Cases, int Skipped, int OutOfScope, int Passed, ImmutableArray<string> Failures)
{
    /// <summary>Cases counted: all minus skipped minus out of scope.</summary>
    public int InScope => Cases - Skipped - OutOfScope;

    /// <summary>Passed / in scope, or 1 when nothing is in scope.</summary>
    public double PassRate => InScope == 0 ? 1 : (double)Passed / InScope;
}
