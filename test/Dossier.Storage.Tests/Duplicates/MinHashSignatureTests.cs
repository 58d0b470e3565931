using Dossier.Storage.Duplicates;

namespace Dossier.Storage.Tests.Duplicates;

public sealed class MinHashSignatureTests
{
    private const string Story =
        "The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan, and Moscow believes the US may be " +
        "underestimating their threat, Russia's special envoy says. Many of the IS fighters who fled Syria and Iraq ended up in " +
        "Afghanistan, where the terrorist group has as many as 10,000 troops at the moment, the envoy said on Saturday.";

    [Fact]
    public void Identical_texts_have_identical_signatures()
    {
        Assert.Equal(1.0, MinHashSignature.Compute(Story).Jaccard(MinHashSignature.Compute(Story)));
    }

    [Fact]
    public void Case_and_punctuation_do_not_matter()
    {
        var shouted = Story.ToUpperInvariant().Replace(",", " ;", StringComparison.Ordinal);
        Assert.Equal(1.0, MinHashSignature.Compute(Story).Jaccard(MinHashSignature.Compute(shouted)));
    }

    [Fact]
    public void A_copy_cut_short_is_highly_contained_though_its_jaccard_is_lower()
    {
        var full = MinHashSignature.Compute(Story + " " + Story.Replace("Moscow", "Kabul", StringComparison.Ordinal));
        var cut = MinHashSignature.Compute(Story);
        Assert.True(cut.Containment(full) >= 0.8, $"containment {cut.Containment(full)}");
        Assert.True(cut.Jaccard(full) < cut.Containment(full));
    }

    [Fact]
    public void Unrelated_texts_are_not_similar()
    {
        var other = MinHashSignature.Compute("A US commander says the Islamic State affiliate has about 3,000 fighters, confined to Nangarhar and Kunar provinces in the east.");
        Assert.True(MinHashSignature.Compute(Story).Containment(other) < 0.2);
    }

    [Fact]
    public void Round_trips_through_bytes()
    {
        var signature = MinHashSignature.Compute(Story);
        var copy = MinHashSignature.FromBytes(signature.ToBytes());
        Assert.Equal(signature.Values, copy.Values);
        Assert.Equal(signature.Shingles, copy.Shingles);
    }
}
