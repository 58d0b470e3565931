namespace Dossier.Cli.Tests.Commands;

public sealed class EvalTokenizeCommandTests : IDisposable
{
    // A hand-written two-paragraph CoNLL-U sample with a multi-word token.
    private const string Sample = """
        # newdoc id = d1
        # newpar id = p1
        # sent_id = 1
        # text = We don't know.
        1	We	we	PRON	PRP	_	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = 2
        # text = Kabulov said so.
        1	Kabulov	Kabulov	PROPN	NNP	_	2	nsubj	_	_
        2	said	say	VERB	VBD	_	0	root	_	_
        3	so	so	ADV	RB	_	2	advmod	_	SpaceAfter=No
        4	.	.	PUNCT	.	_	2	punct	_	_

        # newpar id = p2
        # sent_id = 3
        # text = Moscow agreed
        1	Moscow	Moscow	PROPN	NNP	_	2	nsubj	_	_
        2	agreed	agree	VERB	VBD	_	0	root	_	_


        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteSample()
    {
        var path = Path.Combine(_folder, "sample.conllu");
        File.WriteAllText(path, Sample.Replace("        ", string.Empty, StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Scores_a_perfect_segmentation_at_100()
    {
        var (exitCode, output, _) = CliRunner.Run(["eval", "tokenize", "--conllu", WriteSample(), "--min-tokens", "99", "--min-sentences", "99"]);
        Assert.Equal(0, exitCode);
        Assert.Matches(@"tokens\s+100\.00\s+100\.00\s+100\.00", output);
        Assert.Matches(@"words\s+100\.00\s+100\.00\s+100\.00", output);
        Assert.Matches(@"sentences\s+100\.00\s+100\.00\s+100\.00", output);
        Assert.Contains("ok: token F1 100.00 >= floor 99.00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_with_exit_code_1_below_a_floor()
    {
        var (exitCode, output, _) = CliRunner.Run(["eval", "tokenize", "--conllu", WriteSample(), "--min-tokens", "100.5"]);
        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL: token F1 100.00 < floor 100.50", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_one_line_error()
    {
        var (exitCode, _, error) = CliRunner.Run(["eval", "tokenize", "--conllu", Path.Combine(_folder, "none.conllu")]);
        Assert.Equal(2, exitCode);
        Assert.Contains("was not found", error, StringComparison.Ordinal);
    }
}
