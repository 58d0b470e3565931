using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Output;
using Dossier.Ingestion.PlainText;
using Dossier.Storage;
using Dossier.Storage.Postgres;

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
        var database = new Option<string?>("--db") { Description = "Store to build (default: a temporary SQLite file; a given file must be new); a PostgreSQL URL evaluates that engine in a scratch schema." };
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
                    // The score is of links the store makes while it is filled, so it starts empty: PostgreSQL in a scratch
                    // schema dropped afterwards (a database kept between runs would answer "unchanged" and store nothing).
                    var given = parseResult.GetValue(database);
                    using var scratch = given is not null && PostgresDocumentStore.IsConnectionString(given) ? new PostgresScratchSchema(given) : null;
                    using var store = StoreOptions.Open(scratch?.ConnectionString ?? given ?? Path.Combine(temporary!, "corpus.db"), mustExist: false);
                    if (store.CountDocuments() > 0)
                    {
                        throw new UserInputException($"'{given}' already holds documents; eval corpus fills a store itself: give a new file, or a PostgreSQL database (it works in a scratch schema).");
                    }

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

                    var showErrors = parseResult.GetValue(errors);
                    // The shortest quote with the anchor: a quote nested in a longer one ("Moscow believes …" inside the envoy's sentence) is its own.
                    var quoteScore = ScoreClusters(output, labels, "quote", store.Quotes(null, int.MaxValue),
                        new FactView<StoredQuote>(q => q.DocumentKey, q => q.Text, q => q.Cluster, q => q.Speaker ?? "?"), showErrors);
                    output.WriteLine(Line("quote clusters", quoteScore.Items, $"quotes ({quoteScore.Labelled} labelled, {quoteScore.Missing} labelled quotes not extracted)", quoteScore.Score));

                    // Likewise for events: two events of one sentence ("… by a coalition, and the Syrian Army") share words.
                    var eventScore = ScoreClusters(output, labels, "event", store.Events(new EventFilter(), int.MaxValue),
                        new FactView<StoredEvent>(e => e.Document.Key, e => e.Text, e => e.Cluster, e => e.Code), showErrors);
                    output.WriteLine(Line("event clusters", eventScore.Items, $"events ({eventScore.Labelled} labelled, {eventScore.Missing} labelled events not coded)", eventScore.Score));

                    var failed = duplicates.F1 < parseResult.GetValue(minDuplicates) || quoteScore.Score.F1 < parseResult.GetValue(minQuotes)
                        || eventScore.Score.F1 < parseResult.GetValue(minEvents);
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

    /// <summary>How the cluster scorer reads a stored fact: its document, its text, its predicted cluster and a short tag for error lines.</summary>
    private sealed record FactView<T>(Func<T, string> Document, Func<T, string> Text, Func<T, long?> Cluster, Func<T, string> Tag);

    private readonly record struct ClusterScore(PairScore Score, int Items, int Labelled, int Missing);

    /// <summary>
    /// Pairwise scores of the stored facts' clusters against the labels of <paramref name="kind"/>. A label names its fact by
    /// document and an anchor phrase: the shortest fact of that document whose text holds the anchor. Unlabelled facts stand alone.
    /// </summary>
    private static ClusterScore ScoreClusters<T>(TextWriter output, List<Label> labels, string kind, IReadOnlyList<T> facts, FactView<T> view, bool showErrors)
    {
        var gold = new Dictionary<int, string>();
        var missing = 0;
        foreach (var label in labels.Where(l => l.Kind == kind))
        {
            var match = Enumerable.Range(0, facts.Count)
                .Where(i => Path.GetFileName(view.Document(facts[i])) == label.Document && view.Text(facts[i]).Contains(label.Anchor, StringComparison.Ordinal))
                .OrderBy(i => view.Text(facts[i]).Length)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (match is { } index)
            {
                gold.TryAdd(index, label.Cluster);
            }
            else
            {
                missing++;
            }
        }

        string GoldOf(int i) => gold.TryGetValue(i, out var cluster) ? "gold:" + cluster : "alone:" + i.ToString(CultureInfo.InvariantCulture);
        string PredictedOf(int i) => view.Cluster(facts[i]) is { } cluster
            ? "cluster:" + cluster.ToString(CultureInfo.InvariantCulture)
            : "alone:" + i.ToString(CultureInfo.InvariantCulture);
        var ids = Enumerable.Range(0, facts.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var score = Score(ids, id => GoldOf(int.Parse(id, CultureInfo.InvariantCulture)), id => PredictedOf(int.Parse(id, CultureInfo.InvariantCulture)));
        if (showErrors)
        {
            string Show(int i)
            {
                var text = view.Text(facts[i]);
                return $"{Path.GetFileName(view.Document(facts[i]))} {view.Tag(facts[i])}: {(text.Length > 60 ? text[..60] + "…" : text)}";
            }

            for (var i = 0; i < facts.Count; i++)
            {
                for (var j = i + 1; j < facts.Count; j++)
                {
                    var isGold = GoldOf(i) == GoldOf(j);
                    var isPredicted = PredictedOf(i) == PredictedOf(j);
                    if (isGold != isPredicted)
                    {
                        output.WriteLine($"  {(isGold ? "missed" : "wrong ")}  {Show(i)}  |  {Show(j)}");
                    }
                }
            }
        }

        return new ClusterScore(score, facts.Count, gold.Count, missing);
    }

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
