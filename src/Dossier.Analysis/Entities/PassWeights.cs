using System.Runtime.Intrinsics;

namespace Dossier.Analysis.Entities;

/// <summary>
/// The weights of one linear-chain tagging pass over a feature table shared by both passes: a row
/// of per-label weights for each of the first <see cref="Rows"/> table rows (rows beyond weigh
/// nothing in this pass), and label-to-label transition weights with start and end.
/// Immutable after construction and thread-safe.
/// </summary>
internal sealed class PassWeights
{
    public PassWeights(int labelCount, float[] weights, float[] transitions, float[] start, float[] end)
    {
        LabelCount = labelCount;
        Weights = weights;
        Transitions = transitions;
        Start = start;
        End = end;
    }

    public int LabelCount { get; }

    /// <summary>Row-major: <c>Weights[row * LabelCount + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary>Number of table rows this pass has weights for.</summary>
    public int Rows => Weights.Length / LabelCount;

    /// <summary><c>Transitions[previous * LabelCount + current]</c>.</summary>
    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    /// <summary>
    /// Adds to <paramref name="scores"/> (token-major, <see cref="LabelCount"/> per token) the rows of
    /// each token: token <c>t</c> owns <c>rows[offsets[t] .. offsets[t + 1])</c>; negative rows are unknown features.
    /// </summary>
    public void AddScores(ReadOnlySpan<int> rows, ReadOnlySpan<int> offsets, int tokenCount, Span<float> scores)
    {
        var labels = LabelCount;
        var limit = Rows;
        var weights = Weights.AsSpan();
        for (var token = 0; token < tokenCount; token++)
        {
            var target = scores.Slice(token * labels, labels);
            for (var k = offsets[token]; k < offsets[token + 1]; k++)
            {
                var row = rows[k];
                if ((uint)row < (uint)limit)
                {
                    Add(target, weights.Slice(row * labels, labels));
                }
            }
        }
    }

    /// <summary>target += source, eight lanes at a time where the hardware has them (17 labels: 2 vectors and 1 scalar).</summary>
    private static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        var l = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; l + 8 <= target.Length; l += 8)
            {
                (Vector256.Create(target.Slice(l, 8)) + Vector256.Create(source.Slice(l, 8))).CopyTo(target.Slice(l, 8));
            }
        }

        for (; l < target.Length; l++)
        {
            target[l] += source[l];
        }
    }
}

/// <summary>
/// First-order Viterbi decoding restricted to transitions that keep BILOU spans well formed, so
/// every decoded sequence reads back into whole mentions.
/// </summary>
internal static class Viterbi
{
    /// <summary>Best label sequence for tokens <c>[0, count)</c> of <paramref name="scores"/>, written to <paramref name="best"/>.</summary>
    public static void Decode(
        ReadOnlySpan<float> scores, int count, EntityLabels labels, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, ReadOnlySpan<float> end, Span<int> best)
    {
        var l = labels.Count;
        if (count == 0)
        {
            return;
        }

        Span<float> previous = stackalloc float[l];
        Span<float> current = stackalloc float[l];
        var back = count * l <= 4096 ? stackalloc int[count * l] : new int[count * l];
        var allowed = labels.Allowed;
        for (var y = 0; y < l; y++)
        {
            previous[y] = labels.AllowedStart[y] ? start[y] + scores[y] : float.NegativeInfinity;
        }

        for (var t = 1; t < count; t++)
        {
            var emission = scores.Slice(t * l, l);
            for (var y = 0; y < l; y++)
            {
                var bestScore = float.NegativeInfinity;
                var bestPrevious = 0;
                for (var p = 0; p < l; p++)
                {
                    if (!allowed[(p * l) + y])
                    {
                        continue;
                    }

                    var score = previous[p] + transitions[(p * l) + y];
                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestPrevious = p;
                    }
                }

                current[y] = bestScore + emission[y];
                back[(t * l) + y] = bestPrevious;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        var last = 0;
        var lastScore = float.NegativeInfinity;
        for (var y = 0; y < l; y++)
        {
            var score = labels.AllowedEnd[y] ? previous[y] + end[y] : float.NegativeInfinity;
            if (score > lastScore)
            {
                lastScore = score;
                last = y;
            }
        }

        best[count - 1] = last;
        for (var t = count - 1; t > 0; t--)
        {
            best[t - 1] = back[(t * l) + best[t]];
        }
    }
}
