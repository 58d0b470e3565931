using Dossier.Corpora.Conll2003;
using Dossier.Text;

namespace Dossier.Evaluation.Entities;

/// <summary>Precision, recall and F1 (as fractions in [0, 1]) with the counts they come from.</summary>
/// <param name="Correct">Predicted mentions whose span and type match a gold mention exactly.</param>
/// <param name="Predicted">Mentions the system produced.</param>
/// <param name="Gold">Mentions in the gold data.</param>
public readonly record struct PrfScore(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct / predicted (0 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold (0 when there is no gold mention).</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>An entity score: micro-averaged over all mentions, and per type.</summary>
/// <param name="Overall">Micro-averaged counts over every type.</param>
/// <param name="ByType">Counts per entity type, ordered by type name (ordinal).</param>
public sealed record EntityScore(PrfScore Overall, IReadOnlyList<KeyValuePair<string, PrfScore>> ByType);

/// <summary>
/// The conlleval definition of entity scoring (CoNLL-2000/2003 shared tasks): a predicted mention
/// counts as correct only when a gold mention has exactly the same tokens and type; precision,
/// recall and F1 are micro-averaged over mentions, and reported per type too. Add documents with
/// <see cref="Add(Document, Document)"/> or tag sequences with <see cref="AddTags"/>, then read
/// <see cref="Score"/>. Not thread-safe.
/// </summary>
public sealed class EntityScorer
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    /// <summary>Compares the mentions of <paramref name="predicted"/> with those of <paramref name="gold"/> (same tokens).</summary>
    public void Add(Document predicted, Document gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        Add(predicted.Mentions, gold.Mentions);
    }

    /// <summary>Compares two mention lists over the same tokens.</summary>
    public void Add(IReadOnlyList<Mention> predicted, IReadOnlyList<Mention> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldKeys = new HashSet<(int, int, string)>();
        foreach (var mention in gold)
        {
            goldKeys.Add((mention.FirstToken, mention.EndToken, mention.Type));
            CountsOf(mention.Type)[2]++;
        }

        foreach (var mention in predicted)
        {
            var counts = CountsOf(mention.Type);
            counts[1]++;
            if (goldKeys.Contains((mention.FirstToken, mention.EndToken, mention.Type)))
            {
                counts[0]++;
            }
        }
    }

    /// <summary>Compares two IOB1/IOB2 tag sequences of one sentence (chunks read as conlleval reads them).</summary>
    public void AddTags(IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        if (predicted.Count != gold.Count)
        {
            throw new ArgumentException($"The sequences differ in length ({predicted.Count} predicted, {gold.Count} gold).", nameof(predicted));
        }

        var provenance = new Provenance("tags", "iob");
        Add(ToMentions(IobChunks.FromTags(predicted), provenance), ToMentions(IobChunks.FromTags(gold), provenance));
    }

    /// <summary>The scores over everything added so far.</summary>
    public EntityScore Score()
    {
        int correct = 0, predicted = 0, gold = 0;
        var byType = new List<KeyValuePair<string, PrfScore>>(_counts.Count);
        foreach (var (type, counts) in _counts)
        {
            correct += counts[0];
            predicted += counts[1];
            gold += counts[2];
            byType.Add(new(type, new PrfScore(counts[0], counts[1], counts[2])));
        }

        return new EntityScore(new PrfScore(correct, predicted, gold), byType);
    }

    private int[] CountsOf(string type)
    {
        if (!_counts.TryGetValue(type, out var counts))
        {
            counts = new int[3];
            _counts.Add(type, counts);
        }

        return counts;
    }

    private static List<Mention> ToMentions(List<IobChunk> chunks, Provenance provenance)
    {
        var mentions = new List<Mention>(chunks.Count);
        foreach (var chunk in chunks)
        {
            mentions.Add(new Mention(new TextSpan(chunk.Start, chunk.End), chunk.Start, chunk.End, chunk.Type, provenance));
        }

        return mentions;
    }
}
