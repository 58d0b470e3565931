using Dossier.Knowledge.Names;

namespace Dossier.Knowledge.Tests.Names;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Élysée", "elysee")]
    [InlineData("Çavuşoğlu", "cavusoglu")]
    [InlineData("Nuku’alofa", "nuku'alofa")]
    [InlineData("Åland", "aland")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Guinea–Bissau", "guinea-bissau")]
    public void Folds_case_diacritics_and_punctuation(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Fact]
    public void Comparer_hash_agrees_with_equality()
    {
        Assert.True(NameKey.Comparer.Equals("São Tomé", "SAO TOME"));
        Assert.Equal(NameKey.Comparer.GetHashCode("São Tomé"), NameKey.Comparer.GetHashCode("SAO TOME"));
        Assert.Equal(NameKey.Comparer.GetHashCode("Kabul"), NameKey.Comparer.GetHashCode("Kabul".AsSpan()));
    }

    [Theory]
    [InlineData("IS", true)]
    [InlineData("ISIS-K", false)]
    [InlineData("ISIS", true)]
    [InlineData("KABUL", false)]
    [InlineData("U.S.", true)]
    [InlineData("Daesh", false)]
    [InlineData("dpa", false)]
    [InlineData("123", false)]
    public void All_capital_names_are_case_sensitive(string name, bool expected) => Assert.Equal(expected, NameKey.IsCaseSensitive(name));
}
