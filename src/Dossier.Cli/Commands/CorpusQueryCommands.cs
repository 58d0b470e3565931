using System.CommandLine;
using System.Globalization;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier search TEXT</c>, <c>quotes</c>, <c>duplicates</c>, <c>actors</c> and <c>events</c>: questions to the corpus database.</summary>
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

    /// <summary>
    /// Makes <c>dossier actors</c> itself list the actors linked in the corpus with their counts; its subcommands
    /// (add, alias, merge) edit the knowledge layer.
    /// </summary>
    public static void ListStoredActors(Command actors)
    {
        var name = new Option<string?>("--name") { Description = "Only actors whose name or id contains this text (e.g. Kabulov)." };
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many actors.", DefaultValueFactory = _ => 50 };
        actors.Options.Add(name);
        actors.Options.Add(database);
        actors.Options.Add(limit);
        actors.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var found = store.Actors(parseResult.GetValue(name), parseResult.GetValue(limit));
                output.WriteLine($"{"documents",9} {"mentions",8} {"quotes",6} {"claims",6}  actor");
                foreach (var actor in found)
                {
                    var facts = string.Join(' ', new[] { actor.Type, actor.Cameo, actor.Country }.Where(f => f is not null));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{actor.Documents,9} {actor.Mentions,8} {actor.Quotes,6} {actor.Claims,6}  {actor.Name} ({actor.Id}{(facts.Length > 0 ? "; " + facts : string.Empty)})"));
                }

                output.WriteLine($"{found.Count} actors");
                return CommandErrors.Success;
            });
        });
    }

    public static Command Events()
    {
        var actor = new Option<string?>("--actor") { Description = "An actor id that is source or target (RUS), or text of their name (Kabulov)." };
        var root = new Option<string?>("--root") { Description = "CAMEO root code, two digits (e.g. 19 for fight)." };
        var from = new Option<DateOnly?>("--from") { Description = "Only events on or after this day (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Only events on or before this day (yyyy-mm-dd)." };
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many events.", DefaultValueFactory = _ => 200 };
        var command = new Command("events", "Coded events in the corpus, oldest first, with source, target, place and evidence.")
        {
            actor, root, from, to, database, limit,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var filter = new Storage.EventFilter(parseResult.GetValue(actor), parseResult.GetValue(root), parseResult.GetValue(from), parseResult.GetValue(to));
                var events = store.Events(filter, parseResult.GetValue(limit));
                foreach (var coded in events)
                {
                    var date = coded.Date ?? coded.Document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
                    string Side(string? name, string? code) => name is null && code is null ? "?" : $"{name ?? "?"}{(code is null ? string.Empty : $" ({code})")}";
                    var place = coded.Place is null ? string.Empty : $" in {coded.Place}";
                    var negated = coded.Negated ? " NOT" : string.Empty;
                    var claimed = coded.ClaimedBy is null ? string.Empty : $", says {coded.ClaimedBy}";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{date}  {coded.Code}{negated} {coded.Name}: {Side(coded.Source, coded.SourceCode)} -> {Side(coded.Target, coded.TargetCode)}{place}{claimed} [{coded.Document.Outlet ?? "-"}] (\"{coded.Text}\", {Path.GetFileName(coded.Document.Key)}@{coded.Start})"));
                }

                output.WriteLine($"{events.Count} events");
                return CommandErrors.Success;
            });
        });
        return command;
    }
}
