using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Output;
using Dossier.Ingestion.PlainText;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval corpus</c>: ingests the demo corpus into a fresh store and scores the links that make the corpus count
/// once — near-duplicate documents, repeated quotes and events reported by several documents — against the labels in <c>data/gold/corpus/links.tsv</c>, as
/// pairwise precision and recall (every pair of documents, of stored quotes, of stored events).
/// </summary>
internal static class EvalCorpusCommand
{
    public static Command Create()
    {
        var samples = new Option<string>("--samples") { Description = "The demo corpus folder.", DefaultValueFactory = _ => Path.Combine("samples", "isis-afghanistan") };
        var gold = new Option<string>("--gold") { Description = "The labels.", DefaultValueFactory = _ => Path.Combine("data", "gold", "corpus", "links.tsv") };
        var database = new Option<string?>("--db") { Description = "Store to build (default: a temporary SQLite file); a PostgreSQL URL evaluates that engine." };
        var minDuplicates = new Option<double>("--min-duplicate-f1") { Description = "Fail below this F1 for near-duplicate links.", DefaultValueFactory = _ => 0 };
        var minQuotes = new Option<double>("--min-quote-f1") { Description = "Fail below this F1 for quote cluster links.", DefaultValueFactory = _ => 0 };
        var minEvents = new Option<double>("--min-event-f1") { Description = "Fail below this F1 for event cluster links.", DefaultValueFactory = _ => 0 };
        var errors = new Option<bool>("--errors") { Description = "List the quote and event links that were missed or wrongly made." };
        var command = new Command("corpus", "Score near-duplicate, repeated-quote and event-cluster links on the labelled demo corpus.") { samples, gold, database, minDuplicates, minQuotes, minEvents, errors };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var folder = parseResult.GetRequiredValue(samples);
                var labels = ReadLabels(parseResult.GetRequiredValue(gold));
                var temporary = parseResult.GetValue(database) is null ? Directory.CreateTempSubdirectory("dossier-eval-corpus-").FullName : null;
                try
                {
                    using var store = StoreOptions.Open(parseResult.GetValue(database) ?? Path.Combine(temporary!, "corpus.db"), mustExist: false);
                    var pipeline = SegmentationPipelines.Full(ArticleLayout.Article).Build();
                    var files = Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).ToList();
                    if (files.Count == 0)
                    {
                        throw new UserInputException($"no *.txt articles in '{folder}'.");
                    }

                    foreach (var file in files)
                    {
                        var document = pipeline.Process(ArticleReader.ReadFile(file), CancellationToken.None);
                        store.Save(document, Path.GetFullPath(file), DocumentJsonWriter.ToJson(document, new JsonOptions()));
                    }

                    var names = files.Select(file => Path.GetFileName(file)).ToList();
                    var duplicateGold = Clusters(labels, "duplicate", names.Select(n => (n, n)));
                    var duplicatePredicted = new UnionFind<string>(names);
                    foreach (var link in store.NearDuplicates(int.MaxValue))
                    {
                        duplicatePredicted.Join(Path.GetFileName(link.Document.Key), Path.GetFileName(link.Other.Key));
                    }

                    var duplicates = Score(names, a => duplicateGold[a], duplicatePredicted.Find);
                    output.WriteLine(Line("duplicates", names.Count, "documents", duplicates));

                    var quotes = store.Quotes(null, int.MaxValue).Select((q, i) => (Id: i.ToString(CultureInfo.InvariantCulture), Quote: q)).ToList();
                    var quoteGold = new Dictionary<string, string>(StringComparer.Ordinal);
                    var missing = 0;
                    foreach (var label in labels.Where(l => l.Kind == "quote"))
                    {
                        // The shortest quote with the anchor: a quote nested in a longer one ("Moscow believes …" inside the envoy's sentence) is its own.
                        var match = quotes.Where(q => Path.GetFileName(q.Quote.DocumentKey) == label.Document && q.Quote.Text.Contains(label.Anchor, StringComparison.Ordinal))
                            .OrderBy(q => q.Quote.Text.Length).FirstOrDefault();
                        if (match.Quote is null)
                        {
                            missing++;
                            continue;
                        }

                        quoteGold.TryAdd(match.Id, label.Cluster);
                    }

                    var quoteScore = Score(quotes.Select(q => q.Id).ToList(), id => quoteGold.TryGetValue(id, out var cluster) ? "gold:" + cluster : "alone:" + id,
                        id => "cluster:" + quotes[int.Parse(id, CultureInfo.InvariantCulture)].Quote.Cluster);
                    if (parseResult.GetValue(errors))
                    {
                        string Show(string id)
                        {
                            var quote = quotes[int.Parse(id, CultureInfo.InvariantCulture)].Quote;
                            return $"{Path.GetFileName(quote.DocumentKey)} {quote.Speaker}: {(quote.Text.Length > 60 ? quote.Text[..60] + "…" : quote.Text)}";
                        }

                        for (var i = 0; i < quotes.Count; i++)
                        {
                            for (var j = i + 1; j < quotes.Count; j++)
                            {
                                var isGold = quoteGold.TryGetValue(quotes[i].Id, out var a) && quoteGold.TryGetValue(quotes[j].Id, out var b) && a == b;
                                var isPredicted = quotes[i].Quote.Cluster == quotes[j].Quote.Cluster;
                                if (isGold != isPredicted)
                                {
                                    output.WriteLine($"  {(isGold ? "missed" : "wrong ")}  {Show(quotes[i].Id)}  |  {Show(quotes[j].Id)}");
                                }
                            }
                        }
                    }

                    output.WriteLine(Line("quote clusters", quotes.Count, $"quotes ({quoteGold.Count} labelled, {missing} labelled quotes not extracted)", quoteScore));

                    var events = store.Events(new EventFilter(), int.MaxValue).Select((e, i) => (Id: i.ToString(CultureInfo.InvariantCulture), Event: e)).ToList();
                    var eventGold = new Dictionary<string, string>(StringComparer.Ordinal);
                    var eventsMissing = 0;
                    foreach (var label in labels.Where(l => l.Kind == "event"))
                    {
                        // The shortest event whose evidence holds the anchor: two events of one sentence ("… by a coalition, and the
                        // Syrian Army") share words, and the one the anchor names more closely is meant.
                        var match = events.Where(e => Path.GetFileName(e.Event.Document.Key) == label.Document && e.Event.Text.Contains(label.Anchor, StringComparison.Ordinal))
                            .OrderBy(e => e.Event.Text.Length).FirstOrDefault();
                        if (match.Event is null)
                        {
                            eventsMissing++;
                            continue;
                        }

                        eventGold.TryAdd(match.Id, label.Cluster);
                    }

                    var eventScore = Score(events.Select(e => e.Id).ToList(), id => eventGold.TryGetValue(id, out var cluster) ? "gold:" + cluster : "alone:" + id,
                        id => events[int.Parse(id, CultureInfo.InvariantCulture)].Event.Cluster is { } cluster ? "cluster:" + cluster : "alone:" + id);
                    if (parseResult.GetValue(errors))
                    {
                        string ShowEvent(int i) => $"{Path.GetFileName(events[i].Event.Document.Key)} {events[i].Event.Code}: {(events[i].Event.Text.Length > 60 ? events[i].Event.Text[..60] + "…" : events[i].Event.Text)}";
                        for (var i = 0; i < events.Count; i++)
                        {
                            for (var j = i + 1; j < events.Count; j++)
                            {
                                var isGold = eventGold.TryGetValue(events[i].Id, out var a) && eventGold.TryGetValue(events[j].Id, out var b) && a == b;
                                var isPredicted = events[i].Event.Cluster is { } c && c == events[j].Event.Cluster;
                                if (isGold != isPredicted)
                                {
                                    output.WriteLine($"  {(isGold ? "missed" : "wrong ")}  {ShowEvent(i)}  |  {ShowEvent(j)}");
                                }
                            }
                        }
                    }

                    output.WriteLine(Line("event clusters", events.Count, $"events ({eventGold.Count} labelled, {eventsMissing} labelled events not coded)", eventScore));

                    var failed = duplicates.F1 < parseResult.GetValue(minDuplicates) || quoteScore.F1 < parseResult.GetValue(minQuotes)
                        || eventScore.F1 < parseResult.GetValue(minEvents);
                    if (failed)
                    {
                        output.WriteLine("below the floor");
                    }

                    return failed ? CommandErrors.BelowFloor : CommandErrors.Success;
                }
                finally
                {
                    if (temporary is not null)
                    {
                        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                        Directory.Delete(temporary, recursive: true);
                    }
                }
            });
        });
        return command;
    }

    private sealed record Label(string Kind, string Cluster, string Document, string Anchor);

    private readonly record struct PairScore(int Pairs, int Gold, int Predicted, int Correct)
    {
        public double Precision => Predicted == 0 ? 1 : Correct / (double)Predicted;

        public double Recall => Gold == 0 ? 1 : Correct / (double)Gold;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    private static List<Label> ReadLabels(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"labels '{path}' not found.");
        }

        return [.. File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new Label(cells[0], cells[1], cells[2], cells.Length > 3 ? cells[3] : string.Empty))];
    }

    private static Dictionary<string, string> Clusters(List<Label> labels, string kind, IEnumerable<(string Item, string Alone)> items)
    {
        var result = items.ToDictionary(i => i.Item, i => "alone:" + i.Alone, StringComparer.Ordinal);
        foreach (var label in labels.Where(l => l.Kind == kind))
        {
            result[label.Document] = "gold:" + label.Cluster;
        }

        return result;
    }

    /// <summary>Pairwise: a pair is a gold link when both items are in one gold cluster, a predicted link when in one predicted cluster.</summary>
    private static PairScore Score(List<string> items, Func<string, string> gold, Func<string, string> predicted)
    {
        int pairs = 0, goldLinks = 0, predictedLinks = 0, correct = 0;
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                pairs++;
                var isGold = gold(items[i]) == gold(items[j]);
                var isPredicted = predicted(items[i]) == predicted(items[j]);
                goldLinks += isGold ? 1 : 0;
                predictedLinks += isPredicted ? 1 : 0;
                correct += isGold && isPredicted ? 1 : 0;
            }
        }

        return new PairScore(pairs, goldLinks, predictedLinks, correct);
    }

    private static string Line(string name, int count, string what, PairScore score) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count} {what}; {score.Pairs} pairs, {score.Gold} gold links, {score.Predicted} predicted, {score.Correct} correct: P {score.Precision:F3} R {score.Recall:F3} F1 {score.F1:F3}");

    private sealed class UnionFind<T>(IEnumerable<T> items)
        where T : notnull
    {
        private readonly Dictionary<T, T> _parent = items.ToDictionary(i => i, i => i);

        public string Find(T item)
        {
            var root = item;
            while (!EqualityComparer<T>.Default.Equals(_parent[root], root))
            {
                root = _parent[root];
            }

            return root.ToString()!;
        }

        public void Join(T first, T second) => _parent[Root(first)] = Root(second);

        private T Root(T item)
        {
            while (!EqualityComparer<T>.Default.Equals(_parent[item], item))
            {
                item = _parent[item];
            }

            return item;
        }
    }
}
