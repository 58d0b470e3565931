using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Tests.Actors;

public sealed class UserKnowledgeLayerTests : IDisposable
{
    private readonly string _layer = Path.Combine(Path.GetTempPath(), "dossier-layer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_layer))
        {
            Directory.Delete(_layer, recursive: true);
        }
    }

    private KnowledgeBase LoadWithLayer() => KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [_layer]);

    private static IEnumerable<string> Ids(KnowledgeBase kb, string name) =>
        kb.Index.TryGet(name, out var candidates) ? candidates.Select(c => c.Actor.Id.Value) : [];

    [Fact]
    public void A_missing_layer_changes_nothing()
    {
        var kb = LoadWithLayer();
        Assert.Equal(KnowledgeFixture.Kb.Actors.Length, kb.Actors.Length);
    }

    [Fact]
    public void Added_actor_is_linked_by_its_names_and_the_shipped_files_stay_untouched()
    {
        var shippedBefore = File.ReadAllText(Path.Combine(KnowledgeBase.DefaultDirectory, KnowledgeBase.ActorsFile));
        var layer = new UserKnowledgeLayer(_layer);
        layer.AddActor(new Actor(new ActorId("grp:kata-ib-test"), ActorType.ArmedGroup, "IRQREB", "Kataib Test Brigade",
            ["KTB"], "IRQ", [new ActorId("gov:irq-pmf")], null), KnowledgeFixture.Kb);

        var kb = LoadWithLayer();
        Assert.Equal(["grp:kata-ib-test"], Ids(kb, "KTB"));
        Assert.Equal(["grp:kata-ib-test"], Ids(kb, "Kataib Test Brigade"));
        Assert.Equal(shippedBefore, File.ReadAllText(Path.Combine(KnowledgeBase.DefaultDirectory, KnowledgeBase.ActorsFile)));
    }

    [Fact]
    public void Adding_an_existing_id_or_an_unknown_affiliation_is_refused()
    {
        var layer = new UserKnowledgeLayer(_layer);
        var existing = new Actor(new ActorId("grp:islamic-state"), ActorType.ArmedGroup, "IMGMUSISI", "X", [], null, [], null);
        Assert.Throws<ArgumentException>(() => layer.AddActor(existing, KnowledgeFixture.Kb));
        var orphan = new Actor(new ActorId("grp:new"), ActorType.ArmedGroup, "REB", "New Group", [], null, [new ActorId("grp:nowhere")], null);
        Assert.Throws<ArgumentException>(() => layer.AddActor(orphan, KnowledgeFixture.Kb));
        Assert.False(Directory.Exists(_layer));
    }

    [Fact]
    public void Alias_is_added_once()
    {
        var layer = new UserKnowledgeLayer(_layer);
        Assert.True(layer.AddAlias(new ActorId("grp:islamic-state"), "Dawla", KnowledgeFixture.Kb));
        var kb = LoadWithLayer();
        Assert.Equal(["grp:islamic-state"], Ids(kb, "Dawla"));
        Assert.False(layer.AddAlias(new ActorId("grp:islamic-state"), "Dawla", kb));
        Assert.Throws<ArgumentException>(() => layer.AddAlias(new ActorId("grp:no-such-group"), "X", kb));
        Assert.Throws<ArgumentException>(() => layer.AddAlias(new ActorId("grp:islamic-state"), "A|B", kb));
    }

    [Fact]
    public void Merge_moves_names_and_references_to_the_survivor()
    {
        var layer = new UserKnowledgeLayer(_layer);
        layer.AddActor(new Actor(new ActorId("grp:is-duplicate"), ActorType.ArmedGroup, "IMGMUSISI", "IS Wilayat Test",
            ["Wilayat Test"], null, [], null), KnowledgeFixture.Kb);
        layer.AddActor(new Actor(new ActorId("grp:is-cell"), ActorType.ArmedGroup, "IMGMUSISI", "Test Cell",
            [], null, [new ActorId("grp:is-duplicate")], null), LoadWithLayer());
        layer.Merge(new ActorId("grp:is-duplicate"), new ActorId("grp:islamic-state"), LoadWithLayer());

        var kb = LoadWithLayer();
        Assert.False(kb.TryGet(new ActorId("grp:is-duplicate"), out _));
        Assert.Equal(["grp:islamic-state"], Ids(kb, "Wilayat Test"));
        Assert.Equal(["grp:islamic-state"], Ids(kb, "IS Wilayat Test"));
        Assert.Equal([new ActorId("grp:islamic-state")], kb.Get(new ActorId("grp:is-cell")).Affiliations);
    }

    [Fact]
    public void Custom_dictionary_files_load_next_to_the_shipped_base()
    {
        Directory.CreateDirectory(_layer);
        File.WriteAllText(Path.Combine(_layer, "actors-newsroom.tsv"),
            "# our desk's list\nid\ttype\tcameo\tname\taliases\tcountry\taffiliations\tqid\n" +
            "media:desk-wire\toutlet\tMED\tDesk Wire\tDW Desk\t\t\t\n" +
            "per:jane-analyst\tperson\tGBR\tJane Analyst\tAnalyst\tGBR\t\t\n");
        var kb = LoadWithLayer();
        Assert.Equal(ActorType.Outlet, kb.Get(new ActorId("media:desk-wire")).Type);
        Assert.Equal(["per:jane-analyst"], Ids(kb, "Jane Analyst"));
    }

    [Fact]
    public void A_layer_naming_an_unknown_actor_fails_with_file_and_line()
    {
        Directory.CreateDirectory(_layer);
        File.WriteAllText(Path.Combine(_layer, UserKnowledgeLayer.AliasesFile), "actor\talias\ngrp:nope\tNope\n");
        var error = Assert.Throws<KnowledgeFormatException>(LoadWithLayer);
        Assert.Contains("aliases.tsv:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("grp:nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_names_parse_as_written_in_the_files()
    {
        Assert.True(UserKnowledgeLayer.TryParseType("armed group", out var type));
        Assert.Equal(ActorType.ArmedGroup, type);
        Assert.False(UserKnowledgeLayer.TryParseType("country", out _));
    }
}
