using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Scoring;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval tokenize --conllu FILE</c>: token, word and sentence F1 from raw text.</summary>
internal static class EvalTokenizeCommand
{
    public static Command Create()
    {
        var conllu = new Option<string>("--conllu") { Description = "CoNLL-U file whose '# text' lines give the raw text and whose tokens are gold.", Required = true };
        var minTokens = new Option<double?>("--min-tokens") { Description = "Fail (exit 1) when token F1 (percent) is below this floor." };
        var minWords = new Option<double?>("--min-words") { Description = "Fail (exit 1) when word F1 (percent) is below this floor." };
        var minSentences = new Option<double?>("--min-sentences") { Description = "Fail (exit 1) when sentence F1 (percent) is below this floor." };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Split sentences by the rules alone, without the learned boundary model." };
        var errors = new Option<int>("--errors") { Description = "Also list up to N missed and N spurious tokens and sentences, in context." };
        var command = new Command("tokenize", "Score tokenisation and sentence segmentation from raw text (CoNLL 2018 definitions).")
        {
            conllu, minTokens, minWords, minSentences, errors, rulesOnly,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return CommandErrors.Guard(error, () =>
            {
                var path = parseResult.GetRequiredValue(conllu);
                CommandErrors.RequireFile(path, "CoNLL-U file");
                var gold = SegmentationGold.FromConllu(ConlluReader.ReadFile(path));
                var pipeline = (parseResult.GetValue(rulesOnly) ? SegmentationPipelines.Create(ArticleLayout.Plain, model: null) : SegmentationPipelines.Create(ArticleLayout.Plain)).Build();
                var scores = SegmentationEvaluator.Evaluate(gold, pipeline);
                output.WriteLine($"Segmentation of {Path.GetFileName(path)} from raw text ({gold.Text.Length:N0} characters; gold: {gold.Tokens.Count:N0} tokens, {gold.Words.Count:N0} words, {gold.Sentences.Count:N0} sentences)");
                output.WriteLine($"{"layer",-10} {"precision",10} {"recall",10} {"F1",10}");
                Row(output, "tokens", scores.Tokens);
                Row(output, "words", scores.Words);
                Row(output, "sentences", scores.Sentences);
                if (gold.UnplacedWords + gold.UnalignedTokens > 0)
                {
                    output.WriteLine($"(left out of the gold: {gold.UnplacedWords} words of multi-word tokens that do not spell their surface form, {gold.UnalignedTokens} tokens not found in '# text')");
                }

                var perSecond = scores.Characters / Math.Max(scores.Elapsed.TotalSeconds, 1e-9);
                output.WriteLine($"time: {scores.Elapsed.TotalMilliseconds:F0} ms for one cold pass ({perSecond / 1e6:F1} M characters/s; see 'dotnet run -c Release --project bench/Dossier.Benchmarks' for steady-state speed)");

                if (parseResult.GetValue(errors) is > 0 and var count)
                {
                    ListErrors(output, gold, scores, count);
                }

                var passed = Floor(output, "token F1", scores.Tokens, parseResult.GetValue(minTokens))
                    & Floor(output, "word F1", scores.Words, parseResult.GetValue(minWords))
                    & Floor(output, "sentence F1", scores.Sentences, parseResult.GetValue(minSentences));
                return passed ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
    }

    private static void ListErrors(TextWriter output, SegmentationGold gold, SegmentationScores scores, int count)
    {
        var document = scores.Predicted;
        var surface = new List<TextSpan>();
        foreach (var token in document.Tokens)
        {
            if (token.ContinuesWord && surface.Count > 0)
            {
                surface[^1] = new TextSpan(surface[^1].Start, token.Span.End);
            }
            else
            {
                surface.Add(token.Span);
            }
        }

        var (missedTokens, spuriousTokens) = SegmentationScores.Differences(surface, gold.Tokens);
        var (missedSentences, spuriousSentences) = SegmentationScores.Differences([.. document.Sentences.Select(s => s.Span)], gold.Sentences);
        Show(output, "missed token", gold.Text, missedTokens, count, 20);
        Show(output, "spurious token", gold.Text, spuriousTokens, count, 20);
        Show(output, "missed sentence end", gold.Text, [.. missedSentences.Select(s => new TextSpan(s.End, s.End))], count, 40);
        Show(output, "spurious sentence end", gold.Text, [.. spuriousSentences.Select(s => new TextSpan(s.End, s.End))], count, 40);
    }

    private static void Show(TextWriter output, string what, string text, List<TextSpan> spans, int count, int context)
    {
        foreach (var span in spans.Distinct().Take(count))
        {
            var left = Math.Max(0, span.Start - context);
            var right = Math.Min(text.Length, span.End + context);
            var line = $"{text[left..span.Start]}[[{text[span.Start..span.End]}]]{text[span.End..right]}".ReplaceLineEndings(" ");
            output.WriteLine($"{what}: {line}");
        }
    }

    private static void Row(TextWriter output, string name, PrfScore score) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {100 * score.Precision,10:F2} {100 * score.Recall,10:F2} {100 * score.F1,10:F2}"));

    /// <summary>Prints and checks a floor; true when there is none or it is met.</summary>
    internal static bool Floor(TextWriter output, string name, PrfScore score, double? floor)
    {
        if (floor is not { } minimum)
        {
            return true;
        }

        var value = 100 * score.F1;
        var ok = value >= minimum;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok" : "FAIL")}: {name} {value:F2} {(ok ? ">=" : "<")} floor {minimum:F2}"));
        return ok;
    }
}
