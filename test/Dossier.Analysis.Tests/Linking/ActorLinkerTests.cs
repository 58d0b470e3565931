using Dossier.Analysis.Linking;
using Dossier.Knowledge.Actors;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Linking;

public sealed class ActorLinkerTests
{
    private static readonly Lazy<ActorLinker> s_linker = new(() => new ActorLinker(KnowledgeBase.Load(KnowledgeBase.DefaultDirectory)));

    /// <summary>Links the given mentions (each found after the previous one) and returns the links.</summary>
    private static List<ActorLink> Link(string text, params string[] mentions)
    {
        var spans = new List<LinkMention>();
        var from = 0;
        foreach (var mention in mentions)
        {
            var start = text.IndexOf(mention, from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{mention}' not found");
            spans.Add(new LinkMention(new TextSpan(start, start + mention.Length), null));
            from = start + mention.Length;
        }

        return [.. s_linker.Value.Link(text, spans)];
    }

    [Fact]
    public void IS_ISIS_Islamic_State_and_the_terrorist_group_are_one_actor()
    {
        var links = Link("Islamic State (IS, formerly ISIS) lost ground. ISIS fighters fled, and the terrorist group regrouped.",
            "Islamic State", "IS", "ISIS", "ISIS", "the terrorist group");
        Assert.All(links, l => Assert.Equal("grp:islamic-state", l.Actor?.Id.Value));
    }

    [Fact]
    public void Moscow_believes_is_Russias_government()
    {
        var link = Link("Moscow believes the US may be underestimating the threat.", "Moscow")[0];
        Assert.Equal("RUS", link.Actor?.Id.Value);
        Assert.Equal("RUSGOV", link.Cameo);
        Assert.Equal("seat-agent", link.Rule);
    }

    [Theory]
    [InlineData("Washington said it would respond.", "Washington", "USA")]
    [InlineData("The US accused Islamabad of failing to act.", "Islamabad", "PAK")]
    [InlineData("Beijing appreciated the effort.", "Beijing", "CHN")]
    public void Capitals_are_their_countries(string text, string mention, string country) =>
        Assert.Equal(country, Link(text, mention)[0].Actor?.Id.Value);

    [Fact]
    public void Kabulov_later_in_the_text_is_Zamir_Kabulov()
    {
        var links = Link("Zamir Kabulov said the threat was growing. Kabulov added that Russia was concerned.", "Zamir Kabulov", "Kabulov");
        Assert.Equal("per:zamir-kabulov", links[1].Actor?.Id.Value);
    }

    [Fact]
    public void Surname_of_an_unknown_person_joins_the_full_name_cluster()
    {
        var links = Link("Shopkeeper Ahmad Wali heard two blasts. Wali said his nephew was hurt.", "Ahmad Wali", "Wali");
        Assert.Null(links[1].Actor);
        Assert.Equal(links[0].Cluster, links[1].Cluster);
    }

    [Fact]
    public void Demonym_with_sector_head_gets_country_and_role()
    {
        var link = Link("Pakistani military commanders objected.", "Pakistani military commanders")[0];
        Assert.Equal(("PAK", "PAKMIL"), (link.Actor?.Id.Value, link.Cameo));
    }

    [Fact]
    public void Possessive_country_body_finds_the_knowledge_base_entry()
    {
        var link = Link("Pakistan's Foreign Office rejected the accusations.", "Pakistan's Foreign Office")[0];
        Assert.Equal("gov:pak-mofa", link.Actor?.Id.Value);
    }

    [Fact]
    public void The_diplomat_is_the_last_person_mentioned()
    {
        var links = Link("Kabulov spoke to RIA Novosti. The diplomat said Russia was worried.", "Kabulov", "RIA Novosti", "The diplomat");
        Assert.Equal("per:zamir-kabulov", links[2].Actor?.Id.Value);
    }

    [Fact]
    public void The_group_prefers_the_sentence_subject()
    {
        var links = Link("Islamic State Sahel Province, a rival of JNIM, attacked. The group is also known as ISGS.",
            "Islamic State Sahel Province", "JNIM", "The group");
        Assert.Equal("grp:is-sahel", links[2].Actor?.Id.Value);
    }

    [Fact]
    public void The_Kremlin_is_the_presidential_administration_of_Russia()
    {
        var link = Link("The Kremlin declined to comment.", "The Kremlin")[0];
        Assert.Equal("gov:rus-kremlin", link.Actor?.Id.Value);
        Assert.Contains(new ActorId("RUS"), link.Actor!.Affiliations);
    }

    [Fact]
    public void Links_a_documents_mention_layer_with_types()
    {
        const string text = "Lavrov met Taliban envoys in Moscow.";
        var document = new Document("d", text, new DocumentMetadata(Published: new DateOnly(2017, 12, 23)))
        {
            Mentions =
            [
                new Mention(new TextSpan(0, 6), 0, 1, "PER", new Provenance("test", "gold")),
                new Mention(new TextSpan(11, 18), 2, 3, "ORG", new Provenance("test", "gold")),
                new Mention(new TextSpan(29, 35), 5, 6, "LOC", new Provenance("test", "gold")),
            ],
        };
        var links = s_linker.Value.Link(document);
        Assert.Equal(["per:sergey-lavrov", "grp:taliban", "RUS"], links.Select(l => l.Actor?.Id.Value));
    }

    [Fact]
    public void Acronym_of_an_unknown_organisation_joins_its_cluster()
    {
        var links = Link("The Syrian Observatory for Human Rights (SOHR) counted 35 dead. SOHR said more were missing.",
            "Syrian Observatory for Human Rights", "SOHR", "SOHR");
        Assert.All(links, l => Assert.Null(l.Actor));
        Assert.Equal(links[0].Cluster, links[1].Cluster);
        Assert.Equal(links[0].Cluster, links[2].Cluster);
    }

    [Theory]
    [InlineData("(Acme Harbour Holdings Ltd) said it would bid for the port.")]
    [InlineData("( ) opened the text, then (ABC) followed.")]
    [InlineData("(XYZ)")]
    public void Text_that_opens_with_a_parenthesis_defines_no_acronym_and_does_not_fail(string text) =>
        Assert.DoesNotContain(ActorLinker.DefinedAcronyms(text), pair => pair.Value.Length == 0);
}
