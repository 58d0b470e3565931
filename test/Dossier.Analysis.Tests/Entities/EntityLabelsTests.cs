using Dossier.Analysis.Entities;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Entities;

public sealed class EntityLabelsTests
{
    private static readonly EntityLabels Labels = new(["LOC", "MISC", "ORG", "PER"]);

    [Fact]
    public void Mentions_round_trip_through_BILOU_labels()
    {
        var document = EntityFixture.WithMentions(
            EntityFixture.Document("Zamir Kabulov told RIA Novosti in Moscow on Friday"),
            (0, 2, "PER"), (3, 5, "ORG"), (6, 7, "LOC"));
        var labels = new int[document.Tokens.Length];
        Labels.Encode(document.Mentions.AsSpan(), labels);

        Assert.Equal(["B-PER", "L-PER", "O", "B-ORG", "L-ORG", "O", "U-LOC", "O", "O"], labels.Select(Labels.NameOf));
        var decoded = Labels.Decode(labels, document.Tokens.AsSpan(), new Provenance("test", "decode"));
        Assert.Equal([("Zamir Kabulov", "PER"), ("RIA Novosti", "ORG"), ("Moscow", "LOC")], EntityFixture.MentionsOf(document with { Mentions = decoded }));
    }

    [Theory]
    [InlineData("O", "B-PER", true)]
    [InlineData("O", "I-PER", false)]
    [InlineData("B-PER", "I-PER", true)]
    [InlineData("B-PER", "L-PER", true)]
    [InlineData("B-PER", "L-ORG", false)]
    [InlineData("B-PER", "O", false)]
    [InlineData("L-PER", "U-LOC", true)]
    [InlineData("U-LOC", "I-LOC", false)]
    public void Only_transitions_that_keep_spans_whole_are_allowed(string previous, string current, bool allowed)
    {
        Assert.Equal(allowed, Labels.Allowed[(Find(previous) * Labels.Count) + Find(current)]);
    }

    [Fact]
    public void Viterbi_never_returns_a_broken_span_even_when_each_token_prefers_one()
    {
        // Token scores alone would give "I-PER O": an inside label with no beginning.
        var l = Labels.Count;
        var scores = new float[2 * l];
        scores[Find("I-PER")] = 5;
        scores[l + Find("O")] = 5;
        scores[Find("U-PER")] = 4;
        var best = new int[2];
        Viterbi.Decode(scores, 2, Labels, new float[l * l], new float[l], new float[l], best);

        Assert.Equal(["U-PER", "O"], best.Select(Labels.NameOf));
    }

    private static int Find(string name) => Enumerable.Range(0, Labels.Count).First(label => Labels.NameOf(label) == name);
}
