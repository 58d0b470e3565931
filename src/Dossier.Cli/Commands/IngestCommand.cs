using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Output;
using Dossier.Ingestion;
using Dossier.Ingestion.Sources;
using Dossier.Storage;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier ingest PATH|URL|- …</c>: reads articles from files, folders, feeds, JSON Lines, web
/// addresses and standard input (<see cref="ArticleSources"/>), analyses them in parallel and stores
/// them from one writer, the articles finished meanwhile in one transaction. An article that cannot be read is reported and skipped; the rest of
/// the batch goes on.
/// </summary>
internal static class IngestCommand
{
    /// <summary>The most articles stored in one transaction.</summary>
    private const int MaxArticlesPerTransaction = 32;

    /// <summary>How long one download may take.</summary>
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(30);

    public static Command Create(Func<Stream> standardInput)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (searched recursively for .txt, .html/.htm, .jsonl, .rss/.atom), http(s) URLs of pages or feeds, or '-' for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = StoreOptions.Database();
        var layout = new Option<string>("--layout") { Description = "article: line 1 headline, line 2 standfirst; plain: every line is body.", DefaultValueFactory = _ => "article" };
        layout.AcceptOnlyFromAmong("article", "plain");
        var format = new Option<string>("--format") { Description = "How standard input ('-') is read: text (one article), jsonl (one article per line) or html (one page).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl", "html");
        var quiet = new Option<bool>("--quiet") { Description = "No progress line." };
        var command = new Command("ingest", "Analyse articles and store them in the corpus database (idempotent: the same text is stored once).")
        {
            paths, database, layout, format, quiet,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var inputs = parseResult.GetRequiredValue(paths);
                CheckInputs(inputs);
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: false);
                var articleLayout = parseResult.GetValue(layout) == "plain" ? ArticleLayout.Plain : ArticleLayout.Article;
                var stdinFormat = parseResult.GetValue(format) switch
                {
                    "jsonl" => StandardInputFormat.JsonLines,
                    "html" => StandardInputFormat.Html,
                    _ => StandardInputFormat.Text,
                };

                // A client only when the user named an address: ingesting files never touches the network.
                using var client = inputs.Any(ArticleSources.IsUrl) ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
                var sources = new ArticleSources(client is null ? null : new WebPageFetcher(client, DownloadTimeout), standardInput, stdinFormat);
                var summary = await IngestAsync(sources.ItemsAsync(inputs, cancellationToken), KnownTotal(inputs), store, articleLayout, error, !parseResult.GetValue(quiet), cancellationToken).ConfigureAwait(false);
                var total = summary.Added + summary.Unchanged + summary.Replaced + summary.Failed;
                if (total == 0)
                {
                    throw new UserInputException("nothing to ingest: no articles (.txt, .html, .htm, .jsonl, .rss, .atom) were found under the given paths.");
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested {total} articles in {summary.Elapsed.TotalSeconds:F1} s ({total / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):F1} articles/s): {summary.Added} added, {summary.Unchanged} unchanged, {summary.Replaced} replaced, {summary.Failed} skipped; {store.CountDocuments()} documents in the corpus"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"time per article: analysis {summary.Analysis.TotalMilliseconds / total:F1} ms (summed over {Environment.ProcessorCount} analysing threads, model loading included), storing {summary.Storing.TotalMilliseconds / total:F1} ms (one writer)"));
                return summary.Failed == 0 ? CommandErrors.Success : CommandErrors.BelowFloor;
            }
            catch (UserInputException exception)
            {
                error.WriteLine($"dossier: {exception.Message}");
                return CommandErrors.BadInput;
            }
        });
        return command;
    }

    // Analysis: analysis and JSON time summed over the analysing threads (model loading included);
    // Storing: time the single writer spent saving.
    private sealed record Summary(int Added, int Unchanged, int Replaced, int Failed, TimeSpan Elapsed, TimeSpan Analysis, TimeSpan Storing);

    private sealed record Analysed(string Key, Document? Document, string? Json, string? Error);

    private static void CheckInputs(string[] inputs)
    {
        if (inputs.Count(i => i == "-") > 1)
        {
            throw new UserInputException("'-' (standard input) may be given only once.");
        }
    }

    /// <summary>The number of articles when every input is a one-article file or a folder of them; null when feeds, JSON Lines, URLs or standard input make it unknowable up front.</summary>
    private static int? KnownTotal(string[] inputs)
    {
        var total = 0;
        foreach (var input in inputs)
        {
            if (input == "-" || ArticleSources.IsUrl(input))
            {
                return null;
            }

            var files = Directory.Exists(input) ? ArticleSources.FilesUnder(input) : [input];
            foreach (var file in files)
            {
                if (Path.GetExtension(file).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".rss" or ".atom" or ".xml")
                {
                    return null;
                }

                total++;
            }
        }

        return total;
    }

    private static async Task<Summary> IngestAsync(
        IAsyncEnumerable<SourceItem> items, int? total, IDocumentStore store, ArticleLayout layout, TextWriter error, bool progress, CancellationToken cancellationToken)
    {
        var pipeline = SegmentationPipelines.Full(layout).Build();
        var stopwatch = Stopwatch.StartNew();

        // Analysis runs on every core; the store has one writer. The bounded channel keeps memory flat,
        // and the items are enumerated lazily, so a long JSON Lines file is never held whole.
        var channel = Channel.CreateBounded<Analysed>(new BoundedChannelOptions(64) { SingleReader = true });
        long analysisTicks = 0, storingTicks = 0;
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(items, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (item, token) =>
                {
                    Analysed result;
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var document = pipeline.Process(item.Read(), token);
                        result = new Analysed(item.Key, document, DocumentJsonWriter.ToJson(document, new JsonOptions()), null);
                    }
                    catch (ArticleReadException exception)
                    {
                        result = new Analysed(item.Key, null, null, exception.Message);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // A defect in one component on one article must not end the batch: the article is reported with
                        // the failure (for a bug report) and skipped, and the rest are analysed and stored.
                        result = new Analysed(item.Key, null, null, $"{item.Key}: analysis failed ({exception.GetType().Name}: {exception.Message})");
                    }

                    Interlocked.Add(ref analysisTicks, Stopwatch.GetTimestamp() - started);
                    await channel.Writer.WriteAsync(result, token).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, cancellationToken);

        int added = 0, unchanged = 0, replaced = 0, failed = 0, done = 0;
        var lastReport = TimeSpan.Zero;
        var batch = new List<Analysed>(MaxArticlesPerTransaction);
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Whatever analysis has finished is stored in one transaction: when the writer keeps up, that is one
            // article; when it falls behind, up to a few dozen share a commit (whose cost, writing the changed pages to
            // the log, was a fifth of a save). A kill loses at most the transaction in progress, which a rerun
            // adds again.
            batch.Clear();
            while (batch.Count < MaxArticlesPerTransaction && channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var analysed = batch.Where(item => item.Document is not null).Select(item => (item.Document!, item.Key, item.Json!)).ToList();
            var started = Stopwatch.GetTimestamp();
            var outcomes = analysed.Count == 0 ? [] : store.SaveAll(analysed);
            storingTicks += Stopwatch.GetTimestamp() - started;
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case SaveOutcome.Added:
                        added++;
                        break;
                    case SaveOutcome.Unchanged:
                        unchanged++;
                        break;
                    default:
                        replaced++;
                        break;
                }
            }

            foreach (var item in batch.Where(item => item.Document is null))
            {
                failed++;
                error.WriteLine($"{(progress ? "\r" : string.Empty)}dossier: skipped: {item.Error}");
            }

            done += batch.Count;
            if (progress && (stopwatch.Elapsed - lastReport > TimeSpan.FromMilliseconds(250) || done == total))
            {
                lastReport = stopwatch.Elapsed;
                error.Write(Progress(done, total, stopwatch.Elapsed));
                if (done == total)
                {
                    error.WriteLine();
                }
            }
        }

        await producer.ConfigureAwait(false);
        if (progress && total is null && done > 0)
        {
            error.WriteLine(Progress(done, total, stopwatch.Elapsed));
        }

        return new Summary(added, unchanged, replaced, failed, stopwatch.Elapsed,
            Stopwatch.GetElapsedTime(0, analysisTicks), Stopwatch.GetElapsedTime(0, storingTicks));
    }

    private static string Progress(int done, int? total, TimeSpan elapsed)
    {
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        if (total is not { } known)
        {
            // Feeds, JSON Lines and URLs do not say how many articles are coming: count and rate, no bar.
            return string.Create(CultureInfo.InvariantCulture, $"\r{done} articles · {rate:F1} articles/s   ");
        }

        var eta = TimeSpan.FromSeconds((known - done) / Math.Max(rate, 1e-9));
        return string.Create(CultureInfo.InvariantCulture, $"\r{Bar(done, known)} {done}/{known} articles · {rate:F1} articles/s · ETA {eta:mm\\:ss}   ");
    }

    private static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = total == 0 ? width : Math.Min(done, total) * width / total;
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
