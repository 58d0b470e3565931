using Dossier.Text;

namespace Dossier.Analysis.Sentences;

/// <summary>One training example for <see cref="SentenceBoundaryTrainer"/>: a document with paragraphs and tokens, and where its gold sentences end.</summary>
/// <param name="Document">The document, segmented into paragraphs and tokens by the same components used at run time.</param>
/// <param name="GoldEnds">Character offsets at which gold sentences end.</param>
public sealed record SentenceBoundaryExample(Document Document, IReadOnlySet<int> GoldEnds);

/// <summary>
/// Trains a <see cref="SentenceBoundaryModel"/> with the averaged perceptron (Collins 2002):
/// one binary decision per gap between two tokens of a paragraph. Deterministic for a given seed.
/// </summary>
public static class SentenceBoundaryTrainer
{
    /// <summary>
    /// Trains for <paramref name="epochs"/> passes; after each, <paramref name="progress"/> hears the epoch,
    /// the training accuracy of that pass and the averaged model so far (to score on development data).
    /// </summary>
    public static SentenceBoundaryModel Train(
        IReadOnlyList<SentenceBoundaryExample> examples, int epochs, int seed, Action<int, double, SentenceBoundaryModel>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var size = 1 << SentenceBoundaryModel.HashBits;
        var weights = new float[size];
        var totals = new double[size]; // Σ step × update, for the lazy average w̄ = w − totals / steps
        var step = 1L;
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.Count];
        Span<int> slots = stackalloc int[SentenceBoundaryFeatures.Count];

        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, seen = 0;
            foreach (var index in order)
            {
                var (document, gold) = (examples[index].Document, examples[index].GoldEnds);
                var text = document.Text;
                var tokens = document.Tokens.AsSpan();
                var t = 0;
                foreach (var paragraph in document.Paragraphs)
                {
                    var first = t;
                    while (t < tokens.Length && tokens[t].Span.End <= paragraph.Span.End)
                    {
                        t++;
                    }

                    var end = t;
                    if (end - first < 2)
                    {
                        continue;
                    }

                    var rules = new bool[end - first];
                    SentenceSplitter.RuleBoundaries(text, tokens, first, end, rules);
                    var sentenceStart = first;
                    for (var i = first; i < end - 1; i++)
                    {
                        SentenceBoundaryFeatures.Extract(text, tokens, i, first, end, rules[i - first], i - sentenceStart + 1, features);
                        var score = 0f;
                        for (var f = 0; f < features.Length; f++)
                        {
                            slots[f] = SentenceBoundaryModel.Slot(features[f]);
                            score += weights[slots[f]];
                        }

                        var truth = gold.Contains(tokens[i].Span.End);
                        if ((score > 0) == truth)
                        {
                            correct++;
                        }
                        else
                        {
                            var update = truth ? 1f : -1f;
                            foreach (var slot in slots)
                            {
                                weights[slot] += update;
                                totals[slot] += step * update;
                            }
                        }

                        seen++;
                        step++;
                        if (truth)
                        {
                            sentenceStart = i + 1; // teacher forcing: the distance feature follows the gold segmentation
                        }
                    }
                }
            }

            progress?.Invoke(epoch, seen == 0 ? 1 : (double)correct / seen, Average(weights, totals, step));
        }

        return Average(weights, totals, step);
    }

    private static SentenceBoundaryModel Average(float[] weights, double[] totals, long steps)
    {
        var averaged = new float[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = (float)(weights[i] - (totals[i] / steps));
        }

        return new SentenceBoundaryModel(averaged);
    }
}
