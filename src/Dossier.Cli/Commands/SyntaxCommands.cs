using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Models;
using Dossier.Analysis.Syntax;
using Dossier.Evaluation.Syntax;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier train tagger|parser</c> and <c>dossier eval tagger|parser</c>: training and scoring of
/// the syntax models on CoNLL-U treebanks (gold tokenisation).
/// </summary>
internal static class SyntaxCommands
{
    public static Command TrainTagger()
    {
        var trainFile = new Option<string>("--train") { Description = "Training treebank (CoNLL-U).", Required = true };
        var devFile = new Option<string?>("--dev") { Description = "Development treebank (CoNLL-U) scored after each epoch; the best epoch is kept." };
        var outFile = new Option<string>("--out") { Description = "Where to write the model (.gz).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed; equal seeds give identical models.", DefaultValueFactory = _ => 1 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => new TaggerTrainingOptions().Prune };
        var stack = new Option<int>("--stack")
        {
            Description = "Train a second, stacked pass on the first pass's tags, jack-knifed in this many folds (0: one pass).",
            DefaultValueFactory = _ => 0,
        };
        var rightToLeft = new Option<bool>("--right-to-left") { Description = "The first pass tags each sentence from its last word to its first." };
        var (clusters, noClusters) = ClusterOptions();
        var command = new Command("tagger", "Train the POS tagger, lemmatiser and feature lexicon.")
        {
            trainFile, devFile, outFile, epochs, seed, prune, stack, rightToLeft, clusters, noClusters,
        };
        command.SetAction(parseResult => Guarded(parseResult, (output, _) =>
        {
            var clock = Stopwatch.StartNew();
            var train = SyntaxCorpus.Read(parseResult.GetValue(trainFile)!);
            var dev = parseResult.GetValue(devFile) is { } devPath ? SyntaxCorpus.Read(devPath) : null;
            var clusterLexicon = LoadClusters(parseResult, clusters, noClusters, output);
            output.WriteLine(Invariant($"training tagger on {train.Count} sentences ({train.Sum(s => s.Length)} words)"));
            var model = PosTaggerTrainer.Train(
                train,
                dev,
                new TaggerTrainingOptions(
                    parseResult.GetValue(epochs), parseResult.GetValue(seed), parseResult.GetValue(prune), clusterLexicon, parseResult.GetValue(stack),
                    parseResult.GetValue(rightToLeft)),
                output.WriteLine);
            var path = parseResult.GetValue(outFile)!;
            model.Save(path);
            output.WriteLine(Invariant($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalMinutes:F1} min"));
            return 0;
        }));
        return command;
    }

    public static Command EvalTagger()
    {
        var conllu = new Option<string>("--conllu") { Description = "Gold treebank (CoNLL-U) to score against.", Required = true };
        var model = new Option<string?>("--model") { Description = "Tagger model (default: the shipped en-ewt-tagger.gz)." };
        var minUpos = new Option<double?>("--min-upos") { Description = "Fail (exit 1) when UPOS accuracy is below this." };
        var confusions = new Option<int>("--confusions") { Description = "Also print the N most frequent UPOS confusions.", DefaultValueFactory = _ => 0 };
        var command = new Command("tagger", "Score the POS tagger and lemmatiser on a treebank with gold tokenisation.") { conllu, model, minUpos, confusions };
        command.SetAction(parseResult => Guarded(parseResult, (output, error) =>
        {
            var gold = SyntaxCorpus.Read(parseResult.GetValue(conllu)!);
            var tagger = LoadTagger(parseResult.GetValue(model), output);
            WarmUp(gold, s => Tag(tagger, s));
            var clock = Stopwatch.StartNew();
            var predicted = gold.Select(s => Tag(tagger, s)).ToArray();
            var seconds = clock.Elapsed.TotalSeconds;
            var scores = SyntaxScorer.Score(gold, predicted);
            output.WriteLine(Invariant($"UPOS {scores.Upos:F2}  XPOS {scores.Xpos:F2}  UFeats {scores.UFeats:F2}  Lemma {scores.Lemma:F2}  ({scores.Words} words)"));
            output.WriteLine(Invariant($"tagger speed {scores.Words / seconds:N0} tokens/s (one thread, tagging + lemmas + features)"));
            foreach (var (goldTag, predictedTag, count) in SyntaxScorer.UposConfusions(gold, predicted, parseResult.GetValue(confusions)))
            {
                output.WriteLine(Invariant($"  {goldTag,-6} -> {predictedTag,-6} {count}"));
            }

            return Floor(error, "UPOS", scores.Upos, parseResult.GetValue(minUpos));
        }));
        return command;
    }

    public static Command TrainParser()
    {
        var trainFile = new Option<string>("--train") { Description = "Training treebank (CoNLL-U).", Required = true };
        var devFile = new Option<string?>("--dev") { Description = "Development treebank (CoNLL-U), tagged by --tagger and scored after each epoch; the best epoch is kept." };
        var outFile = new Option<string>("--out") { Description = "Where to write the model (.gz).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Shuffle and exploration seed; equal seeds give identical models.", DefaultValueFactory = _ => 1 };
        var tagger = new Option<string?>("--tagger") { Description = "Tagger model that tags the dev set (default: the shipped en-ewt-tagger.gz)." };
        var jackknife = new Option<int>("--jackknife") { Description = "Train on tags predicted by N held-out taggers instead of gold tags (0 = gold).", DefaultValueFactory = _ => 0 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this.", DefaultValueFactory = _ => new ParserTrainingOptions().Prune };
        var beam = new Option<int>("--beam") { Description = "Beam width: 1 = greedy with the dynamic oracle; K > 1 = global beam training (the model decodes with K).", DefaultValueFactory = _ => 1 };
        var decodeBeam = new Option<int?>("--decode-beam") { Description = "Beam width the saved model decodes with by default (default: --beam)." };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N sentences only (for quick measurements)." };
        var (clusters, noClusters) = ClusterOptions();
        var command = new Command("parser", "Train the dependency parser.") { trainFile, devFile, outFile, epochs, seed, tagger, jackknife, prune, beam, decodeBeam, limit, clusters, noClusters };
        command.SetAction(parseResult => Guarded(parseResult, (output, _) =>
        {
            var clock = Stopwatch.StartNew();
            var train = SyntaxCorpus.Read(parseResult.GetValue(trainFile)!);
            if (parseResult.GetValue(limit) is { } first)
            {
                train = [.. train.Take(first)];
            }

            var beamWidth = parseResult.GetValue(beam);
            if (beamWidth < 1)
            {
                throw new FormatException("--beam must be at least 1.");
            }

            var decodeWidth = parseResult.GetValue(decodeBeam) ?? beamWidth;
            if (decodeWidth < 1)
            {
                throw new FormatException("--decode-beam must be at least 1.");
            }

            var clusterLexicon = LoadClusters(parseResult, clusters, noClusters, output);
            IReadOnlyList<AnnotatedSentence>? dev = null;
            if (parseResult.GetValue(devFile) is { } devPath)
            {
                var taggerModel = LoadTagger(parseResult.GetValue(tagger), output);
                dev = [.. SyntaxCorpus.Read(devPath).Select(s => Tag(taggerModel, s))];
            }

            var folds = parseResult.GetValue(jackknife);
            if (folds >= 2)
            {
                // The held-out taggers are trained like the tagger that will feed the parser (clusters, one or two
                // passes, direction), so their errors look like its errors.
                var like = LoadTagger(parseResult.GetValue(tagger), output);
                var options = new TaggerTrainingOptions(
                    Seed: parseResult.GetValue(seed),
                    Clusters: clusterLexicon,
                    StackFolds: like.IsStacked ? JackknifeStackFolds : 0,
                    FirstPassRightToLeft: like.FirstPassRightToLeft);
                train = Jackknife.Tag(train, folds, options, output.WriteLine);
            }

            var path = parseResult.GetValue(outFile)!;
            output.WriteLine(Invariant(
                $"training parser on {train.Count} sentences ({train.Sum(s => s.Length)} words), {(folds >= 2 ? "jack-knifed" : "gold")} tags, {(beamWidth > 1 ? $"beam {beamWidth}" : "greedy")}"));
            var model = DependencyParserTrainer.Train(
                train,
                dev,
                new ParserTrainingOptions(parseResult.GetValue(epochs), parseResult.GetValue(seed), parseResult.GetValue(prune), Clusters: clusterLexicon, BeamWidth: beamWidth),
                output.WriteLine,
                best => best.WithBeamWidth(decodeWidth).Save(path)); // saved at each new best epoch, so a long run can be stopped early
            model.WithBeamWidth(decodeWidth).Save(path);
            output.WriteLine(Invariant($"wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalMinutes:F1} min"));
            return 0;
        }));
        return command;
    }

    private const string DefaultClusters = "models/reuters-clusters.tsv.gz";

    // Folds of a stacked held-out tagger's own first pass (the shipped tagger is trained with --stack 4).
    private const int JackknifeStackFolds = 4;

    private static (Option<string?> Clusters, Option<bool> NoClusters) ClusterOptions() =>
        (new Option<string?>("--clusters") { Description = $"Word-cluster file from 'dossier train clusters' (default: {DefaultClusters} when present)." },
         new Option<bool>("--no-clusters") { Description = "Train without word-cluster features." });

    private static ClusterLexicon LoadClusters(ParseResult parseResult, Option<string?> clusters, Option<bool> noClusters, TextWriter output)
    {
        if (parseResult.GetValue(noClusters))
        {
            output.WriteLine("no word clusters");
            return ClusterLexicon.Empty;
        }

        var path = parseResult.GetValue(clusters) ?? (File.Exists(DefaultClusters) ? DefaultClusters : null);
        if (path is null)
        {
            output.WriteLine(Invariant($"no word clusters ({DefaultClusters} not found)"));
            return ClusterLexicon.Empty;
        }

        var lexicon = ClusterLexicon.Load(path);
        output.WriteLine(Invariant($"word clusters: {lexicon.Count:N0} forms from {path}"));
        return lexicon;
    }

    public static Command EvalParser()
    {
        var conllu = new Option<string>("--conllu") { Description = "Gold treebank (CoNLL-U) to score against.", Required = true };
        var taggerModel = new Option<string?>("--tagger") { Description = "Tagger model (default: the shipped en-ewt-tagger.gz)." };
        var parserModel = new Option<string?>("--parser") { Description = "Parser model (default: the shipped en-ewt-parser.gz)." };
        var minUpos = new Option<double?>("--min-upos") { Description = "Fail (exit 1) when UPOS accuracy is below this." };
        var minUas = new Option<double?>("--min-uas") { Description = "Fail (exit 1) when UAS is below this." };
        var minLas = new Option<double?>("--min-las") { Description = "Fail (exit 1) when LAS is below this." };
        var beam = new Option<int?>("--beam") { Description = "Decode with this beam width (1 = greedy) instead of the model's own." };
        var command = new Command("parser", "Score tagger + parser (predicted tags) on a treebank with gold tokenisation.")
        {
            conllu, taggerModel, parserModel, minUpos, minUas, minLas, beam,
        };
        command.SetAction(parseResult => Guarded(parseResult, (output, error) =>
        {
            var gold = SyntaxCorpus.Read(parseResult.GetValue(conllu)!);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var tagger = LoadTagger(parseResult.GetValue(taggerModel), output);
            var parserPath = parseResult.GetValue(parserModel) ?? ModelFiles.PathOf(DependencyParser.ModelFileName);
            var loadClock = Stopwatch.StartNew();
            var parser = DependencyParserModel.Load(parserPath);
            output.WriteLine(Invariant($"loaded {parserPath} in {loadClock.Elapsed.TotalMilliseconds:F0} ms"));
            if (parseResult.GetValue(beam) is { } width)
            {
                if (width < 1)
                {
                    throw new FormatException("--beam must be at least 1.");
                }

                parser = parser.WithBeamWidth(width);
            }

            output.WriteLine(Invariant($"parser beam width {parser.BeamWidth}{(parser.BeamWidth == 1 ? " (greedy)" : string.Empty)}"));
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            output.WriteLine(Invariant($"both models use {(heapAfter - heapBefore) / 1024.0 / 1024.0:F0} MB of managed memory"));
            GC.KeepAlive(tagger);
            GC.KeepAlive(parser);

            WarmUp(gold, s => Parse(parser, Tag(tagger, s)));
            var clock = Stopwatch.StartNew();
            var tagged = gold.Select(s => Tag(tagger, s)).ToArray();
            var tagSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var predicted = tagged.Select(s => Parse(parser, s)).ToArray();
            var parseSeconds = clock.Elapsed.TotalSeconds;
            var scores = SyntaxScorer.Score(gold, predicted);
            output.WriteLine(Invariant($"UPOS {scores.Upos:F2}  XPOS {scores.Xpos:F2}  UFeats {scores.UFeats:F2}  Lemma {scores.Lemma:F2}  UAS {scores.Uas:F2}  LAS {scores.Las:F2}  ({scores.Words} words)"));
            output.WriteLine(Invariant($"tagger speed {scores.Words / tagSeconds:N0} tokens/s, parser speed {scores.Words / parseSeconds:N0} tokens/s (one thread)"));
            var failed = Floor(error, "UPOS", scores.Upos, parseResult.GetValue(minUpos))
                | Floor(error, "UAS", scores.Uas, parseResult.GetValue(minUas))
                | Floor(error, "LAS", scores.Las, parseResult.GetValue(minLas));
            return failed;
        }));
        return command;
    }

    internal static AnnotatedSentence Parse(DependencyParserModel parser, AnnotatedSentence sentence)
    {
        var (heads, relations) = parser.Parse(sentence.Forms, sentence.Xpos);
        return sentence with { Heads = [.. heads], Relations = [.. relations] };
    }

    internal static AnnotatedSentence Tag(PosTaggerModel tagger, AnnotatedSentence sentence)
    {
        var tags = tagger.Tag(sentence.Forms);
        return sentence with
        {
            Upos = [.. tags.Select(t => t.Upos)],
            Xpos = [.. tags.Select(t => t.Xpos)],
            Lemmas = [.. tags.Select(t => t.Lemma)],
            Features = [.. tags.Select(t => t.Features)],
        };
    }

    private static PosTaggerModel LoadTagger(string? path, TextWriter output)
    {
        path ??= ModelFiles.PathOf(PosTagger.ModelFileName);
        var clock = Stopwatch.StartNew();
        var model = PosTaggerModel.Load(path);
        output.WriteLine(Invariant($"loaded {path} in {clock.Elapsed.TotalMilliseconds:F0} ms"));
        return model;
    }

    /// <summary>
    /// Runs the first sentences once before timing, so the speed printed is the steady state
    /// (after tiered JIT compilation) that a long-running analysis sees.
    /// </summary>
    private static void WarmUp(IReadOnlyList<AnnotatedSentence> sentences, Action<AnnotatedSentence> run)
    {
        for (var i = 0; i < Math.Min(sentences.Count, 1000); i++)
        {
            run(sentences[i]);
        }
    }

    private static int Floor(TextWriter error, string name, double value, double? floor)
    {
        if (floor is { } minimum && value < minimum)
        {
            error.WriteLine(Invariant($"{name} {value:F2} is below the floor {minimum:F2}."));
            return 1;
        }

        return 0;
    }

    /// <summary>Runs <paramref name="body"/> and turns expected failures (missing or malformed files) into one line.</summary>
    private static int Guarded(ParseResult parseResult, Func<TextWriter, TextWriter, int> body)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(output, error);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
