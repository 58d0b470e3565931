using Dossier.Analysis.Geoparsing;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Geoparsing;

public sealed class GazetteerToponymFinderTests
{
    private static readonly Lazy<GazetteerToponymFinder> s_finder = new(() =>
        new GazetteerToponymFinder(Gazetteer.Load(Gazetteer.DefaultPath), KnowledgeBase.Load(KnowledgeBase.DefaultDirectory)));

    private static List<string> Find(string text)
    {
        var document = new Document("d", text);
        return [.. s_finder.Value.Find(text).Select(document.TextOf)];
    }

    [Fact]
    public void Finds_countries_cities_and_states()
    {
        var found = Find("Fighters moved from Syria to Afghanistan, officials in Kabul said. A man from Bangor, Maine, was held.");
        Assert.Equal(["Syria", "Afghanistan", "Kabul", "Bangor", "Maine"], found);
    }

    [Fact]
    public void Skips_person_names_and_organisations()
    {
        var found = Find("David Jones spoke to the Washington Post about Lincoln Financial.");
        Assert.Empty(found);
    }

    [Fact]
    public void Skips_sentence_initial_function_words_and_months()
    {
        Assert.Empty(Find("The report came out in May. However, nobody read it."));
    }
}
