namespace Dossier.Cli.Tests.Commands;

public sealed class EvalEventsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-eval-events-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Two records written for this test: one the coder gets right, one whose gold claims a different target and an event
    // type the sentence does not have, so the summary has a wrong actor and a false positive to group.
    private string WriteGold()
    {
        var path = Path.Combine(_folder, "gold.json");
        File.WriteAllText(path, """
            [
              {"id": "a", "text": "Kenya accused Uganda of arming the rebels.", "event": "DISAPPROVE",
               "source": [{"actorText": "Kenya", "code": "KEN"}], "target": [{"actorText": "Uganda", "code": "UGA"}]},
              {"id": "b", "text": "Kenya accused Uganda of arming the rebels.", "event": "ASSAULT",
               "source": [{"actorText": "Kenya", "code": "KEN"}], "target": [{"actorText": "Uganda", "code": "UGA"}]},
              {"id": "c", "text": "Chad criticized Niger on Monday.", "event": "DISAPPROVE",
               "source": [{"actorText": "Chad", "code": "TCD"}], "target": [{"actorText": "Mali", "code": "MLI"}]}
            ]
            """);
        return path;
    }

    [Fact]
    public void Summary_groups_false_positives_by_cue_and_actor_errors_by_kind()
    {
        var (exitCode, output, _) = CliRunner.Run(["eval", "events", "--gold", WriteGold(), "--summary", "--errors", "5", "--mapping", Path.Combine(_folder, "none.txt")]);
        Assert.Equal(0, exitCode);
        Assert.Contains("    1  ACCUSE lexicon:accuse", output, StringComparison.Ordinal);
        Assert.Contains("    1  target named actor, not the gold's", output, StringComparison.Ordinal);
        Assert.Contains("[lexicon:criticize]", output, StringComparison.Ordinal);
        Assert.Contains("event type   P 66.67  R 66.67", output, StringComparison.Ordinal);
    }
}
