using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class LemmatizerTests
{
    private static readonly Lemmatizer Learned = Lemmatizer.Learn(
    [
        ("troops", "NOUN", "NNS", "troop"),
        ("fighters", "NOUN", "NNS", "fighter"),
        ("rebels", "NOUN", "NNS", "rebel"),
        ("weapons", "NOUN", "NNS", "weapon"),
        ("countries", "NOUN", "NNS", "country"),
        ("parties", "NOUN", "NNS", "party"),
        ("cities", "NOUN", "NNS", "city"),
        ("walked", "VERB", "VBD", "walk"),
        ("talked", "VERB", "VBD", "talk"),
        ("fled", "VERB", "VBD", "flee"),
        ("was", "AUX", "VBD", "be"),
        ("was", "AUX", "VBD", "be"),
        ("The", "DET", "DT", "the"),
        ("US", "PROPN", "NNP", "US"),
    ]);

    [Theory]
    [InlineData("troops", "NOUN", "NNS", "troop")]
    [InlineData("fled", "VERB", "VBD", "flee")]
    [InlineData("was", "AUX", "VBD", "be")]
    [InlineData("The", "DET", "DT", "the")]
    public void Remembers_training_words(string form, string upos, string xpos, string lemma) =>
        Assert.Equal(lemma, Learned.Lemmatize(form, upos, xpos));

    [Theory]
    [InlineData("bodies", "NOUN", "NNS", "body")]
    [InlineData("rockets", "NOUN", "NNS", "rocket")]
    [InlineData("jumped", "VERB", "VBD", "jump")]
    public void Generalises_suffix_rules_to_new_words(string form, string upos, string xpos, string lemma) =>
        Assert.Equal(lemma, Learned.Lemmatize(form, upos, xpos));

    [Fact]
    public void Keeps_case_of_proper_nouns_and_lowercases_common_words()
    {
        Assert.Equal("Kabulov", Learned.Lemmatize("Kabulov", "PROPN", "NNP"));
        Assert.Equal("troop", Learned.Lemmatize("Troops", "NOUN", "NNS"));
        Assert.Equal("please", Learned.Lemmatize("PLEASE", "INTJ", "UH"));
    }

    [Fact]
    public void Falls_back_to_the_word_and_universal_tag_when_the_fine_tag_differs() =>
        Assert.Equal("flee", Learned.Lemmatize("fled", "VERB", "VBN"));

    [Fact]
    public void Looks_up_sentence_initial_capitals_in_lower_case() =>
        Assert.Equal("flee", Learned.Lemmatize("Fled", "VERB", "VBD"));
}
