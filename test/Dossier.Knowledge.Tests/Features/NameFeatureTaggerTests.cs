using Dossier.Knowledge.Features;
using Dossier.Knowledge.Places;

namespace Dossier.Knowledge.Tests.Features;

public sealed class NameFeatureTaggerTests
{
    private static readonly Lazy<NameFeatureTagger> s_tagger = new(() =>
        new NameFeatureTagger(KnowledgeFixture.Kb, Gazetteer.Load(Gazetteer.DefaultPath)));

    [Fact]
    public void Tags_people_outlets_and_groups_longest_first()
    {
        var features = s_tagger.Value.Tag(["Zamir", "Kabulov", "told", "RIA", "Novosti", "that", "Islamic", "State", "grew"]);
        Assert.Equal(["B-person", "I-person", "O", "B-outlet", "I-outlet", "O", "B-armed-group", "I-armed-group", "O"],
            features.Select(f => f.Actor));
    }

    [Fact]
    public void Tags_places_and_demonyms()
    {
        var features = s_tagger.Value.Tag(["Russian", "troops", "left", "Kabul", "for", "New", "York"]);
        Assert.Equal("B-demonym", features[0].Actor);
        Assert.Equal("B-capital", features[3].Place);
        Assert.Equal(["B-admin1", "I-admin1"], features.Skip(5).Select(f => f.Place));
    }

    [Fact]
    public void Lower_case_words_are_never_tagged() =>
        Assert.All(s_tagger.Value.Tag(["is", "us", "who", "georgia"]), f => Assert.Equal(("O", "O"), (f.Actor, f.Place)));
}
