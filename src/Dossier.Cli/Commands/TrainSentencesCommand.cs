using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Sentences;
using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train sentences</c>: learns the sentence-boundary model from CoNLL-U.</summary>
internal static class TrainSentencesCommand
{
    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "Training CoNLL-U file (its '# text' lines are the raw text).", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development CoNLL-U file, scored after every epoch." };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Random seed for the example order.", DefaultValueFactory = _ => 1 };
        var command = new Command("sentences", "Train the sentence-boundary classifier (averaged perceptron) on raw text rebuilt from CoNLL-U.")
        {
            train, dev, output, epochs, seed,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var trainPath = parseResult.GetRequiredValue(train);
                CommandErrors.RequireFile(trainPath, "Training file");
                var devPath = parseResult.GetValue(dev);
                if (devPath is not null)
                {
                    CommandErrors.RequireFile(devPath, "Development file");
                }

                var stopwatch = Stopwatch.StartNew();
                var tokenizer = SegmentationPipelines.Tokens(ArticleLayout.Plain).Build();
                var examples = new List<SentenceBoundaryExample>();
                foreach (var gold in SegmentationGold.PerDocument(ConlluReader.ReadFile(trainPath)))
                {
                    var document = tokenizer.Process(new Document("train", gold.Text));
                    examples.Add(new SentenceBoundaryExample(document, gold.Sentences.Select(span => span.End).ToHashSet()));
                }

                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} training documents read in {stopwatch.Elapsed.TotalSeconds:F1} s"));
                var devGold = devPath is null ? null : SegmentationGold.FromConllu(ConlluReader.ReadFile(devPath));
                var model = SentenceBoundaryTrainer.Train(examples, parseResult.GetValue(epochs), parseResult.GetValue(seed), (epoch, accuracy, snapshot) =>
                {
                    var line = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: training accuracy {100 * accuracy:F2}%");
                    if (devGold is not null)
                    {
                        var scores = SegmentationEvaluator.Evaluate(devGold, SegmentationPipelines.Create(ArticleLayout.Plain, snapshot).Build());
                        line += string.Create(CultureInfo.InvariantCulture, $", dev sentence F1 {100 * scores.Sentences.F1:F2}");
                    }

                    writer.WriteLine(line + string.Create(CultureInfo.InvariantCulture, $" ({stopwatch.Elapsed.TotalSeconds:F0} s)"));
                });

                var outPath = parseResult.GetRequiredValue(output);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
                using (var stream = File.Create(outPath))
                {
                    model.Save(stream);
                }

                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model written to {outPath} ({new FileInfo(outPath).Length / 1024.0:F0} KiB)"));
                return CommandErrors.Success;
            });
        });
        return command;
    }
}
