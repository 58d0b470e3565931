using System.Diagnostics;
using System.Globalization;

namespace Dossier.Analysis.Syntax;

/// <summary>Settings for <see cref="DependencyParserTrainer"/>.</summary>
/// <param name="Epochs">Passes over the training data; the epoch with the best dev LAS is kept.</param>
/// <param name="Seed">Seed of the shuffle and of exploration; equal seeds give identical models.</param>
/// <param name="Prune">Averaged weights smaller than this in magnitude are dropped.</param>
/// <param name="ExploreFrom">First epoch in which the trainer follows its own (possibly wrong) moves.</param>
/// <param name="ExploreProbability">How often it follows its own move from then on (Goldberg and Nivre use 0.9).</param>
/// <param name="Clusters">Word clusters for the cluster features (stored in the model); none when null.</param>
public sealed record ParserTrainingOptions(
    int Epochs = 15, int Seed = 1, float Prune = 0.05f, int ExploreFrom = 2, double ExploreProbability = 0.9, ClusterLexicon? Clusters = null);

/// <summary>
/// Trains a <see cref="DependencyParserModel"/> with the dynamic oracle: at each step the perceptron
/// is updated towards the best-scoring move of least cost whenever its own choice costs more, and
/// (after the first epoch) training follows its own choice, so it learns to recover from errors.
/// Single-threaded and deterministic for a seed.
/// </summary>
public static class DependencyParserTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> (using whatever XPOS it carries: gold or predicted) and
    /// reports UAS/LAS on <paramref name="dev"/> (which should carry predicted tags) after each epoch.
    /// </summary>
    public static DependencyParserModel Train(
        IReadOnlyList<AnnotatedSentence> train,
        IReadOnlyList<AnnotatedSentence>? dev,
        ParserTrainingOptions options,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var clusters = options.Clusters ?? ClusterLexicon.Empty;
        var wordLexicon = new LexiconBuilder();
        var tagLexicon = new LexiconBuilder();
        var relations = new List<string>();
        var relationOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = new Prepared[train.Count];
        for (var s = 0; s < train.Count; s++)
        {
            var sentence = train[s];
            var n = sentence.Length;
            var prepared = new Prepared(
                new int[n + 1], new int[n + 1], new int[n + 1], new int[n + 1], new int[n + 1][],
                DependencyParserModel.PunctuationCounts(sentence.Xpos.AsSpan()), new int[n + 1],
                DependencyParserModel.ClusterAtoms(clusters, [.. sentence.Forms.Select(FormNormalizer.Normalize)]));
            var children = new List<int>[n + 1];
            for (var i = 0; i <= n; i++)
            {
                children[i] = [];
            }

            for (var i = 1; i <= n; i++)
            {
                var lower = Lemmatizer.LowerIfNeeded(FormNormalizer.Normalize(sentence.Forms[i - 1]));
                prepared.Words[i] = wordLexicon.Add(lower);
                prepared.Suffixes[i] = wordLexicon.IdOf(DependencyParserModel.SuffixOf(lower));
                prepared.Tags[i] = tagLexicon.Add(sentence.Xpos[i - 1]);
                prepared.Heads[i] = sentence.Heads[i - 1];
                var relation = sentence.Relations[i - 1];
                if (!relationOf.TryGetValue(relation, out var label))
                {
                    relationOf[relation] = label = relations.Count;
                    relations.Add(relation);
                }

                prepared.Labels[i] = label;
                children[sentence.Heads[i - 1]].Add(i);
            }

            for (var i = 0; i <= n; i++)
            {
                prepared.Children[i] = [.. children[i]];
            }

            sentences[s] = prepared;
        }

        if (!relationOf.TryGetValue("root", out var rootLabel))
        {
            throw new ArgumentException("The training data has no 'root' relation.", nameof(train));
        }

        var labelCount = relations.Count;
        var words = wordLexicon.Build();
        var tags = tagLexicon.Build();
        var perceptron = new AveragedPerceptron(1 + (2 * labelCount));
        var state = new ArcHybridState();
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, sentences.Length).ToArray();
        var features = new ulong[ParserFeatures.Count];
        var scores = new float[perceptron.Classes];
        DependencyParserModel? best = null;
        var bestScore = -1.0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            long moves = 0, mistakes = 0;
            foreach (var s in order)
            {
                var sentence = sentences[s];
                state.Reset(sentence.Words.Length - 1);
                while (!state.IsTerminal)
                {
                    ParserFeatures.Extract(state, sentence.Words, sentence.Tags, sentence.Suffixes, sentence.Punctuation, sentence.Clusters, features);
                    Array.Clear(scores);
                    perceptron.Score(features, scores);
                    var guess = DependencyParserModel.BestValid(state, scores, rootLabel, labelCount);
                    var (gold, guessCost) = BestZeroCost(state, sentence, scores, guess, rootLabel, labelCount);
                    if (guessCost > 0)
                    {
                        perceptron.Update(features, gold, guess);
                        mistakes++;
                    }

                    perceptron.Tick();
                    moves++;
                    var follow = epoch >= options.ExploreFrom && random.NextDouble() < options.ExploreProbability ? guess : gold;
                    DependencyParserModel.Apply(state, follow, labelCount);
                }
            }

            var model = new DependencyParserModel(words, tags, [.. relations], clusters, perceptron.Average(options.Prune));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: train moves wrong {100.0 * mistakes / moves:F2}%  features {model.FeatureCount:N0}  {clock.Elapsed.TotalSeconds:F1}s");
            var score = (double)epoch;
            if (dev is not null)
            {
                var (uas, las) = Attachment(model, dev);
                score = las;
                line += string.Create(CultureInfo.InvariantCulture, $"  dev UAS {uas:F2} LAS {las:F2}");
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = model;
                line += "  *";
            }

            progress?.Invoke(line);
        }

        return best ?? throw new ArgumentException("Training needs at least one epoch.", nameof(options));
    }

    /// <summary>
    /// The best-scoring move of least cost (the oracle's choice) and the extra cost of
    /// <paramref name="guess"/> over that least cost (0 when the guess is as good).
    /// </summary>
    private static (int Gold, int GuessCost) BestZeroCost(
        ArcHybridState state, Prepared sentence, ReadOnlySpan<float> scores, int guess, int rootLabel, int labelCount)
    {
        var (shift, left, right) = state.Costs(sentence.Heads, sentence.Children);
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var leftArcIsGold = s0 > 0 && sentence.Heads[s0] == state.Buffer;
        var rightArcIsGold = s0 > 0 && s1 >= 0 && sentence.Heads[s0] == s1;
        var goldLabel = s0 > 0 ? sentence.Labels[s0] : -1;

        int CostOf(int transition)
        {
            if (transition == ArcHybridState.Shift)
            {
                return shift;
            }

            if (transition <= labelCount)
            {
                var l = transition - 1;
                return left == int.MaxValue ? int.MaxValue : left + (leftArcIsGold && l != goldLabel ? 1 : 0);
            }

            var r = transition - 1 - labelCount;
            return right == int.MaxValue ? int.MaxValue : right + (rightArcIsGold && r != goldLabel ? 1 : 0);
        }

        if (state.CanRoot)
        {
            return (guess, 0);
        }

        var bestClass = -1;
        var bestCost = int.MaxValue;
        var bestScore = float.NegativeInfinity;
        for (var transition = 0; transition < scores.Length; transition++)
        {
            if (transition != ArcHybridState.Shift && (transition - 1) % labelCount == rootLabel)
            {
                continue;
            }

            var cost = CostOf(transition);
            if (cost == int.MaxValue)
            {
                continue;
            }

            if (transition > labelCount && !state.CanRight)
            {
                continue;
            }

            if (cost < bestCost || (cost == bestCost && scores[transition] > bestScore))
            {
                bestCost = cost;
                bestScore = scores[transition];
                bestClass = transition;
            }
        }

        return (bestClass, CostOf(guess) - bestCost);
    }

    private static (double Uas, double Las) Attachment(DependencyParserModel model, IReadOnlyList<AnnotatedSentence> dev)
    {
        int uas = 0, las = 0, total = 0;
        var state = new ArcHybridState();
        foreach (var sentence in dev)
        {
            var forms = sentence.Forms.Select(FormNormalizer.Normalize).ToArray();
            var heads = new int[sentence.Length];
            var labels = new int[sentence.Length];
            model.ParseNormalized(forms, sentence.Xpos.AsSpan(), heads, labels, state);
            for (var i = 0; i < heads.Length; i++)
            {
                total++;
                if (heads[i] == sentence.Heads[i])
                {
                    uas++;
                    las += string.Equals(Universal(model.Relations[labels[i]]), Universal(sentence.Relations[i]), StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }

        return (100.0 * uas / Math.Max(1, total), 100.0 * las / Math.Max(1, total));
    }

    private static string Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    private sealed record Prepared(int[] Words, int[] Tags, int[] Heads, int[] Labels, int[][] Children, int[] Punctuation, int[] Suffixes, int[] Clusters);
}
