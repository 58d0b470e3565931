using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Output;
using Dossier.Ingestion;
using Dossier.Ingestion.PlainText;
using Dossier.Storage;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier ingest PATH…</c>: analyses articles in parallel and stores them, one transaction each.
/// A file that cannot be read is reported and skipped; the rest of the batch goes on.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Article files or folders (searched recursively for *.txt).", Arity = ArgumentArity.OneOrMore };
        var database = StoreOptions.Database();
        var layout = new Option<string>("--layout") { Description = "article: line 1 headline, line 2 standfirst; plain: every line is body.", DefaultValueFactory = _ => "article" };
        layout.AcceptOnlyFromAmong("article", "plain");
        var quiet = new Option<bool>("--quiet") { Description = "No progress line." };
        var command = new Command("ingest", "Analyse articles and store them in the corpus database (idempotent: the same text is stored once).")
        {
            paths, database, layout, quiet,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var files = CollectFiles(parseResult.GetRequiredValue(paths), error);
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: false);
                var articleLayout = parseResult.GetValue(layout) == "plain" ? ArticleLayout.Plain : ArticleLayout.Article;
                var summary = await IngestAsync(files, store, articleLayout, error, !parseResult.GetValue(quiet), cancellationToken).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested {files.Count} files in {summary.Elapsed.TotalSeconds:F1} s ({files.Count / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):F1} files/s): {summary.Added} added, {summary.Unchanged} unchanged, {summary.Replaced} replaced, {summary.Failed} skipped; {store.CountDocuments()} documents in the corpus"));
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

    private sealed record Summary(int Added, int Unchanged, int Replaced, int Failed, TimeSpan Elapsed);

    private sealed record Analysed(string Key, Document? Document, string? Json, string? Error);

    private static List<string> CollectFiles(string[] paths, TextWriter error)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                error.WriteLine($"dossier: skipped {path}: no such file or folder");
            }
        }

        if (files.Count == 0)
        {
            throw new UserInputException("nothing to ingest: no *.txt files were found under the given paths.");
        }

        return files;
    }

    private static async Task<Summary> IngestAsync(
        List<string> files, IDocumentStore store, ArticleLayout layout, TextWriter error, bool progress, CancellationToken cancellationToken)
    {
        var pipeline = SegmentationPipelines.Full(layout).Build();
        var stopwatch = Stopwatch.StartNew();

        // Analysis runs on every core; the store has one writer. The bounded channel keeps memory flat.
        var channel = Channel.CreateBounded<Analysed>(new BoundedChannelOptions(64) { SingleReader = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (file, token) =>
                {
                    Analysed result;
                    try
                    {
                        var document = pipeline.Process(ArticleReader.ReadFile(file), token);
                        result = new Analysed(Path.GetFullPath(file), document, DocumentJsonWriter.ToJson(document, new JsonOptions()), null);
                    }
                    catch (ArticleReadException exception)
                    {
                        result = new Analysed(file, null, null, exception.Message);
                    }

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
        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            done++;
            if (item.Document is null)
            {
                failed++;
                error.WriteLine($"dossier: skipped: {item.Error}");
            }
            else
            {
                switch (store.Save(item.Document, item.Key, item.Json!))
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

            if (progress && (stopwatch.Elapsed - lastReport > TimeSpan.FromMilliseconds(250) || done == files.Count))
            {
                lastReport = stopwatch.Elapsed;
                var rate = done / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);
                var eta = TimeSpan.FromSeconds((files.Count - done) / Math.Max(rate, 1e-9));
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{Bar(done, files.Count)} {done}/{files.Count} files · {rate:F1} files/s · ETA {eta:mm\\:ss}   "));
                if (done == files.Count)
                {
                    error.WriteLine();
                }
            }
        }

        await producer.ConfigureAwait(false);
        return new Summary(added, unchanged, replaced, failed, stopwatch.Elapsed);
    }

    private static string Bar(int done, int total)
    {
        const int width = 24;
        var filled = total == 0 ? width : done * width / total;
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }
}
