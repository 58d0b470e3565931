using Dossier.Evaluation.Entities;

namespace Dossier.Evaluation.Tests.Entities;

public sealed class EntityScorerTests
{
    [Fact]
    public void A_mention_counts_only_with_exact_span_and_type()
    {
        var scorer = new EntityScorer();
        // Gold: [Zamir Kabulov]PER ... [RIA Novosti]ORG ; predicted: exact PER, ORG with a short span, one spurious LOC.
        scorer.AddTags(
            predicted: ["I-PER", "I-PER", "O", "I-ORG", "O", "I-LOC"],
            gold: ["I-PER", "I-PER", "O", "I-ORG", "I-ORG", "O"]);
        var score = scorer.Score();

        Assert.Equal(new PrfScore(1, 3, 2), score.Overall);
        Assert.Equal(1.0 / 3, score.Overall.Precision, 6);
        Assert.Equal(0.5, score.Overall.Recall, 6);
        Assert.Equal(0.4, score.Overall.F1, 6);
        Assert.Equal(["LOC", "ORG", "PER"], score.ByType.Select(t => t.Key));
        Assert.Equal(new PrfScore(0, 1, 0), score.ByType[0].Value);
        Assert.Equal(new PrfScore(0, 1, 1), score.ByType[1].Value);
        Assert.Equal(new PrfScore(1, 1, 1), score.ByType[2].Value);
    }

    [Fact]
    public void Same_span_with_the_wrong_type_is_both_a_miss_and_a_false_alarm()
    {
        var scorer = new EntityScorer();
        scorer.AddTags(["I-LOC"], ["I-ORG"]);
        Assert.Equal(new PrfScore(0, 1, 1), scorer.Score().Overall);
        Assert.Equal(0, scorer.Score().Overall.F1);
    }

    [Theory]
    // IOB1: B- only where two entities of one type touch.
    [InlineData("I-PER I-PER B-PER", "0-2:PER 2-3:PER")]
    // A change of type starts a new chunk without B-.
    [InlineData("I-LOC I-PER", "0-1:LOC 1-2:PER")]
    // IOB2 reads the same.
    [InlineData("B-ORG I-ORG O B-ORG", "0-2:ORG 3-4:ORG")]
    // I- after O starts a chunk (conlleval), as does a leading B-.
    [InlineData("O I-MISC I-MISC O", "1-3:MISC")]
    [InlineData("B-LOC B-LOC", "0-1:LOC 1-2:LOC")]
    public void IOB1_and_IOB2_chunks_are_read_as_conlleval_reads_them(string tags, string expected)
    {
        var sequence = tags.Split(' ');
        var scorer = new EntityScorer();
        scorer.AddTags(sequence, sequence);
        var chunks = Dossier.Corpora.Conll2003.IobChunks.FromTags(sequence);

        Assert.Equal(expected, string.Join(' ', chunks.Select(c => $"{c.Start}-{c.End}:{c.Type}")));
        Assert.Equal(1.0, scorer.Score().Overall.F1);
    }

    [Fact]
    public void IOB1_and_IOB2_encodings_of_the_same_chunks_score_perfectly_against_each_other()
    {
        var scorer = new EntityScorer();
        scorer.AddTags(["B-PER", "I-PER", "B-PER", "O", "B-LOC"], ["I-PER", "I-PER", "B-PER", "O", "I-LOC"]);
        Assert.Equal(new PrfScore(3, 3, 3), scorer.Score().Overall);
    }

    [Fact]
    public void Nothing_predicted_and_nothing_gold_scores_zero_without_dividing_by_zero()
    {
        var scorer = new EntityScorer();
        scorer.AddTags(["O", "O"], ["O", "O"]);
        var score = scorer.Score();
        Assert.Equal(0, score.Overall.F1);
        Assert.Empty(score.ByType);
    }

    [Fact]
    public void Sequences_of_different_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new EntityScorer().AddTags(["O"], ["O", "O"]));
    }
}
