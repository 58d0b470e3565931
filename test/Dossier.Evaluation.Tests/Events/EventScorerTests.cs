using Dossier.Evaluation.Events;
using Dossier.Knowledge.Events;
using Dossier.Text;
using Dossier.Text.Events;

namespace Dossier.Evaluation.Tests.Events;

public sealed class EventScorerTests
{
    // A small hand-written codebook: 01 is a plain statement (OTHER), 11x ACCUSE, 19x ASSAULT, 0874 a RETREAT sub-code.
    private static readonly CameoCodebook Codebook = CameoCodebook.Load(
        new StringReader("code\tname\tgoldstein\tquad_class\n01\tStatement\t0\t1\n11\tDisapprove\t-2\t3\n112\tAccuse\t-2\t3\n19\tFight\t-10\t4\n190\tUse force\t-10\t4\n08\tYield\t5\t2\n0874\tWithdraw\t7.5\t2\n"),
        new StringReader("code\tevent\tmode\n01\tOTHER\t\n11\tACCUSE\t\n19\tASSAULT\t\n08\tCONCEDE\t\n0874\tRETREAT\twithdraw\n"));

    private static PoliticalEvent Coded(string code, string? source = null, string? target = null, bool negated = false) =>
        new(new TextSpan(0, 1), new TextSpan(0, 1), code, Actor(source), Actor(target), null, null, negated, null, new Provenance("test", "hand"));

    private static EventActor? Actor(string? cameo) => cameo is null ? null : new EventActor(new TextSpan(0, 1), null, cameo, cameo[..3]);

    private static EventGoldRecord Gold(string type, string[] sources, string[] targets) => new("r", "text", type, [.. sources], [.. targets]);

    [Fact]
    public void A_hit_with_an_extra_type_counts_one_true_and_one_false_positive()
    {
        var scorer = new EventScorer(Codebook);
        scorer.Add(Gold("ASSAULT", ["RUS"], ["UKR"]), [Coded("190", "RUSMIL", "UKR"), Coded("112", "UKR", "RUS")]);

        var scores = scorer.Result();

        Assert.Equal((1, 2, 1), (scores.Types.Correct, scores.Types.Predicted, scores.Types.Gold));
        Assert.Equal(0.5, scores.Types.Precision);
        Assert.Equal(1.0, scores.Types.Recall);
        Assert.Equal((0, 1, 0), (scores.PerType["ACCUSE"].Correct, scores.PerType["ACCUSE"].Predicted, scores.PerType["ACCUSE"].Gold));
        Assert.Equal(1.0, scores.ActorAccuracy);
        var error = Assert.Single(scores.Errors);
        Assert.True(error.Hit);
        Assert.Equal(["ASSAULT", "ACCUSE"], error.Predicted);
    }

    [Fact]
    public void Negated_events_and_plain_statements_are_not_predictions()
    {
        var scorer = new EventScorer(Codebook);
        scorer.Add(Gold("ASSAULT", ["RUS"], ["UKR"]), [Coded("190", "RUS", "UKR", negated: true), Coded("01", "RUS")]);

        var scores = scorer.Result();

        Assert.Equal((0, 0, 1), (scores.Types.Correct, scores.Types.Predicted, scores.Types.Gold));
        Assert.Equal(0, scores.Source.Gold);
        Assert.False(Assert.Single(scores.Errors).Hit);
    }

    [Fact]
    public void Sub_codes_map_through_their_own_line_and_actors_compare_on_three_letters()
    {
        var scorer = new EventScorer(Codebook);
        scorer.Add(Gold("RETREAT", ["USA"], ["IRQ"]), [Coded("0874", "USAMIL", "SYRGOV")]);
        scorer.Add(Gold("ACCUSE", ["PAK"], []), [Coded("112", "PAKGOV")]);

        var scores = scorer.Result();

        Assert.Equal(1.0, scores.Types.Precision);
        Assert.Equal((2, 2), (scores.Source.Correct, scores.Source.Gold));
        Assert.Equal((0, 1), (scores.Target.Correct, scores.Target.Gold));
        Assert.Equal(2.0 / 3, scores.ActorAccuracy, 6);
        var wrongTarget = Assert.Single(scores.Errors);
        Assert.True(wrongTarget.Hit);
        Assert.Equal("RETREAT", wrongTarget.Record.Event);
    }

    [Fact]
    public void Actor_without_a_code_falls_back_to_its_country()
    {
        var actor = new EventActor(new TextSpan(0, 1), "x", null, "SYR");
        Assert.True(EventScorer.Agrees(actor, ["SYRMIL"]));
        Assert.False(EventScorer.Agrees(null, ["SYR"]));
        Assert.False(EventScorer.Agrees(new EventActor(new TextSpan(0, 1), null, "US", null), ["USA"]));
    }

    [Fact]
    public void Gold_records_parse_with_legacy_labels_mapped()
    {
        var records = PloverGold.Parse("""
            [{"id": "a", "text": "Troops fought rebels.", "event": "FIGHT", "source": [{"actorText": "Troops", "code": "MIL"}, {"code": "IRQMIL"}], "target": []},
             {"id": "b", "text": "X criticised Y.", "event": "DISAPPROVE"}]
            """);

        Assert.Equal(["ASSAULT", "ACCUSE"], records.Select(r => r.Event));
        Assert.Equal(["MIL", "IRQMIL"], records[0].Sources);
        Assert.Empty(records[1].Targets);
    }

    [Fact]
    public void Mapping_agreement_counts_codes_both_tables_know()
    {
        var (agree, compared) = PloverGold.MappingAgreement(Codebook, ["# comment", "112: DISAPPROVE, , # accuse", "0874: CONCEDE, ,", "999: AID", "190: FIGHT"]);
        Assert.Equal((2, 3), (agree, compared));
    }

    [Theory]
    [InlineData("PLOVER-GSR01-AGREE-0007", "odd")]
    [InlineData("PLOVER-GSR01-AGREE-0010", "even")]
    [InlineData("abc", "odd")]
    [InlineData("ab", "even")]
    public void Records_split_into_halves_by_the_parity_of_their_id_number(string id, string half) =>
        Assert.Equal(half, PloverGold.Half(id));
}
