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
/// <param name="BeamWidth">
/// 1: greedy training with the dynamic oracle. Above 1: global training of a beam of this width
/// (structured perceptron, max-violation update); the model then decodes with this width.
/// </param>
public sealed record ParserTrainingOptions(
    int Epochs = 15, int Seed = 1, float Prune = 0.05f, int ExploreFrom = 2, double ExploreProbability = 0.9, ClusterLexicon? Clusters = null,
    int BeamWidth = 1);

/// <summary>
/// Trains a <see cref="DependencyParserModel"/>. Greedy (beam width 1), with the dynamic oracle: at
/// each step the perceptron is updated towards the best-scoring move of least cost whenever its own
/// choice costs more, and (after the first epoch) training follows its own choice, so it learns to
/// recover from errors. With a beam (width above 1), globally: each sentence is decoded with the
/// beam against a fixed oracle sequence, and where the beam's best prefix beats the oracle prefix by
/// the most after the oracle fell out of the beam (max-violation, Huang, Fayong and Guo 2012), the
/// oracle prefix's transitions are rewarded and the wrong prefix's penalised, from the first step
/// where they differ. Single-threaded and deterministic for a seed.
/// </summary>
public static class DependencyParserTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> (using whatever XPOS it carries: gold or predicted) and
    /// reports UAS/LAS on <paramref name="dev"/> (which should carry predicted tags) after each epoch.
    /// <paramref name="newBest"/> gets each epoch's model that beats the previous best, so a long run
    /// can be saved as it goes and stopped early.
    /// </summary>
    public static DependencyParserModel Train(
        IReadOnlyList<AnnotatedSentence> train,
        IReadOnlyList<AnnotatedSentence>? dev,
        ParserTrainingOptions options,
        Action<string>? progress = null,
        Action<DependencyParserModel>? newBest = null)
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
                DependencyParserModel.ClusterAtoms(clusters, [.. sentence.Forms.Select(FormNormalizer.Normalize)]), new int[2 * n]);
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
        if (options.BeamWidth > 1)
        {
            foreach (var sentence in sentences)
            {
                OracleSequence(sentence, rootLabel, labelCount, sentence.Oracle);
            }
        }

        var words = wordLexicon.Build();
        var tags = tagLexicon.Build();
        var perceptron = new AveragedPerceptron(1 + (2 * labelCount));
        var state = new ArcHybridState();
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, sentences.Length).ToArray();
        var features = new ulong[ParserFeatures.Count];
        var scores = new float[perceptron.Classes];
        var beam = options.BeamWidth > 1 ? new ArcHybridBeam(options.BeamWidth) : null;
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
                if (beam is not null)
                {
                    moves += sentence.Oracle.Length;
                    mistakes += BeamUpdate(perceptron, beam, sentence, rootLabel, labelCount, features);
                    perceptron.Tick();
                    continue;
                }

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

            var model = new DependencyParserModel(words, tags, [.. relations], clusters, perceptron.Average(options.Prune), options.BeamWidth);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: {(beam is null ? "train moves wrong" : "moves updated")} {100.0 * mistakes / moves:F2}%  features {model.FeatureCount:N0}  {clock.Elapsed.TotalSeconds:F1}s");
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
            if (ReferenceEquals(best, model))
            {
                newBest?.Invoke(model);
            }
        }

        return best ?? throw new ArgumentException("Training needs at least one epoch.", nameof(options));
    }

    /// <summary>
    /// One global update: searches with the beam and, at the step of maximum violation, rewards the
    /// oracle prefix and penalises the beam's best prefix from the first transition where they
    /// differ (the shared part would cancel). Returns the number of transitions updated.
    /// </summary>
    private static int BeamUpdate(
        AveragedPerceptron perceptron, ArcHybridBeam beam, Prepared sentence, int rootLabel, int labelCount, ulong[] features)
    {
        var atoms = sentence.Atoms;
        beam.Search(perceptron, atoms, rootLabel, labelCount, sentence.Oracle);
        var length = beam.ViolationLength;
        if (length == 0)
        {
            return 0;
        }

        var predicted = new int[length];
        beam.CopySequence(length, beam.ViolationItem, predicted);
        var oracle = sentence.Oracle;
        var first = 0;
        while (first < length && predicted[first] == oracle[first])
        {
            first++;
        }

        var goldState = new ArcHybridState();
        goldState.Reset(atoms.Length);
        for (var i = 0; i < first; i++)
        {
            DependencyParserModel.Apply(goldState, oracle[i], labelCount);
        }

        var predictedState = new ArcHybridState();
        predictedState.CopyFrom(goldState);
        for (var i = first; i < length; i++)
        {
            ParserFeatures.Extract(goldState, atoms.Words, atoms.Tags, atoms.Suffixes, atoms.Punctuation, atoms.Clusters, features);
            perceptron.Adjust(features, oracle[i], 1f);
            DependencyParserModel.Apply(goldState, oracle[i], labelCount);
            ParserFeatures.Extract(predictedState, atoms.Words, atoms.Tags, atoms.Suffixes, atoms.Punctuation, atoms.Clusters, features);
            perceptron.Adjust(features, predicted[i], -1f);
            DependencyParserModel.Apply(predictedState, predicted[i], labelCount);
        }

        return length - first;
    }

    /// <summary>
    /// The oracle transition sequence for global training: at each step a move of least cost under
    /// the dynamic oracle (so for a non-projective tree, the best projective approximation), a move
    /// that builds a gold arc before SHIFT, and SHIFT before a move that builds a wrong arc.
    /// Arcs carry the dependent's gold relation (any other for a wrong arc onto a gold root word).
    /// </summary>
    internal static void OracleSequence(Prepared sentence, int rootLabel, int labelCount, Span<int> into)
    {
        var state = new ArcHybridState();
        state.Reset(sentence.Words.Length - 1);
        var step = 0;
        while (!state.IsTerminal)
        {
            int transition;
            if (state.CanRoot)
            {
                transition = 1 + labelCount + rootLabel;
            }
            else
            {
                var (shift, left, right) = state.Costs(sentence.Heads, sentence.Children);
                var s0 = state.Stack(0);
                var label = s0 > 0 && sentence.Labels[s0] != rootLabel ? sentence.Labels[s0] : (rootLabel == 0 ? 1 : 0);
                var leftIsGold = s0 > 0 && sentence.Heads[s0] == state.Buffer;
                var rightIsGold = s0 > 0 && sentence.Heads[s0] == state.Stack(1);
                if (!state.CanRight)
                {
                    right = int.MaxValue;
                }

                // Rank: cost first; among equal costs a gold arc, then SHIFT, then a wrong arc.
                transition = -1;
                var bestRank = long.MaxValue;
                void Consider(int cost, int kind, int candidate)
                {
                    if (cost == int.MaxValue)
                    {
                        return;
                    }

                    var rank = ((long)cost * 8) + kind;
                    if (rank < bestRank)
                    {
                        bestRank = rank;
                        transition = candidate;
                    }
                }

                Consider(left, leftIsGold ? 0 : 3, 1 + label);
                Consider(right, rightIsGold ? 1 : 4, 1 + labelCount + label);
                Consider(shift, 2, ArcHybridState.Shift);
            }

            into[step++] = transition;
            DependencyParserModel.Apply(state, transition, labelCount);
        }
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

    internal sealed record Prepared(
        int[] Words, int[] Tags, int[] Heads, int[] Labels, int[][] Children, int[] Punctuation, int[] Suffixes, int[] Clusters, int[] Oracle)
    {
        public SentenceAtoms Atoms => new(Words, Tags, Suffixes, Punctuation, Clusters);
    }
}
