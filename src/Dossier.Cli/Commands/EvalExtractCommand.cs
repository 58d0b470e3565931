using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Evaluation.Extraction;
using Dossier.Ingestion.Html;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval extract --data DIR</c>: HTML main-text extraction scored with the Zyte
/// article-extraction benchmark's own metric (4-word shingles, P and R averaged over pages), ours
/// beside SmartReader alone.
/// </summary>
internal static class EvalExtractCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The benchmark folder: ground-truth.json and html/*.html.gz.", Required = true };
        var minF1 = new Option<double?>("--min-f1") { Description = "Fail (exit 1) when our F1 (0–1, as the benchmark reports it) is below this floor." };
        var errors = new Option<int>("--errors") { Description = "Also list the N pages with the lowest F1." };
        var command = new Command("extract", "Score HTML main-text extraction on the article-extraction benchmark (token-shingle P/R/F1).")
        {
            data, minF1, errors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandErrors.Guard(error, () =>
            {
                var folder = parseResult.GetRequiredValue(data);
                if (!File.Exists(Path.Combine(folder, "ground-truth.json")))
                {
                    throw new UserInputException($"{folder}: no ground-truth.json here (expected the article-extraction benchmark folder).");
                }

                var pages = ExtractionBenchmark.Load(folder);
                var ours = new ConcurrentDictionary<string, ShingleCounts>(StringComparer.Ordinal);
                var baseline = new ConcurrentDictionary<string, ShingleCounts>(StringComparer.Ordinal);
                long oursTicks = 0, baselineTicks = 0;
                Parallel.ForEach(pages, page =>
                {
                    var html = page.ReadHtml();
                    var started = Stopwatch.GetTimestamp();
                    ours[page.Id] = ShingleScorer.Score(HtmlArticleExtractor.ExtractContent(html, page.Url).Body, page.Truth);
                    var middle = Stopwatch.GetTimestamp();
                    baseline[page.Id] = ShingleScorer.Score(HtmlArticleExtractor.ExtractWithReadabilityOnly(html, page.Url), page.Truth);
                    Interlocked.Add(ref oursTicks, middle - started);
                    Interlocked.Add(ref baselineTicks, Stopwatch.GetTimestamp() - middle);
                });

                var ourScore = ExtractionScore.Average([.. ours.Values]);
                var baselineScore = ExtractionScore.Average([.. baseline.Values]);
                output.WriteLine($"Article extraction on {pages.Count} pages of {folder} (4-word shingles; P and R are means over pages)");
                output.WriteLine($"{"extractor",-26} {"precision",10} {"recall",10} {"F1",10} {"pages/s",10}");
                Row(output, "Dossier (HtmlArticleExtractor)", ourScore, pages.Count, oursTicks);
                Row(output, "SmartReader 0.11.1 alone", baselineScore, pages.Count, baselineTicks);
                output.WriteLine("(pages/s: per thread, from the time spent inside each extractor)");

                if (parseResult.GetValue(errors) is > 0 and var count)
                {
                    foreach (var page in pages.OrderBy(p => F1(ours[p.Id])).ThenBy(p => p.Id, StringComparer.Ordinal).Take(count))
                    {
                        var score = ours[page.Id];
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {page.Id[..12]} P {score.Precision:F3} R {score.Recall:F3} (SmartReader F1 {F1(baseline[page.Id]):F3}) {page.Url}"));
                    }
                }

                if (parseResult.GetValue(minF1) is { } floor)
                {
                    var passed = ourScore.F1 >= floor;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F1 {ourScore.F1:F4} {(passed ? ">=" : "<")} floor {floor:F4}: {(passed ? "ok" : "BELOW FLOOR")}"));
                    return passed ? CommandErrors.Success : CommandErrors.BelowFloor;
                }

                return CommandErrors.Success;
            });
        });
        return command;
    }

    private static double F1(ShingleCounts counts) =>
        counts.Precision + counts.Recall == 0 ? 0 : 2 * counts.Precision * counts.Recall / (counts.Precision + counts.Recall);

    private static void Row(TextWriter output, string name, ExtractionScore score, int pages, long ticks)
    {
        var seconds = (double)ticks / Stopwatch.Frequency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {score.Precision,10:F4} {score.Recall,10:F4} {score.F1,10:F4} {pages / Math.Max(seconds, 1e-9),10:F1}"));
    }
}
