using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Ingestion;
using Dossier.Ingestion.PlainText;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench pipeline PATH…</c>: runs the full analysis over a folder of articles on one thread
/// and reports, per component, the time per article and its share of the pipeline — the numbers the
/// issues' "stage under N% of pipeline time" goals are checked with.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (*.txt, recursively).", Arity = ArgumentArity.OneOrMore };
        var repeat = new Option<int>("--repeat") { Description = "Passes over the articles (the first also loads the models and is not counted when there are more).", DefaultValueFactory = _ => 3 };
        var pipeline = new Command("pipeline", "Time every component of the full analysis on one thread.") { paths, repeat };
        pipeline.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var files = new List<string>();
                foreach (var path in parseResult.GetRequiredValue(paths))
                {
                    files.AddRange(Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [path]);
                }

                var documents = new List<Document>();
                foreach (var file in files)
                {
                    try
                    {
                        documents.Add(ArticleReader.ReadFile(file));
                    }
                    catch (ArticleReadException exception)
                    {
                        parseResult.InvocationConfiguration.Error.WriteLine($"dossier: skipped: {exception.Message}");
                    }
                }

                if (documents.Count == 0)
                {
                    throw new UserInputException("no readable articles were found.");
                }

                var components = SegmentationPipelines.Full(ArticleLayout.Article).Build().Components;
                var passes = Math.Max(1, parseResult.GetValue(repeat));
                var load = Stopwatch.StartNew();
                var times = new TimeSpan[components.Length];
                long tokens = 0, characters = documents.Sum(d => (long)d.Text.Length);
                for (var pass = 0; pass < passes; pass++)
                {
                    var counted = passes == 1 || pass > 0;
                    foreach (var original in documents)
                    {
                        var document = original;
                        for (var c = 0; c < components.Length; c++)
                        {
                            var stopwatch = Stopwatch.StartNew();
                            document = components[c].Process(document, CancellationToken.None);
                            if (counted)
                            {
                                times[c] += stopwatch.Elapsed;
                            }
                        }

                        tokens += counted ? document.Tokens.Length : 0;
                    }

                    if (pass == 0)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first pass (loads models): {load.Elapsed.TotalMilliseconds:F0} ms"));
                    }
                }

                var countedPasses = passes == 1 ? 1 : passes - 1;
                var total = times.Aggregate(TimeSpan.Zero, (a, b) => a + b);
                var articles = documents.Count * countedPasses;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{documents.Count} articles, {characters / documents.Count:N0} characters each on average, {countedPasses} timed passes, one thread"));
                output.WriteLine($"{"component",-12} {"ms/article",11} {"share",7}");
                for (var c = 0; c < components.Length; c++)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{components[c].Name,-12} {times[c].TotalMilliseconds / articles,11:F3} {100 * times[c].Ticks / (double)Math.Max(1, total.Ticks),6:F1}%"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"total",-12} {total.TotalMilliseconds / articles,11:F3}  ({articles / total.TotalSeconds:F0} articles/s, {tokens / total.TotalSeconds / 1000:F0}k tokens/s)"));
                return CommandErrors.Success;
            });
        });
        return new Command("bench", "Measure speed.") { pipeline, StoreBenchCommand.Create(), BenchServeCommand.Create(), BenchGazetteerCommand.Create() };
    }
}
