namespace Dossier.Cli.Tests.Commands;

public sealed class NerCommandsTests : IDisposable
{
    private const string Gold = """
        -DOCSTART- -X- O O

        Zamir NNP I-NP I-PER
        Kabulov NNP I-NP I-PER
        told VBD I-VP O
        RIA NNP I-NP I-ORG
        Novosti NNP I-NP I-ORG
        in IN I-PP O
        Moscow NNP I-NP I-LOC
        . . O O

        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-ner-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Eval_ner_prints_scores_per_type_and_speed()
    {
        var (code, output, error) = Run("eval", "ner", "--conll", Write("gold.txt", Gold));

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("overall", output, StringComparison.Ordinal);
        Assert.Contains("PER ", output, StringComparison.Ordinal);
        Assert.Contains("tokens/s", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_ner_fails_under_the_floor()
    {
        var gold = Gold.Replace("told VBD I-VP O", "told VBD I-VP I-MISC", StringComparison.Ordinal);
        var (code, _, error) = Run("eval", "ner", "--conll", Write("gold.txt", gold), "--min-f1", "99.5");

        Assert.Equal(1, code);
        Assert.StartsWith("error: F1 ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_one_line_without_a_stack_trace()
    {
        var (code, _, error) = Run("eval", "ner", "--conll", Path.Combine(_folder, "missing.txt"));

        Assert.Equal(1, code);
        Assert.Equal($"error: file '{Path.Combine(_folder, "missing.txt")}' not found.", error.Trim());
    }

    [Fact]
    public void Train_ner_writes_a_model_that_eval_ner_reads()
    {
        var train = Write("train.txt", Gold);
        var model = Path.Combine(_folder, "model.gz");
        var (code, output, error) = Run("train", "ner", "--train", train, "--dev", train, "--out", model, "--epochs", "3", "--min-count", "1", "--no-clusters", "--no-gazetteers", "--no-knowledge");

        Assert.True(code == 0, error);
        Assert.Contains("dev F1", output, StringComparison.Ordinal);
        var (evalCode, evalOutput, _) = Run("eval", "ner", "--conll", train, "--model", model, "--min-f1", "100");
        Assert.Equal(0, evalCode);
        Assert.Contains("100.00", evalOutput, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DossierCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
