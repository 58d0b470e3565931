using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Scoring;
using Dossier.Evaluation.Syntax;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval raw --conllu FILE</c>: the whole syntax pipeline from raw text, CoNLL 2018 end-to-end scores.</summary>
internal static class EvalRawCommand
{
    public static Command Create()
    {
        var conllu = new Option<string>("--conllu") { Description = "CoNLL-U file; its '# text' lines are the raw input.", Required = true };
        var minLas = new Option<double?>("--min-las") { Description = "Fail (exit 1) when LAS F1 (percent) is below this floor." };
        var command = new Command("raw", "Score tokeniser + sentence splitter + tagger + parser from raw text (CoNLL 2018 end-to-end F1).") { conllu, minLas };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var path = parseResult.GetRequiredValue(conllu);
                CommandErrors.RequireFile(path, "CoNLL-U file");
                var gold = SegmentationGold.FromConllu(ConlluReader.ReadFile(path));
                var document = SegmentationPipelines.Parsed(ArticleLayout.Plain).Build().Process(new Document("gold", gold.Text));
                var scores = RawTextSyntaxScorer.Score(document, gold);
                output.WriteLine($"Raw-text pipeline on {Path.GetFileName(path)} ({gold.Words.Count:N0} gold words)");
                foreach (var (name, score) in new[] { ("words", scores.Words), ("UPOS", scores.Upos), ("UAS", scores.Uas), ("LAS", scores.Las) })
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-6} P {100 * score.Precision,6:F2}  R {100 * score.Recall,6:F2}  F1 {100 * score.F1,6:F2}"));
                }

                return EvalTokenizeCommand.Floor(output, "LAS F1", scores.Las, parseResult.GetValue(minLas)) ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
    }
}
