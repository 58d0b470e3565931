using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>Settings for <see cref="PosTaggerTrainer"/>.</summary>
/// <param name="Epochs">Passes over the training data; the epoch with the best dev UPOS is kept.</param>
/// <param name="Seed">Seed of the sentence shuffle; equal seeds give byte-identical models.</param>
/// <param name="Prune">Averaged weights smaller than this in magnitude are dropped.</param>
/// <param name="Clusters">Word clusters for the cluster features (stored in the model); none when null.</param>
/// <param name="StackFolds">
/// When 2 or more, a second (stacked) pass is trained on the first pass's tags, which for the training
/// sentences come from this many jack-knifed first-pass taggers; 0 trains a one-pass tagger.
/// </param>
/// <param name="FirstPassRightToLeft">
/// Whether the first pass tags sentences from the last word to the first (for a stacked tagger this
/// gives the left-to-right second pass tags of its right context that themselves saw further right).
/// </param>
public sealed record TaggerTrainingOptions(
    int Epochs = 12, int Seed = 1, float Prune = 0.05f, ClusterLexicon? Clusters = null, int StackFolds = 0, bool FirstPassRightToLeft = false);

/// <summary>Trains a <see cref="PosTaggerModel"/> from annotated sentences. Single-threaded and deterministic.</summary>
public static class PosTaggerTrainer
{
    // A word goes into the tag dictionary (and skips the classifier) when it is frequent and almost
    // unambiguous, as in Honnibal's tagger: this fixes closed-class words and saves time.
    // Measured on EWT dev: without the dictionary UPOS drops 0.05, with a 0.97 share it drops 0.03.
    private const int DictionaryMinCount = 20;
    private const double DictionaryMinShare = 0.995;

    // Words rarer than this get no ambiguity class: in training their class would give away the gold tag.
    // Measured on EWT dev (UPOS): 1 → 93.01, 3 → 94.72, 10 → 94.85, 30 → 94.88, 100 → 94.89, off → 94.86.
    private const int AmbiguityMinCount = 30;

    /// <summary>Trains on <paramref name="train"/>, reporting dev accuracy per epoch through <paramref name="progress"/>.</summary>
    public static PosTaggerModel Train(
        IReadOnlyList<AnnotatedSentence> train,
        IReadOnlyList<AnnotatedSentence>? dev,
        TaggerTrainingOptions options,
        Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var rightToLeft = options.FirstPassRightToLeft;
        var data = new TrainingData(train, options.Clusters ?? ClusterLexicon.Empty, rightToLeft);
        var devForms = dev?.Select(Normalize).ToArray();
        var firstPass = RunEpochs(
            data, rightToLeft, dev, devForms, options, null, weights => data.Model(weights, null, rightToLeft), progress);
        if (options.StackFolds < 2)
        {
            return firstPass;
        }

        // The second pass must learn from first-pass tags with realistic errors, so each training
        // sentence is tagged by a first pass that never saw it (as the parser's jack-knifed tags).
        var firstTags = new int[train.Count][];
        var foldOptions = options with { StackFolds = 0 };
        for (var fold = 0; fold < options.StackFolds; fold++)
        {
            var rest = train.Where((_, i) => i % options.StackFolds != fold).ToArray();
            var foldTagger = Train(rest, null, foldOptions);
            for (var s = fold; s < train.Count; s += options.StackFolds)
            {
                var tags = new TokenTags[data.Forms[s].Length];
                foldTagger.TagNormalized(data.Forms[s], tags);
                firstTags[s] = [.. tags.Select(t => data.ClassOf.TryGetValue(t.Upos + "\t" + t.Xpos, out var c) ? c + 3 : Lexicon.None)];
            }

            progress?.Invoke($"first pass, jack-knife fold {fold + 1}/{options.StackFolds} tagged");
        }

        progress?.Invoke("second pass:");
        return RunEpochs(
            data, false, dev, devForms, options, firstTags, weights => data.Model(firstPass.Weights, weights, rightToLeft), progress);
    }

    /// <summary>
    /// Trains one pass for <see cref="TaggerTrainingOptions.Epochs"/> epochs and returns the model of
    /// the best dev epoch (the last one without dev). <paramref name="firstTags"/> (tag atoms of the
    /// first pass per training sentence) makes it the stacked second pass.
    /// </summary>
    private static PosTaggerModel RunEpochs(
        TrainingData data,
        bool rightToLeft,
        IReadOnlyList<AnnotatedSentence>? dev,
        string[][]? devForms,
        TaggerTrainingOptions options,
        int[][]? firstTags,
        Func<LinearModel, PosTaggerModel> modelOf,
        Action<string>? progress)
    {
        var perceptron = new AveragedPerceptron(data.Upos.Count);
        var order = Enumerable.Range(0, data.Forms.Length).ToArray();
        var random = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[firstTags is null ? TaggerFeatures.Count : TaggerFeatures.StackedCount];
        var scores = new float[data.Upos.Count];
        PosTaggerModel? best = null;
        var bestScore = -1.0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var forms = rightToLeft ? data.ReversedForms[s] : data.Forms[s];
                var gold = rightToLeft ? data.ReversedGold[s] : data.Gold[s];
                var atoms = rightToLeft ? data.ReversedAtoms[s] : data.Atoms[s];
                int previous = Lexicon.Boundary, previous2 = Lexicon.Boundary;
                for (var i = 0; i < forms.Length; i++)
                {
                    if (!data.TagDictionary.TryGetValue(forms[i], out var guess))
                    {
                        if (firstTags is null)
                        {
                            TaggerFeatures.Extract(atoms, i, previous, previous2, features);
                        }
                        else
                        {
                            TaggerFeatures.ExtractStacked(atoms, firstTags[s], i, previous, previous2, features);
                        }

                        Array.Clear(scores);
                        perceptron.Score(features, scores);
                        guess = PosTaggerModel.ArgMax(scores);
                        perceptron.Update(features, gold[i], guess);
                        perceptron.Tick();
                    }

                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                    previous2 = previous;
                    previous = guess + 3;
                }
            }

            var model = modelOf(perceptron.Average(options.Prune));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: train {100.0 * correct / total:F2}  features {model.FeatureCount:N0}  {clock.Elapsed.TotalSeconds:F1}s");
            var score = (double)epoch;
            if (dev is not null && devForms is not null)
            {
                var (uposAccuracy, xposAccuracy) = Accuracy(model, dev, devForms);
                score = uposAccuracy;
                line += string.Create(CultureInfo.InvariantCulture, $"  dev UPOS {uposAccuracy:F2} XPOS {xposAccuracy:F2}");
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

    internal static string[] Normalize(AnnotatedSentence sentence) => [.. sentence.Forms.Select(FormNormalizer.Normalize)];

    private static (double Upos, double Xpos) Accuracy(PosTaggerModel model, IReadOnlyList<AnnotatedSentence> dev, string[][] devForms)
    {
        int upos = 0, xpos = 0, total = 0;
        for (var s = 0; s < dev.Count; s++)
        {
            var tags = new Dossier.Text.TokenTags[devForms[s].Length];
            model.TagNormalized(devForms[s], tags);
            for (var i = 0; i < tags.Length; i++)
            {
                upos += string.Equals(tags[i].Upos, dev[s].Upos[i], StringComparison.Ordinal) ? 1 : 0;
                xpos += string.Equals(tags[i].Xpos, dev[s].Xpos[i], StringComparison.Ordinal) ? 1 : 0;
                total++;
            }
        }

        return (100.0 * upos / Math.Max(1, total), 100.0 * xpos / Math.Max(1, total));
    }

    private static FrozenDictionary<string, int> BuildTagDictionary(string[][] forms, int[][] gold, out FrozenDictionary<string, int> ambiguity)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        for (var s = 0; s < forms.Length; s++)
        {
            for (var i = 0; i < forms[s].Length; i++)
            {
                if (!counts.TryGetValue(forms[s][i], out var perClass))
                {
                    counts[forms[s][i]] = perClass = [];
                }

                perClass[gold[s][i]] = perClass.GetValueOrDefault(gold[s][i]) + 1;
            }
        }

        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var classIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (form, perClass) in counts)
        {
            var total = perClass.Values.Sum();
            if (total >= AmbiguityMinCount)
            {
                // Tags seen at least twice (or 5% of the time) for the word: rare noise would make every class unique.
                var seen = string.Join(',', perClass.Where(p => p.Value >= 2 || p.Value * 20 >= total).Select(p => p.Key).Order());
                if (!classIds.TryGetValue(seen, out var id))
                {
                    classIds[seen] = id = classIds.Count + 3;
                }

                classes[form] = id;
            }

            var (cls, count) = perClass.MaxBy(pair => (pair.Value, -pair.Key));
            if (total >= DictionaryMinCount && count >= DictionaryMinShare * total)
            {
                dictionary[form] = cls;
            }
        }

        ambiguity = classes.ToFrozenDictionary(StringComparer.Ordinal);
        return dictionary.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Majority features per (tag pair) and, where a word differs from that (pronouns, "was"),
    /// per (lower-cased word, tag pair). English features follow almost entirely from these.
    /// </summary>
    private static FrozenDictionary<string, string> BuildFeatureLexicon(IReadOnlyList<AnnotatedSentence> train, string[][] forms)
    {
        var perTag = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var perWord = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var s = 0; s < train.Count; s++)
        {
            for (var i = 0; i < train[s].Length; i++)
            {
                var tagKey = string.Concat("\t", train[s].Upos[i], "\t", train[s].Xpos[i]);
                Vote(perTag, tagKey, train[s].Features[i]);
                Vote(perWord, Lemmatizer.LowerIfNeeded(forms[s][i]) + tagKey, train[s].Features[i]);
            }
        }

        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, votes) in perTag)
        {
            lexicon[key] = Majority(votes);
        }

        foreach (var (key, votes) in perWord)
        {
            var features = Majority(votes);
            var tagKey = key[key.IndexOf('\t', StringComparison.Ordinal)..];
            if (!string.Equals(features, lexicon[tagKey], StringComparison.Ordinal))
            {
                lexicon[key] = features;
            }
        }

        return lexicon.ToFrozenDictionary(StringComparer.Ordinal);

        static void Vote(Dictionary<string, Dictionary<string, int>> table, string key, string value)
        {
            if (!table.TryGetValue(key, out var votes))
            {
                table[key] = votes = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            votes[value] = votes.GetValueOrDefault(value) + 1;
        }

        static string Majority(Dictionary<string, int> votes) =>
            votes.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>What every pass trains on: normalised forms, gold classes, lexicons, per-token atoms.</summary>
    private sealed class TrainingData
    {
        public TrainingData(IReadOnlyList<AnnotatedSentence> train, ClusterLexicon clusters, bool withReversed)
        {
            Forms = [.. train.Select(Normalize)];
            Clusters = clusters;
            Gold = new int[train.Count][];
            for (var s = 0; s < train.Count; s++)
            {
                Gold[s] = new int[train[s].Length];
                for (var i = 0; i < train[s].Length; i++)
                {
                    var key = train[s].Upos[i] + "\t" + train[s].Xpos[i];
                    if (!ClassOf.TryGetValue(key, out var cls))
                    {
                        ClassOf[key] = cls = Upos.Count;
                        Upos.Add(train[s].Upos[i]);
                        Xpos.Add(train[s].Xpos[i]);
                    }

                    Gold[s][i] = cls;
                }
            }

            TagDictionary = BuildTagDictionary(Forms, Gold, out var ambiguity);
            Ambiguity = ambiguity;
            var ambiguityOf = PosTaggerModel.AmbiguityLookup(ambiguity);
            var lexicon = new LexiconBuilder();
            Atoms = new TokenAtoms[train.Count][];
            for (var s = 0; s < train.Count; s++)
            {
                Atoms[s] = new TokenAtoms[Forms[s].Length];
                TaggerFeatures.Describe(Forms[s], Atoms[s], lexicon, ambiguityOf, clusters);
            }

            ReversedForms = withReversed ? [.. Forms.Select(f => f.Reverse().ToArray())] : [];
            ReversedGold = withReversed ? [.. Gold.Select(g => g.Reverse().ToArray())] : [];
            ReversedAtoms = new TokenAtoms[ReversedForms.Length][];
            for (var s = 0; s < ReversedForms.Length; s++)
            {
                ReversedAtoms[s] = new TokenAtoms[ReversedForms[s].Length];
                TaggerFeatures.Describe(ReversedForms[s], ReversedAtoms[s], lexicon, ambiguityOf, clusters);
            }

            var forms = Forms;
            Lemmatizer = Lemmatizer.Learn(train.SelectMany((sentence, s) =>
                Enumerable.Range(0, sentence.Length).Select(i => (forms[s][i], sentence.Upos[i], sentence.Xpos[i], sentence.Lemmas[i]))));
            FeatureLexicon = BuildFeatureLexicon(train, Forms);
            Lexicon = lexicon.Build();
        }

        public string[][] Forms { get; }

        public int[][] Gold { get; }

        public TokenAtoms[][] Atoms { get; }

        /// <summary>The sentences backwards, for a right-to-left first pass (empty otherwise).</summary>
        public string[][] ReversedForms { get; }

        public int[][] ReversedGold { get; }

        public TokenAtoms[][] ReversedAtoms { get; }

        public Dictionary<string, int> ClassOf { get; } = new(StringComparer.Ordinal);

        public List<string> Upos { get; } = [];

        public List<string> Xpos { get; } = [];

        public FrozenDictionary<string, int> TagDictionary { get; }

        public FrozenDictionary<string, int> Ambiguity { get; }

        public FrozenDictionary<string, string> FeatureLexicon { get; }

        public Lemmatizer Lemmatizer { get; }

        public Lexicon Lexicon { get; }

        public ClusterLexicon Clusters { get; }

        public PosTaggerModel Model(LinearModel weights, LinearModel? secondPass, bool firstPassRightToLeft) =>
            new(Lexicon, [.. Upos], [.. Xpos], TagDictionary, FeatureLexicon, Ambiguity, Lemmatizer, Clusters, weights, secondPass, firstPassRightToLeft);
    }
}
