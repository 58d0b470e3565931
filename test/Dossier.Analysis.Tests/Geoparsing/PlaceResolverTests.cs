using Dossier.Analysis.Geoparsing;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Geoparsing;

/// <summary>Users' complaints and everyday cases, over the repository's gazetteer and knowledge base.</summary>
public sealed class PlaceResolverTests
{
    private static readonly Lazy<PlaceResolver> s_resolver = new(() =>
        new PlaceResolver(Gazetteer.Load(Gazetteer.DefaultPath), KnowledgeBase.Load(KnowledgeBase.DefaultDirectory)));

    /// <summary>Resolves every occurrence of each name in <paramref name="names"/> (first occurrence only) and returns the places in order.</summary>
    private static List<Place?> Resolve(string text, params string[] names)
    {
        var spans = names.Select(n =>
        {
            var start = text.IndexOf(n, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{n}' not in text");
            return new TextSpan(start, start + n.Length);
        }).ToList();
        return [.. s_resolver.Value.Resolve(text, spans).Select(r => r.Place)];
    }

    [Fact]
    public void Resolves_Moscow_to_Russia()
    {
        var place = Resolve("Moscow believes the threat is growing.", "Moscow")[0];
        Assert.Equal("RUS", place?.Country);
    }

    [Fact]
    public void Albany_never_becomes_Albania()
    {
        var place = Resolve("The state legislature met in Albany on Tuesday.", "Albany")[0];
        Assert.NotNull(place);
        Assert.Equal("Albany", place.Name);
        Assert.NotEqual("ALB", place.Country);
    }

    [Fact]
    public void Albany_with_New_York_context_is_the_state_capital()
    {
        var place = Resolve("Lawmakers in Albany, New York, passed the budget.", "Albany")[0];
        Assert.Equal(("USA", "NY"), (place?.Country, place?.Admin1));
    }

    [Fact]
    public void Bangor_Maine_is_in_Maine_not_Northern_Ireland()
    {
        var place = Resolve("A man from Bangor, Maine, was arrested.", "Bangor")[0];
        Assert.Equal(("USA", "ME"), (place?.Country, place?.Admin1));
    }

    [Fact]
    public void Bangor_alone_is_the_most_populous_Bangor()
    {
        var place = Resolve("Police in Bangor said the road was closed.", "Bangor")[0];
        Assert.Equal("Bangor", place?.Name);
    }

    [Fact]
    public void European_is_Europe_not_a_mine()
    {
        var place = Resolve("European ministers met on Monday.", "European")[0];
        Assert.NotNull(place);
        Assert.Equal(PlaceKind.Region, place.Kind);
        Assert.Equal("Europe", place.Name);
    }

    [Fact]
    public void US_is_the_United_States_not_a_French_village()
    {
        var place = Resolve("The US said it would respond.", "US")[0];
        Assert.Equal(("USA", PlaceKind.Country), (place?.Country, place?.Kind));
    }

    [Fact]
    public void Georgia_with_Atlanta_is_the_US_state()
    {
        var places = Resolve("Atlanta police said storms hit Georgia overnight.", "Atlanta", "Georgia");
        Assert.Equal(("USA", PlaceKind.Admin1), (places[1]?.Country, places[1]?.Kind));
    }

    [Fact]
    public void Georgia_with_Tbilisi_is_the_country()
    {
        var places = Resolve("Protesters gathered in Tbilisi as Georgia voted.", "Tbilisi", "Georgia");
        Assert.Equal(("GEO", PlaceKind.Country), (places[1]?.Country, places[1]?.Kind));
    }

    [Fact]
    public void Demonym_resolves_to_its_country()
    {
        var place = Resolve("Afghan officials said the attack killed five.", "Afghan")[0];
        Assert.Equal(("AFG", PlaceKind.Country), (place?.Country, place?.Kind));
    }

    [Fact]
    public void Kabul_is_the_capital_not_the_province()
    {
        var place = Resolve("A blast shook Kabul on Sunday.", "Kabul")[0];
        Assert.Equal(PlaceKind.Capital, place?.Kind);
    }

    [Fact]
    public void Huntsville_with_Walker_County_is_in_Texas()
    {
        var places = Resolve("Walker County deputies said the man was taken to a hospital in Huntsville.", "Walker County", "Huntsville");
        Assert.Equal(("USA", "TX"), (places[0]?.Country, places[0]?.Admin1));
        Assert.Equal(("USA", "TX"), (places[1]?.Country, places[1]?.Admin1));
    }

    [Fact]
    public void Paris_with_Henry_County_is_Paris_Tennessee()
    {
        var places = Resolve("The Henry County sheriff said the crash happened north of Paris.", "Henry County", "Paris");
        Assert.Equal(("USA", "TN"), (places[1]?.Country, places[1]?.Admin1));
    }

    [Theory]
    [InlineData("St. Catharines", "Saint Catharines")]
    [InlineData("St Catharines", "Saint-Catharines")]
    [InlineData("Saint Paul", "St. Paul")]
    [InlineData("Ste-Foy", "Sainte Foy")]
    [InlineData("Mt. Pleasant", "Mount Pleasant")]
    [InlineData("Saint-Denis", "Saint Denis")]
    [InlineData("Stratford upon Avon", "Stratford-upon-Avon")]
    [InlineData("PLYMOUTH CO.", "PLYMOUTH County")]
    public void Name_forms_spell_out_abbreviations_and_swap_hyphens(string name, string form) =>
        Assert.Contains(form, PlaceResolver.NameForms(name));

    [Fact]
    public void Name_forms_leave_plain_names_alone() =>
        Assert.Empty(PlaceResolver.NameForms("Kabul"));

    private static readonly string[] VariantNames = ["Saint Denis", "St. Denis", "Plymouth Co."];

    [Fact]
    public void A_spelling_variant_finds_the_place_only_when_the_exact_name_is_absent()
    {
        var gazetteer = new Gazetteer(
        [
            new Place(1, "Saint-Denis", [], 48.94, 2.36, "FRA", "11", 111_000, PlaceKind.AdminSeat, "PPLA3"),
            new Place(2, "St. Denis", [], 30.0, -90.0, "USA", "LA", 2_000, PlaceKind.PopulatedPlace, "PPL"),
            new Place(3, "Plymouth County", [], 42.0, -70.8, "USA", "MA", 0, PlaceKind.Admin2, "ADM2") { Admin2 = "Plymouth" },
        ]);
        var resolver = new PlaceResolver(gazetteer);
        const string text = "Fans left Saint Denis for St. Denis and Plymouth Co. yesterday.";
        var spans = VariantNames
            .Select(n => new TextSpan(text.IndexOf(n, StringComparison.Ordinal), text.IndexOf(n, StringComparison.Ordinal) + n.Length))
            .ToList();
        var places = resolver.Resolve(text, spans, useFocusFallback: false);
        Assert.Equal(1, places[0].Place?.Id);
        Assert.Equal(2, places[1].Place?.Id);
        Assert.Equal(3, places[2].Place?.Id);
    }
}
