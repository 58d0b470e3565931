using Dossier.Evaluation.Scoring;
using Dossier.Text;

namespace Dossier.Evaluation.Tests.Scoring;

public sealed class SpanScorerTests
{
    [Fact]
    public void Counts_exact_matches_only()
    {
        var score = SpanScorer.Score([new(0, 3), new(4, 6), new(7, 9)], [new(0, 3), new(4, 7)]);
        Assert.Equal(new PrfScore(1, 3, 2), score);
        Assert.Equal(1.0 / 3, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(0.4, score.F1, 6);
    }

    [Fact]
    public void Empty_prediction_against_empty_gold_is_perfect()
    {
        var score = SpanScorer.Score(Array.Empty<TextSpan>(), Array.Empty<TextSpan>());
        Assert.Equal(1.0, score.F1);
    }
}
