using System.Collections.Immutable;
using Dossier.Analysis.Syntax;
using Dossier.Corpora.Conllu;
using Dossier.Evaluation.Syntax;

namespace Dossier.Evaluation.Tests.Syntax;

public sealed class SyntaxScorerTests
{
    private static readonly AnnotatedSentence Gold = Sentence(
        ["he", "told", "RIA", "Novosti"], ["PRON", "VERB", "PROPN", "PROPN"], ["PRP", "VBD", "NNP", "NNP"],
        ["he", "tell", "RIA", "Novosti"], [2, 0, 2, 3], ["nsubj", "root", "obj", "flat"]);

    [Fact]
    public void Perfect_prediction_scores_one_hundred()
    {
        var scores = SyntaxScorer.Score([Gold], [Gold]);

        Assert.Equal(4, scores.Words);
        Assert.Equal(100, scores.Upos);
        Assert.Equal(100, scores.Uas);
        Assert.Equal(100, scores.Las);
    }

    [Fact]
    public void Las_ignores_relation_subtypes_as_conll_2018_does()
    {
        var predicted = Gold with { Relations = ["nsubj:pass", "root", "obj", "flat:name"] };

        Assert.Equal(100, SyntaxScorer.Score([Gold], [predicted]).Las);
    }

    [Fact]
    public void Wrong_head_costs_uas_and_las_but_a_wrong_label_only_las()
    {
        var predicted = Gold with { Heads = [2, 0, 2, 2], Relations = ["nsubj", "root", "iobj", "flat"] };

        var scores = SyntaxScorer.Score([Gold], [predicted]);

        Assert.Equal(75, scores.Uas);
        Assert.Equal(50, scores.Las);
    }

    [Fact]
    public void Tag_and_lemma_accuracy_count_words()
    {
        var predicted = Gold with { Upos = ["PRON", "VERB", "PROPN", "NOUN"], Lemmas = ["he", "told", "RIA", "Novosti"] };

        var scores = SyntaxScorer.Score([Gold], [predicted]);

        Assert.Equal(75, scores.Upos);
        Assert.Equal(100, scores.Xpos);
        Assert.Equal(75, scores.Lemma);
    }

    [Theory]
    [InlineData("Number=Sing|Person=3|Foo=Bar", "Number=Sing|Person=3")]
    [InlineData("Person=3|Number=Sing", "Number=Sing|Person=3")]
    [InlineData("_", "_")]
    [InlineData("ExtPos=ADP", "_")]
    public void Keeps_only_universal_features(string features, string universal) =>
        Assert.Equal(universal, SyntaxScorer.Universal(features));

    [Fact]
    public void Mismatched_sentences_are_an_error()
    {
        var shorter = Gold with { Forms = Gold.Forms.RemoveAt(3) };

        Assert.Throws<ArgumentException>(() => SyntaxScorer.Score([Gold], [shorter]));
    }

    [Fact]
    public void Reads_words_and_not_multiword_ranges_from_conllu()
    {
        const string Conllu = """
            # text = I don't know.
            1	I	I	PRON	PRP	_	4	nsubj	_	_
            2-3	don't	_	_	_	_	_	_	_	_
            2	do	do	AUX	VBP	_	4	aux	_	_
            3	n't	not	PART	RB	_	4	advmod	_	_
            4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
            5	.	.	PUNCT	.	_	4	punct	_	_

            """;
        var sentence = SyntaxCorpus.ToAnnotated(ConlluReader.Read(new StringReader(Conllu.Replace("\r", "", StringComparison.Ordinal))).Single());

        Assert.Equal(["I", "do", "n't", "know", "."], sentence.Forms);
        Assert.Equal([4, 4, 4, 0, 4], sentence.Heads);
    }

    private static AnnotatedSentence Sentence(string[] forms, string[] upos, string[] xpos, string[] lemmas, int[] heads, string[] relations) =>
        new([.. forms], [.. upos], [.. xpos], [.. lemmas], ImmutableArray.CreateRange(forms.Select(_ => "_")), [.. heads], [.. relations]);
}
