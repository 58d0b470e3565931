using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>Settings of entity-model training (see <see cref="EntityTraining"/>).</summary>
/// <param name="Epochs">Passes over the training data; the epoch with the best dev F1 is kept.</param>
/// <param name="Seed">Seed of the sentence shuffle; the same seed and data give the same model.</param>
/// <param name="MinFeatureCount">Features seen fewer times in training are dropped (smaller model, less over-fitting).</param>
/// <param name="SecondPass">Whether to train the document-consistency pass.</param>
/// <param name="Folds">Jack-knife folds that give the second pass realistic first-pass labels on the training data.</param>
/// <param name="Runs">Perceptrons trained per pass with seeds Seed, Seed+1, …; their weights are averaged (a cheap ensemble that costs nothing at run time).</param>
/// <param name="Lexicon">Whether to use the names of the training data (jack-knifed the same way) as a gazetteer.</param>
public sealed record EntityTrainingOptions(int Epochs = 12, int Seed = 1, int MinFeatureCount = 1, bool SecondPass = true, int Folds = 5, bool Lexicon = true, int Runs = 1);

/// <summary>
/// Trains an <see cref="EntityModel"/> with the averaged structured perceptron (Collins 2002): decode
/// each sentence with Viterbi under the current weights and, where it differs from the gold labels,
/// add the gold features and subtract the predicted ones; the model keeps the average of the weights
/// over all steps. The second pass (document consistency, after Krishnan &amp; Manning 2006 and
/// Ratinov &amp; Roth 2009) is trained on first-pass labels produced by jack-knifing, so it learns
/// how far to trust first-pass labels that contain the mistakes a real first pass makes.
/// Deterministic: single-threaded, seeded shuffles, no dictionary-order dependence.
/// </summary>
internal sealed class EntityTrainer
{
    private readonly EntityTrainingOptions _options;
    private readonly Action<string> _progress;

    public EntityTrainer(EntityTrainingOptions options, Action<string> progress)
    {
        _options = options;
        _progress = progress;
    }

    public EntityModel Train(
        IReadOnlyList<Document> train, IReadOnlyList<Document> dev, WordClusters? clusters, Gazetteer? gazetteer, string description)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in train)
        {
            foreach (var mention in document.Mentions)
            {
                types.Add(mention.Type);
            }
        }

        var labels = new EntityLabels([.. types]);
        var lexicon = _options.Lexicon ? Lexicon(train, Enumerable.Range(0, train.Count), labels) : null;
        var foldLexicons = new Gazetteer?[_options.Folds];
        for (var fold = 0; fold < _options.Folds && lexicon is not null; fold++)
        {
            var current = fold;
            foldLexicons[fold] = Lexicon(train, Enumerable.Range(0, train.Count).Where(d => d % _options.Folds != current), labels);
        }

        var features = new EntityFeatureExtractor(clusters, gazetteer, lexicon);
        var trainGold = Gold(train, labels);
        var devGold = Gold(dev, labels);
        var clock = Stopwatch.StartNew();
        var trainBase = Extract(features, train, d => foldLexicons[d % _options.Folds]);
        var devBase = Extract(features, dev, _ => lexicon);
        var table = new FeatureTable(1 << 18);
        AddFrequent(table, trainBase, _options.MinFeatureCount);
        _progress(string.Create(CultureInfo.InvariantCulture, $"first pass: {table.Count:N0} features, extracted in {clock.Elapsed.TotalSeconds:F1} s"));
        var trainRows = Encode(table, trainBase);
        var devRows = Encode(table, devBase);
        var (first, epochs) = TrainPass(labels, table.Count, train, trainGold, trainRows, dev, devGold, devRows, _options.Epochs);
        if (!_options.SecondPass)
        {
            return new EntityModel(labels, clusters, gazetteer, lexicon, table, first, null, description);
        }

        // Jack-knife: each training document gets first-pass labels from a model that never saw it.
        var trainFirst = new int[train.Count][];
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            var inFold = new List<int>();
            var rest = new List<int>();
            for (var d = 0; d < train.Count; d++)
            {
                (d % _options.Folds == fold ? inFold : rest).Add(d);
            }

            _progress(string.Create(CultureInfo.InvariantCulture, $"jack-knife fold {fold + 1}/{_options.Folds}: {epochs} epochs on {rest.Count} documents"));
            var foldTable = new FeatureTable(1 << 18);
            AddFrequent(foldTable, [.. rest.Select(d => trainBase[d])], _options.MinFeatureCount);
            var foldRows = Encode(foldTable, trainBase);
            var (foldWeights, _) = TrainPass(
                labels, foldTable.Count, [.. rest.Select(d => train[d])], [.. rest.Select(d => trainGold[d])], [.. rest.Select(d => foldRows[d])], [], [], [], epochs);
            foreach (var d in inFold)
            {
                trainFirst[d] = DecodeRows(labels, foldWeights, train[d], foldRows[d]);
            }
        }

        var devFirst = new int[dev.Count][];
        for (var d = 0; d < dev.Count; d++)
        {
            devFirst[d] = DecodeRows(labels, first, dev[d], devRows[d]);
        }

        var trainExtra = ExtractSecond(trainBase, trainFirst);
        var devExtra = ExtractSecond(devBase, devFirst);
        var firstRows = table.Count;
        AddFrequent(table, trainExtra, _options.MinFeatureCount);
        _progress(string.Create(CultureInfo.InvariantCulture, $"second pass: {table.Count - firstRows:N0} more features"));
        var (second, _) = TrainPass(
            labels, table.Count, train, trainGold, Merge(trainRows, Encode(table, trainExtra)), dev, devGold, Merge(devRows, Encode(table, devExtra)), _options.Epochs);
        return new EntityModel(labels, clusters, gazetteer, lexicon, table, first, second, description);
    }

    private static List<int[]> Gold(IReadOnlyList<Document> documents, EntityLabels labels)
    {
        var gold = new List<int[]>(documents.Count);
        foreach (var document in documents)
        {
            var tags = new int[document.Tokens.Length];
            labels.Encode(document.Mentions.AsSpan(), tags);
            gold.Add(tags);
        }

        return gold;
    }

    /// <summary>Feature rows of one document: token <c>i</c> owns <c>Rows[Offsets[i] .. Offsets[i+1])</c>.</summary>
    private sealed record Encoded(int[] Rows, int[] Offsets);

    private static List<FeatureBuffer> Extract(EntityFeatureExtractor features, IReadOnlyList<Document> documents, Func<int, Gazetteer?> lexiconOf)
    {
        var buffers = new List<FeatureBuffer>(documents.Count);
        for (var d = 0; d < documents.Count; d++)
        {
            var document = documents[d];
            var buffer = new FeatureBuffer();
            features.Extract(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan(), buffer, lexiconOf(d));
            buffers.Add(buffer);
        }

        return buffers;
    }

    /// <summary>The gold mentions of the chosen documents as phrase lists, one per type.</summary>
    private static Gazetteer Lexicon(IReadOnlyList<Document> documents, IEnumerable<int> chosen, EntityLabels labels)
    {
        var entries = new SortedSet<(string Phrase, int Type)>(Comparer<(string Phrase, int Type)>.Create(
            (a, b) => string.CompareOrdinal(a.Phrase, b.Phrase) is var order and not 0 ? order : a.Type.CompareTo(b.Type)));
        foreach (var d in chosen)
        {
            var document = documents[d];
            foreach (var mention in document.Mentions)
            {
                var type = labels.TypeIndex(mention.Type);
                if (type >= 0)
                {
                    var words = new List<string>();
                    for (var t = mention.FirstToken; t < mention.EndToken; t++)
                    {
                        words.Add(document.TextOf(document.Tokens[t].Span));
                    }

                    entries.Add((string.Join(' ', words), type));
                }
            }
        }

        return new Gazetteer(labels.Types, entries);
    }

    private static List<FeatureBuffer> ExtractSecond(List<FeatureBuffer> first, int[][] firstPass)
    {
        var buffers = new List<FeatureBuffer>(first.Count);
        for (var d = 0; d < first.Count; d++)
        {
            var buffer = new FeatureBuffer();
            EntityFeatureExtractor.ExtractSecondPass(first[d], firstPass[d], buffer);
            buffers.Add(buffer);
        }

        return buffers;
    }

    /// <summary>Adds to <paramref name="table"/>, in first-seen order (deterministic), every key seen at least <paramref name="minCount"/> times.</summary>
    private static void AddFrequent(FeatureTable table, List<FeatureBuffer> buffers, int minCount)
    {
        var counter = new FeatureTable(1 << 20);
        var counts = new List<int>();
        foreach (var buffer in buffers)
        {
            foreach (var key in buffer.Keys.AsSpan(0, buffer.Count))
            {
                var row = counter.FindOrAdd(key);
                if (row == counts.Count)
                {
                    counts.Add(0);
                }

                counts[row]++;
            }
        }

        var keys = counter.KeysByRow();
        for (var row = 0; row < keys.Length; row++)
        {
            if (counts[row] >= minCount)
            {
                table.FindOrAdd(keys[row]);
            }
        }
    }

    private static List<Encoded> Encode(FeatureTable table, List<FeatureBuffer> buffers)
    {
        var encoded = new List<Encoded>(buffers.Count);
        var rows = new List<int>();
        foreach (var buffer in buffers)
        {
            rows.Clear();
            var offsets = new int[buffer.TokenCount + 1];
            for (var t = 0; t < buffer.TokenCount; t++)
            {
                foreach (var key in buffer.Of(t))
                {
                    var row = table.Find(key);
                    if (row >= 0)
                    {
                        rows.Add(row);
                    }
                }

                offsets[t + 1] = rows.Count;
            }

            encoded.Add(new Encoded([.. rows], offsets));
        }

        return encoded;
    }

    /// <summary>Joins two encodings of the same documents token by token (first-pass rows, then second-pass rows).</summary>
    private static List<Encoded> Merge(List<Encoded> first, List<Encoded> second)
    {
        var merged = new List<Encoded>(first.Count);
        for (var d = 0; d < first.Count; d++)
        {
            var (a, b) = (first[d], second[d]);
            var tokens = a.Offsets.Length - 1;
            var rows = new int[a.Rows.Length + b.Rows.Length];
            var offsets = new int[tokens + 1];
            var at = 0;
            for (var t = 0; t < tokens; t++)
            {
                foreach (var row in a.Rows.AsSpan(a.Offsets[t], a.Offsets[t + 1] - a.Offsets[t]))
                {
                    rows[at++] = row;
                }

                foreach (var row in b.Rows.AsSpan(b.Offsets[t], b.Offsets[t + 1] - b.Offsets[t]))
                {
                    rows[at++] = row;
                }

                offsets[t + 1] = at;
            }

            merged.Add(new Encoded(rows, offsets));
        }

        return merged;
    }

    private static int[] DecodeRows(EntityLabels labels, PassWeights weights, Document document, Encoded rows)
    {
        var n = document.Tokens.Length;
        var scores = new float[n * labels.Count];
        weights.AddScores(rows.Rows, rows.Offsets, n, scores);
        var predicted = new int[n];
        foreach (var sentence in document.Sentences)
        {
            Viterbi.Decode(
                scores.AsSpan(sentence.FirstToken * labels.Count, sentence.TokenCount * labels.Count),
                sentence.TokenCount,
                labels,
                weights.Transitions,
                weights.Start,
                weights.End,
                predicted.AsSpan(sentence.FirstToken, sentence.TokenCount));
        }

        return predicted;
    }

    private (PassWeights Weights, int Epochs) TrainPass(
        EntityLabels labels,
        int rowCount,
        IReadOnlyList<Document> train,
        List<int[]> trainGold,
        IReadOnlyList<Encoded> encoded,
        IReadOnlyList<Document> dev,
        IReadOnlyList<int[]> devGold,
        IReadOnlyList<Encoded> devEncoded,
        int epochs)
    {
        var (sum, bestEpoch) = TrainRun(labels, rowCount, train, trainGold, encoded, dev, devGold, devEncoded, epochs, _options.Seed);
        if (_options.Runs <= 1)
        {
            return (sum, bestEpoch);
        }

        // Average the weights of perceptrons trained on different shuffles (each stopped at its best dev epoch).
        var arrays = new[] { sum.Weights.ToArray(), sum.Transitions.ToArray(), sum.Start.ToArray(), sum.End.ToArray() };
        for (var run = 1; run < _options.Runs; run++)
        {
            var (next, _) = TrainRun(labels, rowCount, train, trainGold, encoded, dev, devGold, devEncoded, epochs, _options.Seed + run);
            var nextArrays = new[] { next.Weights, next.Transitions, next.Start, next.End };
            for (var a = 0; a < arrays.Length; a++)
            {
                for (var i = 0; i < arrays[a].Length; i++)
                {
                    arrays[a][i] += nextArrays[a][i];
                }
            }
        }

        foreach (var array in arrays)
        {
            for (var i = 0; i < array.Length; i++)
            {
                array[i] /= _options.Runs;
            }
        }

        var averaged = new PassWeights(labels.Count, arrays[0], arrays[1], arrays[2], arrays[3]);
        if (dev.Count > 0)
        {
            _progress(string.Create(CultureInfo.InvariantCulture, $"  average of {_options.Runs} runs: dev F1 {DevF1(labels, averaged, dev, devGold, devEncoded) * 100:F2}"));
        }

        return (averaged, bestEpoch);
    }

    private (PassWeights Weights, int Epochs) TrainRun(
        EntityLabels labels,
        int rowCount,
        IReadOnlyList<Document> train,
        List<int[]> trainGold,
        IReadOnlyList<Encoded> encoded,
        IReadOnlyList<Document> dev,
        IReadOnlyList<int[]> devGold,
        IReadOnlyList<Encoded> devEncoded,
        int epochs,
        int seed)
    {
        var clock = Stopwatch.StartNew();
        var l = labels.Count;
        var featureWeights = rowCount * l;
        var transitionsAt = featureWeights;
        var startAt = transitionsAt + (l * l);
        var endAt = startAt + l;
        var size = endAt + l;
        var weights = new float[size];
        var totals = new double[size];
        long step = 1;

        var order = new List<(int Document, int Sentence)>();
        for (var d = 0; d < train.Count; d++)
        {
            for (var s = 0; s < train[d].Sentences.Length; s++)
            {
                order.Add((d, s));
            }
        }

        var random = new Random(seed);
        var scores = new float[256 * l];
        var predicted = new int[256];
        PassWeights? best = null;
        var bestF1 = -1.0;
        var bestEpoch = epochs;

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            clock.Restart();
            Shuffle(order, random);
            var mistakes = 0;
            foreach (var (d, s) in order)
            {
                var sentence = train[d].Sentences[s];
                var n = sentence.TokenCount;
                if (scores.Length < n * l)
                {
                    scores = new float[n * l];
                    predicted = new int[n];
                }

                var rows = encoded[d];
                var gold = trainGold[d].AsSpan(sentence.FirstToken, n);
                Array.Clear(scores, 0, n * l);
                for (var t = 0; t < n; t++)
                {
                    var target = scores.AsSpan(t * l, l);
                    for (var k = rows.Offsets[sentence.FirstToken + t]; k < rows.Offsets[sentence.FirstToken + t + 1]; k++)
                    {
                        var row = weights.AsSpan(rows.Rows[k] * l, l);
                        for (var y = 0; y < l; y++)
                        {
                            target[y] += row[y];
                        }
                    }
                }

                Viterbi.Decode(scores, n, labels, weights.AsSpan(transitionsAt, l * l), weights.AsSpan(startAt, l), weights.AsSpan(endAt, l), predicted);
                var wrong = false;
                for (var t = 0; t < n; t++)
                {
                    if (predicted[t] != gold[t])
                    {
                        wrong = true;
                        for (var k = rows.Offsets[sentence.FirstToken + t]; k < rows.Offsets[sentence.FirstToken + t + 1]; k++)
                        {
                            Update(weights, totals, (rows.Rows[k] * l) + gold[t], 1, step);
                            Update(weights, totals, (rows.Rows[k] * l) + predicted[t], -1, step);
                        }
                    }

                    if (t > 0 && (predicted[t] != gold[t] || predicted[t - 1] != gold[t - 1]))
                    {
                        Update(weights, totals, transitionsAt + (gold[t - 1] * l) + gold[t], 1, step);
                        Update(weights, totals, transitionsAt + (predicted[t - 1] * l) + predicted[t], -1, step);
                    }
                }

                if (wrong)
                {
                    mistakes++;
                    if (predicted[0] != gold[0])
                    {
                        Update(weights, totals, startAt + gold[0], 1, step);
                        Update(weights, totals, startAt + predicted[0], -1, step);
                    }

                    if (predicted[n - 1] != gold[n - 1])
                    {
                        Update(weights, totals, endAt + gold[n - 1], 1, step);
                        Update(weights, totals, endAt + predicted[n - 1], -1, step);
                    }
                }

                step++;
            }

            var averaged = Average(weights, totals, step, l, transitionsAt, startAt, endAt);
            var line = string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch,2}: {mistakes:N0} sentences wrong, {clock.Elapsed.TotalSeconds:F1} s");
            if (dev.Count > 0)
            {
                var f1 = DevF1(labels, averaged, dev, devGold, devEncoded);
                line += string.Create(CultureInfo.InvariantCulture, $", dev F1 {f1 * 100:F2}");
                if (f1 > bestF1)
                {
                    bestF1 = f1;
                    best = averaged;
                    bestEpoch = epoch;
                }
            }
            else
            {
                best = averaged;
            }

            _progress(line);
        }

        if (dev.Count > 0)
        {
            _progress(string.Create(CultureInfo.InvariantCulture, $"  kept epoch {bestEpoch} (dev F1 {bestF1 * 100:F2})"));
        }

        return (best!, bestEpoch);
    }

    private static void Update(float[] weights, double[] totals, int index, int delta, long step)
    {
        weights[index] += delta;
        totals[index] += (double)delta * step;
    }

    /// <summary>The averaged weights (Daumé's trick: w − Σ c·Δ / c), as a standalone pass.</summary>
    private static PassWeights Average(float[] weights, double[] totals, long step, int l, int transitionsAt, int startAt, int endAt)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = (float)(weights[i] - (totals[i] / step));
        }

        return new PassWeights(l, averaged[..transitionsAt], averaged[transitionsAt..startAt], averaged[startAt..endAt], averaged[endAt..(endAt + l)]);
    }

    private static double DevF1(EntityLabels labels, PassWeights weights, IReadOnlyList<Document> dev, IReadOnlyList<int[]> devGold, IReadOnlyList<Encoded> devEncoded)
    {
        int correct = 0, predictedCount = 0, goldCount = 0;
        var source = new Provenance("ner", "dev");
        for (var d = 0; d < dev.Count; d++)
        {
            var document = dev[d];
            var predicted = DecodeRows(labels, weights, document, devEncoded[d]);
            var (c, p, g) = Compare(labels.Decode(predicted, document.Tokens.AsSpan(), source), labels.Decode(devGold[d], document.Tokens.AsSpan(), source));
            correct += c;
            predictedCount += p;
            goldCount += g;
        }

        var precision = predictedCount == 0 ? 0 : (double)correct / predictedCount;
        var recall = goldCount == 0 ? 0 : (double)correct / goldCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static (int Correct, int Predicted, int Gold) Compare(ImmutableArray<Mention> predicted, ImmutableArray<Mention> gold)
    {
        var goldSet = new HashSet<(int, int, string)>();
        foreach (var mention in gold)
        {
            goldSet.Add((mention.FirstToken, mention.EndToken, mention.Type));
        }

        var correct = 0;
        foreach (var mention in predicted)
        {
            if (goldSet.Contains((mention.FirstToken, mention.EndToken, mention.Type)))
            {
                correct++;
            }
        }

        return (correct, predicted.Length, gold.Length);
    }

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
