using Dossier.Analysis.Geoparsing;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Geoparsing;

public sealed class RelativePlaceFinderTests
{
    private static RelativePlace Single(string text, string anchor)
    {
        var start = text.IndexOf(anchor, StringComparison.Ordinal);
        var found = RelativePlaceFinder.Find(text, [new TextSpan(start, start + anchor.Length)]);
        return Assert.Single(found);
    }

    [Fact]
    public void Keeps_the_north_of_Afghanistan_as_direction_and_anchor()
    {
        var text = "IS forces are strongest in the north of Afghanistan on the border with Tajikistan.";
        var place = Single(text, "Afghanistan");
        Assert.Equal("north", place.Direction);
        Assert.Equal("the north of Afghanistan", new Document("d", text).TextOf(place.Span));
        Assert.Null(place.DistanceKm);
    }

    [Theory]
    [InlineData("Fighting continued in northern Syria.", "Syria", "north")]
    [InlineData("Raids in north-eastern Nigeria killed 12.", "Nigeria", "northeast")]
    [InlineData("Protests spread across central Mali.", "Mali", "centre")]
    public void Reads_directional_adjectives(string text, string anchor, string direction) =>
        Assert.Equal(direction, Single(text, anchor).Direction);

    [Fact]
    public void Reads_distances_in_km_and_miles()
    {
        Assert.Equal(20, Single("A checkpoint 20 km south of Kabul was attacked.", "Kabul").DistanceKm);
        Assert.Equal(16.09, Single("The village lies 10 miles west of Mosul.", "Mosul").DistanceKm!.Value, 2);
    }

    [Theory]
    [InlineData("IS forces are strongest in the north of Afghanistan on the border with Tajikistan.", "on the border with Tajikistan")]
    [InlineData("Troops massed along the Afghan border with Pakistan.", "along the Afghan border with Pakistan")]
    public void Keeps_border_phrases_with_their_anchor(string text, string phrase)
    {
        var anchor = phrase[(phrase.LastIndexOf(' ') + 1)..];
        var place = Single(text, anchor);
        Assert.Equal("border", place.Direction);
        Assert.Equal(phrase, new Document("d", text).TextOf(place.Span));
    }

    [Fact]
    public void Ignores_plain_toponyms()
    {
        var text = "Talks were held in Moscow.";
        var start = text.IndexOf("Moscow", StringComparison.Ordinal);
        Assert.Empty(RelativePlaceFinder.Find(text, [new TextSpan(start, start + 6)]));
    }
}
