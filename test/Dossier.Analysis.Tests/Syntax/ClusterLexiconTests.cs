using System.Collections.Immutable;
using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class ClusterLexiconTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-clusters-").FullName;

    private string WriteClusters()
    {
        var path = Path.Combine(_folder, "clusters.tsv");
        File.WriteAllText(path, string.Join('\n',
            "# form\tcount\tmid-sentence count\tcluster path",
            "troops\t50\t50\t0110101",
            "soldiers\t40\t40\t0110100",
            "army\t35\t35\t0110100",
            "ran\t25\t25\t00011",
            "Kabul\t30\t30\t1110001110",
            "fled\t20\t20\t00011",
            "rare\t2\t2\t-",
            ""));
        return path;
    }

    [Fact]
    public void Finds_forms_as_written_capitalised_or_lower_cased()
    {
        var clusters = ClusterLexicon.Load(WriteClusters());

        Assert.Equal(6, clusters.Count);
        Assert.True(clusters.Find("troops") >= 0);
        Assert.Equal(clusters.Find("troops"), clusters.Find("Troops"));
        Assert.Equal(clusters.Find("Kabul"), clusters.Find("KABUL"));
        Assert.Equal(-1, clusters.Find("rare"));
        Assert.Equal(-1, clusters.Find("unknown"));
    }

    [Fact]
    public void Words_sharing_a_path_prefix_share_its_atom()
    {
        var clusters = ClusterLexicon.Load(WriteClusters());
        int troops = clusters.Find("troops"), soldiers = clusters.Find("soldiers"), fled = clusters.Find("fled");

        Assert.Equal(clusters.Prefix(troops, 0), clusters.Prefix(soldiers, 0));
        Assert.Equal(clusters.Prefix(troops, 1), clusters.Prefix(soldiers, 1));
        Assert.NotEqual(clusters.Prefix(troops, ClusterLexicon.Levels - 1), clusters.Prefix(soldiers, ClusterLexicon.Levels - 1));
        Assert.NotEqual(clusters.Prefix(troops, 0), clusters.Prefix(fled, 0));
        Assert.Equal(Lexicon.None, clusters.Prefix(-1, 0));
    }

    // A word the treebank never saw ("army") shares the cluster features of the words in its
    // cluster ("soldiers"), which is how the tagger generalises to it.
    [Fact]
    public void Unseen_word_gets_the_cluster_features_of_its_cluster()
    {
        var clusters = ClusterLexicon.Load(WriteClusters());
        var ids = new LexiconBuilder();
        var atoms = new TokenAtoms[4];
        TaggerFeatures.Describe(["soldiers", "fled", "army", "ran"], atoms, ids, _ => Lexicon.None, clusters);
        var soldiers = new ulong[TaggerFeatures.Count];
        var army = new ulong[TaggerFeatures.Count];
        TaggerFeatures.Extract(atoms, 0, Lexicon.Boundary, Lexicon.Boundary, soldiers);
        TaggerFeatures.Extract(atoms, 2, Lexicon.Boundary, Lexicon.Boundary, army);

        Assert.NotEqual(soldiers[1], army[1]);
        Assert.Equal(soldiers[33..37], army[33..37]);
        Assert.NotEqual(atoms[0].Cluster, atoms[1].Cluster);
        Assert.Equal(atoms[1].Cluster, atoms[3].Cluster);
    }

    [Fact]
    public void Tagger_with_clusters_round_trips_through_save_and_load()
    {
        var clusters = ClusterLexicon.Load(WriteClusters());
        var train = new[]
        {
            Sentence("soldiers fled .", ["NOUN", "VERB", "PUNCT"], ["NNS", "VBD", "."], [2, 0, 2], ["nsubj", "root", "punct"]),
            Sentence("fled soldiers .", ["VERB", "NOUN", "PUNCT"], ["VBD", "NNS", "."], [0, 1, 1], ["root", "obj", "punct"]),
        };

        var model = PosTaggerTrainer.Train(train, null, new TaggerTrainingOptions(Epochs: 5, Prune: 0, Clusters: clusters));
        var path = Path.Combine(_folder, "tagger.gz");
        model.Save(path);
        var loaded = PosTaggerModel.Load(path);

        Assert.Equal(clusters.Count, loaded.Clusters.Count);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(model.Tag(["army", "ran", "."]), loaded.Tag(["army", "ran", "."]));
        Assert.Equal(["NNS", "VBD", "."], loaded.Tag(["soldiers", "fled", "."]).Select(t => t.Xpos));
    }

    [Fact]
    public void Parser_with_clusters_round_trips_through_save_and_load()
    {
        var clusters = ClusterLexicon.Load(WriteClusters());
        var train = new[] { Sentence("troops fled .", ["NOUN", "VERB", "PUNCT"], ["NNS", "VBD", "."], [2, 0, 2], ["nsubj", "root", "punct"]) };
        var model = DependencyParserTrainer.Train(train, null, new ParserTrainingOptions(Epochs: 5, Prune: 0, Clusters: clusters));
        var path = Path.Combine(_folder, "parser.gz");
        model.Save(path);
        var loaded = DependencyParserModel.Load(path);

        string[] forms = ["soldiers", "fled", "."], xpos = ["NNS", "VBD", "."];
        Assert.Equal(model.Parse(forms, xpos).Heads, loaded.Parse(forms, xpos).Heads);
        Assert.Equal([2, 0, 2], loaded.Parse(forms, xpos).Heads);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AnnotatedSentence Sentence(string spaced, string[] upos, string[] xpos, int[] heads, string[] relations)
    {
        var forms = spaced.Split(' ');
        return new AnnotatedSentence(
            [.. forms], [.. upos], [.. xpos], [.. forms], ImmutableArray.CreateRange(forms.Select(_ => "_")), [.. heads], [.. relations]);
    }
}
