using Dossier.Analysis.Models;
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
        var perceptron = new HashedPerceptron();
        var random = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.Count];

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
                        var truth = gold.Contains(tokens[i].Span.End);
                        correct += perceptron.Learn(features, truth) ? 1 : 0;
                        seen++;
                        if (truth)
                        {
                            sentenceStart = i + 1; // teacher forcing: the distance feature follows the gold segmentation
                        }
                    }
                }
            }

            progress?.Invoke(epoch, seen == 0 ? 1 : (double)correct / seen, new SentenceBoundaryModel(perceptron.Average()));
        }

        return new SentenceBoundaryModel(perceptron.Average());
    }
}
