using Dossier.Knowledge.Actors;

namespace Dossier.Knowledge.Tests.Actors;

public sealed class ActorIndexTests
{
    private static KnowledgeBase Kb => KnowledgeFixture.Kb;

    private static IEnumerable<string> Ids(string name) =>
        Kb.Index.TryGet(name, out var candidates) ? candidates.Select(c => c.Actor.Id.Value) : [];

    [Theory]
    [InlineData("IS")]
    [InlineData("ISIS")]
    [InlineData("ISIL")]
    [InlineData("Daesh")]
    [InlineData("Islamic State")]
    public void Islamic_State_names_are_one_actor(string name) => Assert.Equal(["grp:islamic-state"], Ids(name));

    [Fact]
    public void Acronyms_match_only_in_capitals()
    {
        Assert.Empty(Ids("is"));
        Assert.Empty(Ids("us"));
        Assert.Empty(Ids("who"));
        Assert.Equal(["igo:who"], Ids("WHO"));
        Assert.Equal(["USA"], Ids("US"));
    }

    [Theory]
    [InlineData("Moscow", "RUS")]
    [InlineData("Washington", "USA")]
    [InlineData("Islamabad", "PAK")]
    [InlineData("Beijing", "CHN")]
    [InlineData("Zhongnanhai", "CHN")]
    [InlineData("Downing Street", "GBR")]
    [InlineData("Whitehall", "GBR")]
    [InlineData("Elysee", "FRA")]
    [InlineData("Élysée", "FRA")]
    public void Resolves_seats_of_power_to_countries(string name, string country)
    {
        Assert.True(Kb.Index.TryGet(name, out var candidates));
        Assert.Contains(candidates, c => c.Actor.Id.Value == country && c.Kind == NameKind.Seat);
    }

    [Theory]
    [InlineData("Russian", "RUS")]
    [InlineData("Afghan", "AFG")]
    [InlineData("Pakistani", "PAK")]
    [InlineData("AMERICAN", "USA")]
    public void Resolves_demonyms_to_countries(string name, string country)
    {
        Assert.True(Kb.Index.TryGet(name, out var candidates));
        Assert.Contains(candidates, c => c.Actor.Id.Value == country && c.Kind == NameKind.Demonym);
    }

    [Fact]
    public void Kremlin_is_both_the_government_and_the_administration()
    {
        var ids = Ids("the Kremlin").ToList();
        Assert.Contains("RUS", ids);
        Assert.Contains("gov:rus-kremlin", ids);
    }

    [Fact]
    public void Kabulov_is_Zamir_Kabulov_with_dated_positions()
    {
        Assert.Equal(["per:zamir-kabulov"], Ids("Kabulov"));
        var kabulov = Kb.Get(new ActorId("per:zamir-kabulov"));
        Assert.Contains(kabulov.Positions, p => p.Title.Contains("envoy to Afghanistan", StringComparison.Ordinal) && p.IsHeldOn(new DateOnly(2017, 12, 23)));
        Assert.Equal("RUSGOV", kabulov.Cameo);
    }

    [Fact]
    public void ISKP_is_a_province_of_Islamic_State()
    {
        Assert.Equal(["grp:iskp"], Ids("ISIS-K"));
        Assert.Contains(new ActorId("grp:islamic-state"), Kb.Get(new ActorId("grp:iskp")).Affiliations);
    }

    [Fact]
    public void Nicholson_held_command_in_Afghanistan_in_2017()
    {
        var nicholson = Kb.Get(new ActorId("per:john-nicholson"));
        Assert.Contains(nicholson.Positions, p => p.IsHeldOn(new DateOnly(2017, 12, 1)) && p.Cameo == "USAMIL");
        Assert.DoesNotContain(nicholson.Positions, p => p.IsHeldOn(new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void Span_lookup_needs_no_string()
    {
        var text = "said Sergey Lavrov on Friday";
        Assert.True(Kb.Index.TryGet(text.AsSpan(5, 13), out var candidates));
        Assert.Equal("per:sergey-lavrov", candidates[0].Actor.Id.Value);
    }
}
