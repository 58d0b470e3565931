using Dossier.Corpora.Conllu;

namespace Dossier.Corpora.Tests.Conllu;

public sealed class ConlluReaderTests
{
    private const string Sample =
        "# newdoc id = d1\n# newpar\n# sent_id = s1\n# text = I don't.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n" +
        "3.1\tx\tx\tX\tX\t_\t_\t_\t2:dep\t_\n" +
        "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
        "# sent_id = s2\n# text = Yes\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    [Fact]
    public void Reads_words_multiword_tokens_and_comments()
    {
        var sentences = ConlluReader.Read(new StringReader(Sample)).ToList();
        Assert.Equal(2, sentences.Count);
        var first = sentences[0];
        Assert.Equal("s1", first.SentenceId);
        Assert.Equal("I don't.", first.Text);
        Assert.True(first.StartsDocument);
        Assert.True(first.StartsParagraph);
        Assert.Equal(["I", "do", "n't", "."], first.Words.Select(w => w.Form));
        Assert.Equal(3, first.Words[0].Head);
        Assert.True(first.Words[2].SpaceAfterNo);
        var multiword = Assert.Single(first.MultiwordTokens);
        Assert.Equal((2, 3, "don't"), (multiword.FirstId, multiword.LastId, multiword.Form));
        Assert.False(sentences[1].StartsParagraph);
    }

    [Fact]
    public void Malformed_line_names_its_number()
    {
        var error = Assert.Throws<FormatException>(() => ConlluReader.Read(new StringReader("# text = a\n1\ta\tb\n")).ToList());
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
