using Dossier.Evaluation.Events;
using Dossier.Knowledge.Events;
using Dossier.Text;
using Dossier.Text.Events;

namespace Dossier.Evaluation.Tests.Events;

public sealed class EventErrorSummaryTests
{
    // 11x ACCUSE, 19x ASSAULT, 01 a plain statement PLOVER drops.
    private static readonly CameoCodebook Codebook = CameoCodebook.Load(
        new StringReader("code\tname\tgoldstein\tquad_class\n01\tStatement\t0\t1\n11\tDisapprove\t-2\t3\n112\tAccuse\t-2\t3\n19\tFight\t-10\t4\n190\tUse force\t-10\t4\n"),
        new StringReader("code\tevent\tmode\n01\tOTHER\t\n11\tACCUSE\t\n19\tASSAULT\t\n"));

    private static PoliticalEvent Coded(string code, EventActor? source, EventActor? target, string rule) =>
        new(new TextSpan(0, 1), new TextSpan(0, 1), code, source, target, null, null, false, null, new Provenance("events", rule));

    private static EventActor Named(string cameo) => new(new TextSpan(0, 1), cameo[..3], cameo, cameo[..3]);

    private static EventActor Generic(string cameo) => new(new TextSpan(0, 1), null, cameo, cameo[..3]);

    private static EventGoldRecord Gold(string type, string source, string target) => new("r", "text", type, [source], [target]);

    [Fact]
    public void False_positives_are_grouped_by_type_and_the_rule_before_its_refinements()
    {
        var scorer = new EventScorer(Codebook);
        scorer.Add(Gold("ASSAULT", "RUS", "UKR"), [Coded("190", Named("RUS"), Named("UKR"), "lexicon:attack"), Coded("112", Named("UKR"), Named("RUS"), "lexicon:accuse+implicit-target")]);
        scorer.Add(Gold("ASSAULT", "ISR", "LBN"), [Coded("112", Named("LBN"), Named("ISR"), "lexicon:accuse")]);
        scorer.Add(Gold("ACCUSE", "ISR", "LBN"), [Coded("01", Named("ISR"), null, "lexicon:say")]);

        var groups = EventErrorSummary.FalsePositives(Codebook, scorer.Result().Errors);

        Assert.Equal([new KeyValuePair<string, int>("ACCUSE lexicon:accuse", 2)], groups);
    }

    [Fact]
    public void Wrong_actors_on_true_positives_are_grouped_by_kind()
    {
        var scorer = new EventScorer(Codebook);
        scorer.Add(Gold("ASSAULT", "RUS", "UKR"), [Coded("190", null, Generic("RUSMIL"), "lexicon:attack+implicit-target")]);
        scorer.Add(Gold("ASSAULT", "ISR", "LBN"), [Coded("190", Named("LBN"), Generic("SYRCVL"), "lexicon:shell")]);
        scorer.Add(Gold("ASSAULT", "NGA", "CMR"), [Coded("190", Generic("TCDMIL"), Named("CMR"), "lexicon:attack")]);
        scorer.Add(Gold("ACCUSE", "FRA", "DEU"), [Coded("112", Named("FRA"), Named("DEU"), "lexicon:accuse")]);

        var groups = EventErrorSummary.ActorErrors(Codebook, scorer.Result().Errors).ToDictionary(StringComparer.Ordinal);

        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["source missing"] = 1,
            ["target implicit (the source's country) where the gold names one"] = 1,
            ["source is the gold's other side"] = 1,
            ["target generic or unknown actor, wrong country"] = 1,
            ["source generic or unknown actor, wrong country"] = 1,
        }, groups);
    }
}
