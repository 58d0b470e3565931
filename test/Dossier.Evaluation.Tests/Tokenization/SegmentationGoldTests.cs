using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Evaluation.Tests.Tokenization;

public sealed class SegmentationGoldTests
{
    private const string Sample =
        "# newpar\n# text = I don't.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n" +
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
        "# text = Yes\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n" +
        "# newpar\n# text = gonna\n1-2\tgonna\t_\t_\t_\t_\t_\t_\t_\t_\n1\tgoing\tgo\tVERB\tVBG\t_\t0\troot\t_\t_\n2\tto\tto\tPART\tTO\t_\t1\tmark\t_\t_\n";

    [Fact]
    public void Rebuilds_raw_text_and_gold_spans()
    {
        var gold = SegmentationGold.FromConllu(ConlluReader.Read(new StringReader(Sample)));
        Assert.Equal("I don't. Yes\n\ngonna", gold.Text);
        Assert.Equal(["I", "don't", ".", "Yes", "gonna"], gold.Tokens.Select(span => gold.Text[span.Start..span.End]));
        Assert.Equal(["I", "do", "n't", ".", "Yes"], gold.Words.Select(span => gold.Text[span.Start..span.End]));
        Assert.Equal(["I don't.", "Yes", "gonna"], gold.Sentences.Select(span => gold.Text[span.Start..span.End]));
        Assert.Equal(2, gold.UnplacedWords); // "going" + "to" do not spell "gonna"
    }
}
