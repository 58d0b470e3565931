namespace Dossier.Cli.Tests.Syntax;

public sealed class SyntaxCommandsTests : IDisposable
{
    // A hand-made two-word treebank (not from EWT) so the commands can run on the shipped models.
    private const string Conllu = "1\tTroops\ttroops\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n2\tfled\tflee\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-cli-syntax-").FullName;

    [Theory]
    [InlineData("tagger")]
    [InlineData("parser")]
    public void Missing_file_is_one_line_without_a_stack_trace(string component)
    {
        var (exit, output, error) = Run("eval", component, "--conllu", Path.Combine(_folder, "missing.conllu"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("missing.conllu", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_parser_prints_all_scores_and_fails_below_a_floor()
    {
        var path = Path.Combine(_folder, "tiny.conllu");
        File.WriteAllText(path, Conllu);

        var (passed, output, _) = Run("eval", "parser", "--conllu", path, "--min-uas", "0");
        var (failed, _, error) = Run("eval", "parser", "--conllu", path, "--min-las", "101");

        Assert.Equal(0, passed);
        foreach (var name in new[] { "UPOS", "XPOS", "Lemma", "UAS", "LAS", "tokens/s" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.Equal(1, failed);
        Assert.Contains("LAS", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = DossierCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
