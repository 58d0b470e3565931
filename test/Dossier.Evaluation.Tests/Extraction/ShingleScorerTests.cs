using Dossier.Evaluation.Extraction;

namespace Dossier.Evaluation.Tests.Extraction;

public sealed class ShingleScorerTests
{
    [Fact]
    public void Tokens_are_python_word_runs_without_case_folding()
    {
        Assert.Equal(["It", "s", "3", "5", "über_cool", "東京"], ShingleScorer.Tokenize("It's 3.5 — über_cool! 東京"));
    }

    [Fact]
    public void Identical_texts_score_one_and_punctuation_does_not_matter()
    {
        var counts = ShingleScorer.Score("One two, three four five.", "One two three -- four five");
        Assert.Equal(new ShingleCounts(2, 0, 0), counts);
        Assert.Equal(1, counts.Precision);
        Assert.Equal(1, counts.Recall);
    }

    [Fact]
    public void Extra_text_costs_precision_and_missing_text_costs_recall()
    {
        // Truth: 6 tokens → 3 shingles. Prediction adds two tokens at the end → 5 shingles, 3 right.
        var extra = ShingleScorer.Score("a b c d e f g h", "a b c d e f");
        Assert.Equal(new ShingleCounts(3, 2, 0), extra);
        Assert.Equal(0.6, extra.Precision, 10);

        var missing = ShingleScorer.Score("a b c d", "a b c d e f");
        Assert.Equal(new ShingleCounts(1, 0, 2), missing);
        Assert.Equal(1.0 / 3, missing.Recall, 10);
    }

    [Fact]
    public void Repeated_shingles_count_as_a_multiset()
    {
        var counts = ShingleScorer.Score("a b c d a b c d", "a b c d");
        Assert.Equal(1, counts.TruePositives);
        Assert.Equal(4, counts.FalsePositives);
    }

    [Fact]
    public void Empty_texts_follow_the_benchmark_edge_cases()
    {
        Assert.Equal(1, ShingleScorer.Score("", "").Precision);
        var nothing = ShingleScorer.Score("", "some words in the truth");
        Assert.Equal(0, nothing.Precision);
        Assert.Equal(0, nothing.Recall);
    }

    [Fact]
    public void F1_is_the_harmonic_mean_of_the_mean_precision_and_recall()
    {
        var score = ExtractionScore.Average([new ShingleCounts(1, 1, 0), new ShingleCounts(1, 0, 0)]);
        Assert.Equal(0.75, score.Precision, 10);
        Assert.Equal(1, score.Recall, 10);
        Assert.Equal(2 * 0.75 / 1.75, score.F1, 10);
    }
}
