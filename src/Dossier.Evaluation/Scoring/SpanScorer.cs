using Dossier.Text;

namespace Dossier.Evaluation.Scoring;

/// <summary>Scores predicted spans against gold spans by exact match of start and end.</summary>
public static class SpanScorer
{
    /// <summary>Counts exact matches between the two span lists (duplicates count once).</summary>
    public static PrfScore Score(IReadOnlyCollection<TextSpan> predicted, IReadOnlyCollection<TextSpan> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldSet = new HashSet<TextSpan>(gold);
        var predictedSet = new HashSet<TextSpan>(predicted);
        var correct = 0;
        foreach (var span in predictedSet)
        {
            if (goldSet.Contains(span))
            {
                correct++;
            }
        }

        return new PrfScore(correct, predictedSet.Count, goldSet.Count);
    }
}
