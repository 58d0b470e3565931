using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Entities;
using Dossier.Corpora.Conll2003;
using Dossier.Evaluation.Entities;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier train ner</c>, <c>dossier train clusters</c> and <c>dossier eval ner</c>: training and
/// scoring the named-entity recognizer on CoNLL-2003 files. Every failure the user can cause
/// (missing file, bad format, score under the floor) is one line on the error writer and exit code 1.
/// </summary>
internal static class NerCommands
{
    public static Command Train()
    {
        var trainFile = new Option<string>("--train") { Description = "CoNLL-2003 training file.", Required = true };
        var devFile = new Option<string?>("--dev") { Description = "CoNLL-2003 development file; the epoch that scores best on it is kept." };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron epochs per pass.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed (same seed, same model).", DefaultValueFactory = _ => 1 };
        var clusters = new Option<string?>("--clusters") { Description = "Word-cluster file from 'dossier train clusters' (default: models/reuters-clusters.tsv.gz when present)." };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Train without word clusters." };
        var gazetteers = new Option<string?>("--gazetteers") { Description = "Folder of name lists (*.txt, one phrase per line; default: data/gazetteers when present)." };
        var noGazetteers = new Option<bool>("--no-gazetteers") { Description = "Train without name lists." };
        var knowledge = new Option<string?>("--knowledge") { Description = "Knowledge base folder whose names become name lists (default: data/knowledge when present)." };
        var noKnowledge = new Option<bool>("--no-knowledge") { Description = "Train without the knowledge base's names." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => 2 };
        var onePass = new Option<bool>("--one-pass") { Description = "Skip the document-consistency second pass." };
        var noLexicon = new Option<bool>("--no-lexicon") { Description = "Do not use the training data's names as a gazetteer." };
        var runs = new Option<int>("--runs") { Description = "Perceptrons per pass (seeds seed, seed+1, …) whose weights are averaged.", DefaultValueFactory = _ => 3 };
        var command = new Command("ner", "Train the named-entity recognizer on CoNLL-2003 data.")
        {
            trainFile, devFile, output, epochs, seed, clusters, noClusters, gazetteers, noGazetteers, knowledge, noKnowledge, minCount, onePass, noLexicon, runs,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var trainPath = parseResult.GetValue(trainFile)!;
                var devPath = parseResult.GetValue(devFile);
                var clustersPath = parseResult.GetValue(noClusters) ? null : parseResult.GetValue(clusters) ?? Existing("models/reuters-clusters.tsv.gz");
                var gazetteerFolder = parseResult.GetValue(noGazetteers) ? null : parseResult.GetValue(gazetteers) ?? Existing("data/gazetteers");
                var knowledgeFolder = parseResult.GetValue(noKnowledge) ? null : parseResult.GetValue(knowledge) ?? Existing("data/knowledge");
                foreach (var path in new[] { trainPath, devPath, clustersPath })
                {
                    if (path is not null && !File.Exists(path))
                    {
                        error.WriteLine($"error: file '{path}' not found.");
                        return 1;
                    }
                }

                foreach (var folder in new[] { gazetteerFolder, knowledgeFolder })
                {
                    if (folder is not null && !Directory.Exists(folder))
                    {
                        error.WriteLine($"error: folder '{folder}' not found.");
                        return 1;
                    }
                }

                var gazetteerFiles = gazetteerFolder is null ? [] : Directory.GetFiles(gazetteerFolder, "*.txt").Order(StringComparer.Ordinal).ToArray();
                var train = ReadDocuments(trainPath);
                var dev = devPath is null ? [] : ReadDocuments(devPath);
                var options = new EntityTrainingOptions(
                    Epochs: parseResult.GetValue(epochs),
                    Seed: parseResult.GetValue(seed),
                    MinFeatureCount: parseResult.GetValue(minCount),
                    SecondPass: !parseResult.GetValue(onePass),
                    Lexicon: !parseResult.GetValue(noLexicon),
                    Runs: parseResult.GetValue(runs));
                var description = string.Create(
                    CultureInfo.InvariantCulture,
                    $"CoNLL-2003 train ({train.Count} documents); epochs {options.Epochs}, seed {options.Seed}, runs {options.Runs}, min-count {options.MinFeatureCount}, " +
                    $"{(options.SecondPass ? "two passes" : "one pass")}, {(options.Lexicon ? "training-name lexicon" : "no lexicon")}; clusters {Path.GetFileName(clustersPath) ?? "none"}; " +
                    $"gazetteers {string.Join(',', gazetteerFiles.Select(Path.GetFileNameWithoutExtension))}; knowledge {(knowledgeFolder is null ? "none" : "countries+actors")}");
                writer.WriteLine($"training on {train.Count:N0} documents ({train.Sum(d => d.Tokens.Length):N0} tokens), {gazetteerFiles.Length} name lists, knowledge: {knowledgeFolder ?? "none"}, clusters: {clustersPath ?? "none"}");
                var clock = Stopwatch.StartNew();
                var recognizer = EntityTraining.Train(train, dev, options, clustersPath, gazetteerFiles, knowledgeFolder, description, line => writer.WriteLine(line));
                recognizer.Save(parseResult.GetValue(output)!);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {parseResult.GetValue(output)} ({new FileInfo(parseResult.GetValue(output)!).Length / 1024.0 / 1024:F1} MB) in {clock.Elapsed.TotalSeconds:F0} s"));
                return 0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    public static Command TrainClusters()
    {
        var text = new Option<string>("--text") { Description = "Unlabelled text, one document per line.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the clusters (tab-separated, gzip).", Required = true };
        var command = new Command("clusters", "Learn word clusters and casing counts from unlabelled text (for 'train ner').") { text, output };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(text)!;
            if (!File.Exists(path))
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"error: file '{path}' not found.");
                return 1;
            }

            var clock = Stopwatch.StartNew();
            EntityTraining.LearnClusters(path, parseResult.GetValue(output)!, line => writer.WriteLine(line));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {parseResult.GetValue(output)} in {clock.Elapsed.TotalSeconds:F0} s"));
            return 0;
        });
        return command;
    }

    public static Command Eval()
    {
        var conll = new Option<string>("--conll") { Description = "CoNLL-2003 file with gold entity tags.", Required = true };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped ner-conll2003.bin.gz)." };
        var minF1 = new Option<double?>("--min-f1") { Description = "Fail (exit 1) when overall F1, in percent, is below this floor." };
        var onePass = new Option<bool>("--one-pass") { Description = "Run the first pass only (faster, no document consistency)." };
        var errors = new Option<string?>("--errors") { Description = "Write every missed or spurious mention, with its sentence, to this file." };
        var command = new Command("ner", "Score the named-entity recognizer on a CoNLL-2003 file (conlleval definition).") { conll, model, minF1, onePass, errors };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var path = parseResult.GetValue(conll)!;
                var modelPath = parseResult.GetValue(model);
                foreach (var file in new[] { path, modelPath })
                {
                    if (file is not null && !File.Exists(file))
                    {
                        error.WriteLine($"error: file '{file}' not found.");
                        return 1;
                    }
                }

                var secondPass = !parseResult.GetValue(onePass);
                var recognizer = modelPath is null ? EntityRecognizer.LoadDefault(secondPass) : EntityRecognizer.Load(modelPath, secondPass);
                var gold = ReadDocuments(path);
                var inputs = gold.Select(d => d with { Mentions = [] }).ToList();

                // Warm up the JIT on a few documents so tokens/s measures steady-state tagging.
                foreach (var document in inputs.Take(20))
                {
                    recognizer.Process(document, CancellationToken.None);
                }

                // The machine is shared: time three runs and keep the fastest, the least disturbed one.
                var scorer = new EntityScorer();
                var tokens = inputs.Sum(d => d.Tokens.Length);
                var predicted = new Document[inputs.Count];
                // CPU time is reported too: on a busy machine it excludes the time spent waiting for a core.
                var seconds = double.MaxValue;
                var cpuSeconds = double.MaxValue;
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                for (var run = 0; run < 3; run++)
                {
                    process.Refresh();
                    var cpuStart = process.TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < inputs.Count; i++)
                    {
                        predicted[i] = recognizer.Process(inputs[i], CancellationToken.None);
                    }

                    seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
                    process.Refresh();
                    cpuSeconds = Math.Min(cpuSeconds, (process.TotalProcessorTime - cpuStart).TotalSeconds);
                }

                for (var i = 0; i < inputs.Count; i++)
                {
                    scorer.Add(predicted[i], gold[i]);
                }

                var score = scorer.Score();
                if (parseResult.GetValue(errors) is { } errorsPath)
                {
                    WriteErrors(errorsPath, predicted, gold);
                }
                writer.WriteLine($"{Path.GetFileName(path)}: {gold.Count:N0} documents, {gold.Sum(d => d.Sentences.Length):N0} sentences, {tokens:N0} tokens; {(secondPass ? "two passes" : "first pass only")}");
                writer.WriteLine("type        precision   recall       F1     gold  predicted  correct");
                foreach (var (type, prf) in score.ByType)
                {
                    writer.WriteLine(Row(type, prf));
                }

                writer.WriteLine(Row("overall", score.Overall));
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"speed: {tokens / seconds:N0} tokens/s wall clock, {tokens / Math.Max(cpuSeconds, 1e-9):N0} tokens/s of CPU time (one thread, tagging only, fastest of 3 runs: {seconds:F2} s, {cpuSeconds:F2} s CPU)"));
                var floor = parseResult.GetValue(minF1);
                if (floor is not null && score.Overall.F1 * 100 < floor.Value)
                {
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: F1 {score.Overall.F1 * 100:F2} is below the floor {floor.Value:F2}."));
                    return 1;
                }

                return 0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or InvalidDataException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void WriteErrors(string path, Document[] predicted, List<Document> gold)
    {
        using var writer = new StreamWriter(path);
        for (var d = 0; d < gold.Count; d++)
        {
            var goldSet = gold[d].Mentions.Select(m => (m.FirstToken, m.EndToken, m.Type)).ToHashSet();
            var predictedSet = predicted[d].Mentions.Select(m => (m.FirstToken, m.EndToken, m.Type)).ToHashSet();
            foreach (var sentence in gold[d].Sentences)
            {
                var missed = gold[d].Mentions.Where(m => m.FirstToken >= sentence.FirstToken && m.EndToken <= sentence.EndToken && !predictedSet.Contains((m.FirstToken, m.EndToken, m.Type))).ToList();
                var spurious = predicted[d].Mentions.Where(m => m.FirstToken >= sentence.FirstToken && m.EndToken <= sentence.EndToken && !goldSet.Contains((m.FirstToken, m.EndToken, m.Type))).ToList();
                if (missed.Count + spurious.Count == 0)
                {
                    continue;
                }

                writer.WriteLine($"{gold[d].Id}: {gold[d].TextOf(sentence.Span)}");
                foreach (var mention in missed)
                {
                    writer.WriteLine($"  missed   {mention.Type,-5} {gold[d].TextOf(mention.Span)}");
                }

                foreach (var mention in spurious)
                {
                    writer.WriteLine($"  spurious {mention.Type,-5} {gold[d].TextOf(mention.Span)}");
                }
            }
        }
    }

    private static string Row(string name, PrfScore score) => string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-10} {score.Precision * 100,10:F2} {score.Recall * 100,8:F2} {score.F1 * 100,8:F2} {score.Gold,8} {score.Predicted,10} {score.Correct,8}");

    private static List<Document> ReadDocuments(string path)
    {
        var documents = Conll2003Reader.ReadFile(path);
        var result = new List<Document>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            result.Add(documents[i].ToDocument(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}#{i + 1}")));
        }

        return result;
    }

    private static string? Existing(string path) => File.Exists(path) || Directory.Exists(path) ? path : null;
}
