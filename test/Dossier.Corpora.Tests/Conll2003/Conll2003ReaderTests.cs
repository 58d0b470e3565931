using Dossier.Corpora.Conll2003;

namespace Dossier.Corpora.Tests.Conll2003;

public sealed class Conll2003ReaderTests
{
    private const string Sample = """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O
        . . O O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER

        -DOCSTART- -X- O O

        BRUSSELS NNP I-NP I-LOC
        1996-08-22 CD I-NP O
        """;

    [Fact]
    public void Reads_documents_sentences_and_columns()
    {
        var documents = Conll2003Reader.Read(new StringReader(Sample)).ToList();

        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Sentences.Length);
        Assert.Equal(7, documents[0].TokenCount);
        Assert.Equal(new Conll2003Token("rejects", "VBZ", "I-VP", "O"), documents[0].Sentences[0].Tokens[1]);
        Assert.Equal("BRUSSELS", documents[1].Sentences[0].Tokens[0].Word);
    }

    [Fact]
    public void Builds_a_document_with_tokens_sentences_and_gold_mentions()
    {
        var document = Conll2003Reader.Read(new StringReader(Sample)).First().ToDocument("d1");

        Assert.Equal("EU rejects German call .\nPeter Blackburn", document.Text);
        Assert.Equal(7, document.Tokens.Length);
        Assert.Equal(2, document.Sentences.Length);
        Assert.Equal(
            [("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER")],
            document.Mentions.Select(m => (document.TextOf(m.Span), m.Type)));
        Assert.Equal(5, document.Mentions[2].FirstToken);
    }

    [Fact]
    public void Reads_two_column_files_and_files_without_docstart()
    {
        var documents = Conll2003Reader.Read(new StringReader("Kabulov B-PER\nsaid O\n")).ToList();
        Assert.Single(documents);
        Assert.Equal("_", documents[0].Sentences[0].Tokens[0].Pos);
        Assert.Equal("B-PER", documents[0].Sentences[0].Tokens[0].Tag);
    }

    [Fact]
    public void A_bad_tag_is_reported_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => Conll2003Reader.Read(new StringReader("EU NNP I-NP I-ORG\nrejects VBZ I-VP X-ORG\n")).ToList());
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
