using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Syntax;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Evaluation.Tests.Syntax;

public sealed class RawTextSyntaxScorerTests
{
    private const string Sample =
        "# text = I don't.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n";

    [Fact]
    public void Scores_aligned_words_and_counts_missing_ones_against_recall()
    {
        var gold = SegmentationGold.FromConllu(ConlluReader.Read(new StringReader(Sample)));
        Assert.Equal("I don't.", gold.Text);
        Assert.Equal([("PRON", 2, "nsubj"), ("AUX", 2, "aux"), ("PART", -1, "root"), ("PUNCT", 2, "punct")], gold.WordSyntax);

        // Predicted: "do" and "n't" merged into one token (a segmentation error), so three tokens.
        var document = new Document("d", gold.Text)
        {
            Tokens = [new Token(new TextSpan(0, 1), TokenTraits.SpaceBefore), new Token(new TextSpan(2, 7), TokenTraits.SpaceBefore), new Token(new TextSpan(7, 8), TokenTraits.None)],
            Tags = [new TokenTags("PRON", "PRP", "I", "_"), new TokenTags("VERB", "VBP", "do", "_"), new TokenTags("PUNCT", ".", ".", "_")],
            Dependencies = [new Dependency(1, "nsubj"), new Dependency(-1, "root"), new Dependency(1, "punct")],
        };
        var scores = RawTextSyntaxScorer.Score(document, gold);
        Assert.Equal((2, 3, 4), (scores.Words.Correct, scores.Words.Predicted, scores.Words.Gold));
        Assert.Equal(2, scores.Upos.Correct); // "I" and "."
        Assert.Equal(0, scores.Uas.Correct); // both heads point at the mis-segmented "don't"
    }
}
