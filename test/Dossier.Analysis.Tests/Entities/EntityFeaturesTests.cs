using System.Collections.Immutable;
using Dossier.Analysis.Entities;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Entities;

public sealed class EntityFeaturesTests
{
    private static readonly Gazetteer Places = new(["city", "region"], [("Central Asia", 1), ("Moscow", 0)]);

    [Fact]
    public void Extraction_is_deterministic()
    {
        var document = EntityFixture.Document("Moscow believes the US may be underestimating their threat .");
        Assert.Equal(KeysOf(document, Places), KeysOf(document, Places));
    }

    [Fact]
    public void A_token_s_features_depend_on_its_neighbours()
    {
        var first = KeysOf(EntityFixture.Document("Kabulov said on Friday"), null);
        var second = KeysOf(EntityFixture.Document("Kabulov told on Friday"), null);
        Assert.NotEqual(first[0], second[0]);
        Assert.Equal(first[3].Count, second[3].Count);
    }

    [Fact]
    public void A_capitalised_headline_shares_lower_case_features_with_body_text()
    {
        var headline = KeysOf(EntityFixture.Document("JAPAN GET LUCKY WIN"), null)[0];
        var body = KeysOf(EntityFixture.Document("Japan get lucky win"), null)[0];
        Assert.NotEmpty(headline.Intersect(body));
        Assert.NotEqual(headline, body);
    }

    [Fact]
    public void Gazetteer_phrases_match_whole_token_runs_case_insensitively()
    {
        var phrase = 0UL;
        phrase = Gazetteer.Extend(phrase, FeatureHash.OfLower("CENTRAL"));
        Assert.Equal(Gazetteer.Continues, Places.Lookup(phrase));
        phrase = Gazetteer.Extend(phrase, FeatureHash.OfLower("asia"));
        Assert.Equal(1u << 1, Places.Lookup(phrase));
        Assert.Equal(0u, Places.Lookup(Gazetteer.Extend(0, FeatureHash.OfLower("Asia"))));
    }

    [Fact]
    public void Gazetteer_matches_add_features_only_where_they_match()
    {
        var document = EntityFixture.Document("threat for Central Asia and Russia");
        var with = KeysOf(document, Places);
        var without = KeysOf(document, null);
        Assert.Equal(without[0], with[0]);
        Assert.True(with[2].Count > without[2].Count);
        Assert.True(with[3].Count > without[3].Count);
    }

    [Fact]
    public void Word_clusters_are_found_by_exact_then_capitalised_then_lower_case_form()
    {
        var clusters = new WordClusters([new WordClusterEntry("Japan", 10, 9, "0110"), new WordClusterEntry("said", 50, 50, "1010")]);
        Assert.Equal(0, clusters.Find("JAPAN"));
        Assert.Equal(1, clusters.Find("Said"));
        Assert.Equal(-1, clusters.Find("Kabulov"));
        Assert.Equal(5, clusters.CapitalisationOf(FeatureHash.OfLower("japan")));
        Assert.Equal(1, clusters.CapitalisationOf(FeatureHash.OfLower("said")));
    }

    [Fact]
    public void Second_pass_features_follow_the_first_pass_labels_of_other_occurrences()
    {
        var document = EntityFixture.Document("Comelf said profit rose .", "Comelf 's output rose .");
        var extractor = new EntityFeatureExtractor(null, null);
        var buffer = new FeatureBuffer();
        extractor.Extract(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan(), buffer);
        var asOrganisation = SecondPass(buffer, [9, 0, 0, 0, 0, 9, 0, 0, 0, 0]);
        var asPerson = SecondPass(buffer, [9, 0, 0, 0, 0, 13, 0, 0, 0, 0]);
        Assert.NotEqual(asOrganisation[0], asPerson[0]);
        Assert.Equal(asOrganisation[1], asPerson[1]);
    }

    private static List<ImmutableArray<ulong>> SecondPass(FeatureBuffer first, int[] labels)
    {
        var extra = new FeatureBuffer();
        EntityFeatureExtractor.ExtractSecondPass(first, labels, extra);
        return [.. Enumerable.Range(0, extra.TokenCount).Select(t => extra.Of(t).ToImmutableArray())];
    }

    private static List<HashSet<ulong>> KeysOf(Document document, Gazetteer? gazetteer)
    {
        var buffer = new FeatureBuffer();
        new EntityFeatureExtractor(null, gazetteer).Extract(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan(), buffer);
        return [.. Enumerable.Range(0, buffer.TokenCount).Select(t => buffer.Of(t).ToArray().ToHashSet())];
    }
}
