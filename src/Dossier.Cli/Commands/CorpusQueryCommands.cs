using System.CommandLine;
using System.Globalization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier search TEXT</c> and <c>dossier quotes</c>: questions to the corpus database.</summary>
internal static class CorpusQueryCommands
{
    public static Command Search()
    {
        var text = new Argument<string>("text") { Description = "Words to find (all of them, anywhere in title or text)." };
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many documents.", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over the stored articles.") { text, database, limit };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var hits = store.Search(parseResult.GetRequiredValue(text), parseResult.GetValue(limit));
                foreach (var hit in hits)
                {
                    var date = hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
                    output.WriteLine($"{date}  {hit.Outlet ?? "-",-12} {hit.Title ?? hit.Key}");
                    output.WriteLine($"            {hit.Snippet}");
                }

                output.WriteLine($"{hits.Count} documents");
                return CommandErrors.Success;
            });
        });
        return command;
    }

    public static Command Duplicates()
    {
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many pairs.", DefaultValueFactory = _ => 50 };
        var command = new Command("duplicates", "List syndicated copies and near-verbatim rewrites (MinHash over 5-word shingles).") { database, limit };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var links = store.NearDuplicates(parseResult.GetValue(limit));
                foreach (var link in links)
                {
                    // The earlier publication is taken as the original; the link itself has no direction.
                    var (copy, original) = link.Document.Published < link.Other.Published ? (link.Other, link.Document) : (link.Document, link.Other);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{link.Similarity,4:P0}  {Describe(copy)}  ≈  {Describe(original)}"));
                }

                output.WriteLine($"{links.Count} near-duplicate pairs");
                return CommandErrors.Success;
            });
        });
        return command;
    }

    private static string Describe(Storage.DocumentSummary document) =>
        $"{document.Outlet ?? "-"} {document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------"} ({Path.GetFileName(document.Key)})";

    public static Command Quotes()
    {
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes whose speaker contains this text (e.g. Kabulov)." };
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many quotes.", DefaultValueFactory = _ => 50 };
        var command = new Command("quotes", "List stored quotes with speaker, cue, channel and outlet.") { speaker, database, limit };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var quotes = store.Quotes(parseResult.GetValue(speaker), parseResult.GetValue(limit));
                foreach (var quote in quotes)
                {
                    var date = quote.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
                    var channel = quote.Channel is null ? string.Empty : $" via {quote.Channel}";
                    var text = quote.Text.Length > 120 ? quote.Text[..119] + "…" : quote.Text;
                    output.WriteLine($"{date}  {quote.Outlet ?? "-"}  {quote.Speaker ?? "?"} ({quote.Cue ?? "-"}{channel}, {quote.Kind}): {text}");
                }

                output.WriteLine($"{quotes.Count} quotes");
                return CommandErrors.Success;
            });
        });
        return command;
    }
}
