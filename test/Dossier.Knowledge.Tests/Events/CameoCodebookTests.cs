using Dossier.Knowledge.Events;

namespace Dossier.Knowledge.Tests.Events;

public sealed class CameoCodebookTests
{
    private static readonly Lazy<CameoCodebook> Codebook = new(() => CameoCodebook.Load(CameoCodebook.DefaultDirectory));

    private static readonly string[] PloverEvents =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
        "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
    ];

    [Fact]
    public void Has_all_twenty_roots()
    {
        for (var root = 1; root <= 20; root++)
        {
            Assert.True(Codebook.Value.TryGet(root.ToString("00", System.Globalization.CultureInfo.InvariantCulture), out _), $"root {root:00} missing");
        }
    }

    [Fact]
    public void Every_code_has_its_root_and_its_parent_category()
    {
        foreach (var code in Codebook.Value.Codes)
        {
            Assert.True(Codebook.Value.TryGet(code.Root, out _), $"{code.Code}: root {code.Root} missing");
            if (code.Code.Length == 4)
            {
                Assert.True(Codebook.Value.TryGet(code.Code[..3], out _), $"{code.Code}: category {code.Code[..3]} missing");
            }
        }
    }

    [Fact]
    public void Goldstein_weights_lie_in_minus_ten_to_ten()
    {
        Assert.All(Codebook.Value.Codes, code => Assert.InRange(code.Goldstein, -10, 10));
    }

    [Fact]
    public void QuadClass_follows_the_root()
    {
        foreach (var code in Codebook.Value.Codes)
        {
            var root = int.Parse(code.Root, System.Globalization.CultureInfo.InvariantCulture);
            var expected = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
            Assert.True(expected == code.QuadClass, $"{code.Code}: quad class {code.QuadClass}, root {root} means {expected}");
        }
    }

    [Fact]
    public void Every_code_maps_to_a_PLOVER_event()
    {
        Assert.All(Codebook.Value.Codes, code => Assert.Contains(code.PloverEvent, PloverEvents));
    }

    [Theory]
    [InlineData("112", "Accuse, not specified below", "ACCUSE")]
    [InlineData("036", "Express intent to meet or negotiate", "AGREE")]
    [InlineData("190", "Use conventional military force, not specified below", "ASSAULT")]
    [InlineData("0874", "Retreat or surrender militarily", "RETREAT")]
    public void Known_codes_read_back(string code, string name, string plover)
    {
        var cameo = Codebook.Value.Get(code);
        Assert.Equal((name, plover), (cameo.Name, cameo.PloverEvent));
    }

    [Fact]
    public void A_code_without_a_PLOVER_line_is_refused_with_its_line()
    {
        var events = new StringReader("code\tname\tgoldstein\tquad_class\n01\tMake public statement\t0.0\t1\n02\tAppeal\t3.0\t1\n");
        var plover = new StringReader("code\tevent\tmode\n01\tOTHER\t\n");
        var error = Assert.Throws<Files.KnowledgeFormatException>(() => CameoCodebook.Load(events, plover));
        Assert.Contains("'02'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_codes_are_in_the_codebook_and_cover_all_twenty_roots()
    {
        var lexicon = EventLexicon.Load(CameoCodebook.DefaultDirectory);
        Assert.All(lexicon.Entries, entry => Assert.True(Codebook.Value.TryGet(entry.Code, out _), $"verbs.tsv line {entry.Line}: code {entry.Code} not in the codebook"));
        var roots = lexicon.Entries.Select(entry => entry.Code[..2]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(20, roots.Count);
    }
}
