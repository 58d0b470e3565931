using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class AbbreviationTests
{
    [Theory]
    [InlineData("Islamic State ( IS , formerly ISIS ) was pushed out .", "IS")]
    [InlineData("fighters of the Islamic State of Iraq and Syria ( ISIS ) fled .", "ISIS")]
    [InlineData("WHO ( World Health Organization ) said so .", "WHO")]
    public void Finds_an_abbreviation_defined_next_to_its_name(string spaced, string abbreviation)
    {
        var found = Abbreviations.DefinedIn(spaced.Split(' '));

        Assert.NotNull(found);
        Assert.Equal([abbreviation], found);
    }

    [Theory]
    [InlineData("what ( IS ) the problem ?")]
    [InlineData("the Foreign Ministry ( IS ) said .")]
    [InlineData("IS ( it ) here ?")]
    [InlineData("US ( United Nations ) talks")]
    public void Ignores_capitals_that_do_not_spell_the_name(string spaced) =>
        Assert.Null(Abbreviations.DefinedIn(spaced.Split(' ')));

    // EWT's all-capital "IS" is always the shouted verb, so without the document's definition the
    // tagger reads news text's "IS" (Islamic State) as "is".
    [Fact]
    public void Tagger_tags_a_defined_abbreviation_as_a_proper_noun_everywhere()
    {
        var document = SentenceFixture.Parsed(
            "Islamic State ( IS , formerly ISIS ) was pushed out of Syria , and lately IS has boosted its presence in Afghanistan .");
        var abbreviations = Enumerable.Range(0, document.Tokens.Length).Where(i => document.TokenText(i).SequenceEqual("IS")).ToArray();
        var why = SentenceFixture.Describe(document);

        Assert.Equal(2, abbreviations.Length);
        foreach (var i in abbreviations)
        {
            Assert.True(document.Tags[i].Upos == "PROPN", why);
            Assert.Equal("NNP", document.Tags[i].Xpos);
            Assert.Equal("IS", document.Tags[i].Lemma);
        }

        var has = SentenceFixture.IndexOf(document, "boosted");
        Assert.Contains(abbreviations[1], DependencyTree.Subjects(document, has));
    }
}
