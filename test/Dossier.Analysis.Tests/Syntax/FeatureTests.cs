using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class FeatureTests
{
    [Theory]
    [InlineData("Kabulov", "Xxx")]
    [InlineData("10,000", "dd,dd")]
    [InlineData("IS", "XX")]
    [InlineData("n't", "x'x")]
    public void Shapes_collapse_runs(string form, string shape)
    {
        Span<char> buffer = stackalloc char[32];
        var length = TaggerFeatures.ShapeOf(form, buffer);

        Assert.Equal(shape, new string(buffer[..length]));
    }

    [Theory]
    [InlineData("Russia\u2019s", "Russia's")]
    [InlineData("\u201C", "\"")]
    [InlineData("\u201D", "\"")]
    [InlineData("n\u2019t", "n't")]
    [InlineData("plain", "plain")]
    public void Normalises_typographic_characters_for_lookup(string form, string normalised) =>
        Assert.Equal(normalised, FormNormalizer.Normalize(form));

    [Fact]
    public void Unchanged_forms_are_not_copied()
    {
        var form = "Taliban";

        Assert.Same(form, FormNormalizer.Normalize(form));
    }

    [Fact]
    public void Feature_keys_do_not_collide_across_templates_or_atoms()
    {
        var keys = new HashSet<ulong>
        {
            FeatureKey.Of(1, 5),
            FeatureKey.Of(2, 5),
            FeatureKey.Of(1, 5, 0),
            FeatureKey.Of(1, 0, 5),
            FeatureKey.Of(1, 5, 6, 7),
            FeatureKey.Of(1, 7, 6, 5),
        };

        Assert.Equal(5, keys.Count); // Of(1, 5) and Of(1, 5, 0) are the same feature by design
    }

    [Fact]
    public void Tagger_sees_tags_before_and_ambiguity_after()
    {
        var forms = new[] { "he", "told", "RIA" };
        var atoms = new TokenAtoms[3];
        TaggerFeatures.Describe(forms, atoms, new LexiconBuilder(), _ => Lexicon.None, ClusterLexicon.Empty);
        var features = new ulong[TaggerFeatures.Count];

        TaggerFeatures.Extract(atoms, 1, previousTag: 10, previousTag2: Lexicon.Boundary, features);

        Assert.Contains(FeatureKey.Of(15, 10), features);
        Assert.Contains(FeatureKey.Of(13, atoms[2].Lower), features);
        Assert.Equal(features.Length, features.Distinct().Count());
    }

    [Fact]
    public void Reversed_atoms_equal_the_atoms_of_the_reversed_sentence()
    {
        var forms = new[] { "Kabulov", "told", "RIA", "Novosti", "." };
        var lexicon = new LexiconBuilder();
        var forward = new TokenAtoms[forms.Length];
        TaggerFeatures.Describe(forms, forward, lexicon, _ => Lexicon.None, ClusterLexicon.Empty);
        var described = new TokenAtoms[forms.Length];
        TaggerFeatures.Describe([.. forms.Reverse()], described, lexicon, _ => Lexicon.None, ClusterLexicon.Empty);

        var reversed = new TokenAtoms[forms.Length];
        TaggerFeatures.Reverse(forward, reversed);

        Assert.Equal(described, reversed);
        Assert.NotEqual(forward[0].Flags, reversed[^1].Flags); // the first-token flag moved to the other end
    }
}
