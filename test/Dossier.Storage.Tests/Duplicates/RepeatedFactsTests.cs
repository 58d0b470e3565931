using Dossier.Storage.Duplicates;

namespace Dossier.Storage.Tests.Duplicates;

public sealed class RepeatedFactsTests
{
    [Theory]
    [InlineData("Lately IS has boosted its presence in the country,",
        "Lately IS has boosted its presence in the country. Our estimate is that their force there is stronger than 10,000 troops", 1.0)]
    [InlineData("Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow,",
        "“Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow,”", 1.0)]
    [InlineData("Moscow was ready to cooperate with Washington on Afghanistan",
        "Moscow was prepared to work together with Washington to foster stability in Afghanistan", 0.25)]
    public void Measures_how_much_of_the_shorter_quote_the_other_contains(string first, string second, double expected) =>
        Assert.Equal(expected, RepeatedFacts.QuoteContainment(first, second), precision: 2);

    [Fact]
    public void Numbers_with_separators_stay_one_word_and_speakers_match_by_id_else_surname()
    {
        Assert.Equal(["over", "10,000".Replace(",", "", StringComparison.Ordinal), "fighters"], RepeatedFacts.Words("over 10,000 fighters."));
        Assert.Equal("per:zamir-kabulov", RepeatedFacts.SpeakerKey("per:zamir-kabulov", "Kabulov"));
        Assert.Equal("kabulov", RepeatedFacts.SpeakerKey(null, "Zamir Kabulov"));
        Assert.Null(RepeatedFacts.SpeakerKey(null, null));
    }

    [Fact]
    public void Copies_linked_as_near_duplicates_are_one_source_even_through_a_chain()
    {
        Assert.Equal(2, RepeatedFacts.IndependentSources([1, 2, 3, 4], [(2, 1), (3, 2)]));
        Assert.Equal(4, RepeatedFacts.IndependentSources([1, 2, 3, 4], [(5, 1)]));
    }

    [Fact]
    public void Event_keys_ignore_case_and_punctuation_but_not_sides_or_negation()
    {
        var key = RepeatedFacts.EventKey("19", "RUS", "RUS", "Russia", null, null, "Targets near Kabul", false);
        Assert.Equal(key, RepeatedFacts.EventKey("19", "RUS", null, null, null, null, "targets near Kabul.", false));
        Assert.NotEqual(key, RepeatedFacts.EventKey("19", "RUS", null, null, null, null, "targets near Kabul", true));
        Assert.NotEqual(key, RepeatedFacts.EventKey("19", null, null, "targets near Kabul", "RUS", null, null, false));
    }

    [Fact]
    public void Places_agree_when_equal_or_when_one_report_names_none()
    {
        Assert.True(RepeatedFacts.SamePlace("Kabul", "kabul."));
        Assert.True(RepeatedFacts.SamePlace("Kabul", null));
        Assert.True(RepeatedFacts.SamePlace(null, null));
        Assert.False(RepeatedFacts.SamePlace("Kabul", "Kunduz"));
    }
}
