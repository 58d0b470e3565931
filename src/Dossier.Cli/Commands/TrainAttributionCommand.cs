using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Corpora.PolNear;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train attribution --polnear DIR --out FILE</c>: learns which verbs are attribution cues.</summary>
internal static class TrainAttributionCommand
{
    public static Command Create()
    {
        var polnear = new Option<string>("--polnear") { Description = "A PolNeAR training split folder (text/ and attributions/).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (gzip).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Random seed for the example order.", DefaultValueFactory = _ => 1 };
        var command = new Command("attribution", "Train the attribution-cue classifier (averaged perceptron over parsed verbs) on PolNeAR.")
        {
            polnear, output, epochs, seed,
        };
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var folder = parseResult.GetRequiredValue(polnear);
                if (!Directory.Exists(folder))
                {
                    throw new UserInputException($"PolNeAR folder '{folder}' was not found.");
                }

                var stopwatch = Stopwatch.StartNew();
                var pipeline = SegmentationPipelines.Parsed(ArticleLayout.Plain).Build();
                var examples = new List<AttributionCueExample>();
                foreach (var article in PolNearReader.ReadSplit(folder))
                {
                    var document = pipeline.Process(new Document(article.Name, article.Text));
                    examples.Add(new AttributionCueExample(document, [.. article.Attributions.SelectMany(a => a.Cue)]));
                    if (examples.Count % 100 == 0)
                    {
                        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parsed {examples.Count} articles ({stopwatch.Elapsed.TotalSeconds:F0} s)"));
                    }
                }

                var model = AttributionCueTrainer.Train(examples, parseResult.GetValue(epochs), parseResult.GetValue(seed), (epoch, accuracy) =>
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: training accuracy {100 * accuracy:F2}% ({stopwatch.Elapsed.TotalSeconds:F0} s)")));
                var outPath = parseResult.GetRequiredValue(output);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
                using (var stream = File.Create(outPath))
                {
                    model.Save(stream);
                }

                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model written to {outPath} ({new FileInfo(outPath).Length / 1024.0:F0} KiB) from {examples.Count} articles"));
                return CommandErrors.Success;
            });
        });
        return command;
    }
}
