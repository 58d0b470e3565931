using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Corpora.PolNear;
using Dossier.Evaluation.Attribution;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval quotes --polnear DIR</c>: attribution scores on a PolNeAR split.</summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var polnear = new Option<string>("--polnear") { Description = "A PolNeAR split folder (with text/ and attributions/), e.g. ../shared/data/quotes/polnear/dev.", Required = true };
        var minF1 = new Option<double?>("--min-f1") { Description = "Fail (exit 1) when attribution F1 (percent) is below this floor." };
        var minSource = new Option<double?>("--min-source") { Description = "Fail (exit 1) when source-overlap accuracy (percent) is below this floor." };
        var errors = new Option<int>("--errors") { Description = "List up to N missed gold attributions and N spurious predictions." };
        var command = new Command("quotes", "Score quote and attribution finding against PolNeAR (content overlap matching).")
        {
            polnear, minF1, minSource, errors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var folder = parseResult.GetRequiredValue(polnear);
                if (!Directory.Exists(folder))
                {
                    throw new UserInputException($"PolNeAR folder '{folder}' was not found.");
                }

                var pipeline = SegmentationPipelines.Full(ArticleLayout.Plain).Build();
                AttributionScores? total = null;
                var articles = 0;
                var characters = 0L;
                var stopwatch = new Stopwatch();
                var listed = (Missed: 0, Spurious: 0);
                foreach (var article in PolNearReader.ReadSplit(folder))
                {
                    stopwatch.Start();
                    var document = pipeline.Process(new Document(article.Name, article.Text));
                    stopwatch.Stop();
                    var score = AttributionScorer.Score(document, article);
                    if (parseResult.GetValue(errors) is > 0 and var limit)
                    {
                        ListErrors(output, document, article, limit, ref listed);
                    }

                    total = total is null ? score : AttributionScorer.Add(total, score);
                    articles++;
                    characters += article.Text.Length;
                }

                if (total is null)
                {
                    throw new UserInputException($"No annotated articles were found in '{folder}'.");
                }

                var a = total.Attributions;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attribution on {articles} PolNeAR articles ({a.Gold:N0} gold attributions, {a.Predicted:N0} predicted)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attributions (content overlap)  P {100 * a.Precision:F2}  R {100 * a.Recall:F2}  F1 {100 * a.F1:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recall on quoted contents     {100 * total.QuotedRecall.Recall:F2} ({total.QuotedRecall.Gold:N0} gold)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recall on unquoted contents   {100 * total.UnquotedRecall.Recall:F2} ({total.UnquotedRecall.Gold:N0} gold)"));
                var c = total.ContentTokens;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"content tokens                 P {100 * c.Precision:F2}  R {100 * c.Recall:F2}  F1 {100 * c.F1:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cue accuracy (matched)         {100 * total.CueAccuracy:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source accuracy (matched)      exact span {100 * total.SourceExactAccuracy:F2}, overlapping {100 * total.SourceOverlapAccuracy:F2} ({total.WithGoldSource:N0} with a gold source)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {stopwatch.Elapsed.TotalMilliseconds:F0} ms for segmentation and attribution ({characters / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9) / 1e6:F1} M characters/s, one cold pass)"));

                var ok = CheckFloor(output, "attribution F1", 100 * a.F1, parseResult.GetValue(minF1))
                    & CheckFloor(output, "source overlap accuracy", 100 * total.SourceOverlapAccuracy, parseResult.GetValue(minSource));
                return ok ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
    }

    private static void ListErrors(TextWriter output, Document document, PolNearArticle article, int limit, ref (int Missed, int Spurious) listed)
    {
        static string Clip(string text) => (text.Length > 90 ? text[..90] + "…" : text).ReplaceLineEndings(" ");
        foreach (var gold in article.Attributions)
        {
            var found = document.Quotes.Any(q => gold.Content.Any(span => span.Overlaps(q.Content)));
            if (!found && listed.Missed++ < limit)
            {
                var cue = string.Join(" … ", gold.Cue.Select(span => article.Text[span.Start..span.End]));
                var source = string.Join(" … ", gold.Source.Select(span => article.Text[span.Start..span.End]));
                output.WriteLine($"missed: [{source}] [{cue}] {Clip(article.Text[gold.Content[0].Start..gold.Content[0].End])}");
            }
        }

        foreach (var quote in document.Quotes)
        {
            var found = article.Attributions.Any(gold => gold.Content.Any(span => span.Overlaps(quote.Content)));
            if (!found && listed.Spurious++ < limit)
            {
                var cue = quote.Cue is { } c ? document.TextOf(c) : "-";
                var source = quote.Source is { } s ? document.TextOf(s) : "-";
                output.WriteLine($"spurious ({quote.Origin.Rule}): [{source}] [{cue}] {Clip(document.TextOf(quote.Content))}");
            }
        }
    }

    private static bool CheckFloor(TextWriter output, string name, double value, double? floor)
    {
        if (floor is not { } minimum)
        {
            return true;
        }

        var ok = value >= minimum;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok" : "FAIL")}: {name} {value:F2} {(ok ? ">=" : "<")} floor {minimum:F2}"));
        return ok;
    }
}
