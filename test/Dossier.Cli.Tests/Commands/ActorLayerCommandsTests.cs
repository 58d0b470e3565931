using Dossier.Knowledge.Actors;

namespace Dossier.Cli.Tests.Commands;

public sealed class ActorLayerCommandsTests : IDisposable
{
    private readonly string _layer = Path.Combine(Path.GetTempPath(), "dossier-cli-layer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_layer))
        {
            Directory.Delete(_layer, recursive: true);
        }
    }

    [Fact]
    public void Add_alias_and_merge_change_the_layer_the_analysis_loads()
    {
        var (code, output, error) = CliRunner.Run(["actors", "add", "grp:test-front", "--name", "Test Liberation Front", "--type", "armed group",
            "--cameo", "AFGREB", "--alias", "TLF", "--country", "AFG", "--knowledge", _layer]);
        Assert.True(code == 0, output + error);
        Assert.Contains("added grp:test-front", output, StringComparison.Ordinal);

        (code, output, error) = CliRunner.Run(["actors", "alias", "grp:test-front", "Front of Tests", "--knowledge", _layer]);
        Assert.True(code == 0, output + error);
        (code, output, error) = CliRunner.Run(["actors", "alias", "grp:test-front", "Front of Tests", "--knowledge", _layer]);
        Assert.True(code == 0, output + error);
        Assert.Contains("nothing changed", output, StringComparison.Ordinal);

        (code, output, error) = CliRunner.Run(["actors", "merge", "grp:test-front", "grp:taliban", "--knowledge", _layer]);
        Assert.True(code == 0, output + error);

        var kb = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [_layer]);
        Assert.True(kb.Index.TryGet("TLF", out var candidates));
        Assert.Equal(["grp:taliban"], candidates.Select(c => c.Actor.Id.Value));
        Assert.True(kb.Index.TryGet("Front of Tests", out candidates));
        Assert.Equal(["grp:taliban"], candidates.Select(c => c.Actor.Id.Value));
    }

    [Theory]
    [InlineData("add", "no-prefix", "--name", "X", "--type", "armed group", "--cameo", "REB")]
    [InlineData("add", "grp:x", "--name", "X", "--type", "club", "--cameo", "REB")]
    [InlineData("add", "grp:x", "--name", "X", "--type", "outlet", "--cameo", "MED", "--country", "XXX")]
    [InlineData("alias", "grp:does-not-exist", "Name")]
    [InlineData("merge", "grp:taliban", "grp:taliban")]
    public void Bad_corrections_are_refused_with_a_message_and_write_nothing(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(["actors", .. args, "--knowledge", _layer]);
        Assert.Equal(2, code);
        Assert.StartsWith("dossier: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_layer));
    }
}
