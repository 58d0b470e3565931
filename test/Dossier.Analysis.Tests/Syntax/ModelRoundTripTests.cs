using System.Collections.Immutable;
using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class ModelRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-syntax-").FullName;

    // Three tiny sentences: enough to train both models in milliseconds.
    private static readonly AnnotatedSentence[] Train =
    [
        Sentence("he told reporters .", ["PRON", "VERB", "NOUN", "PUNCT"], ["PRP", "VBD", "NNS", "."], ["he", "tell", "reporter", "."], [2, 0, 2, 2], ["nsubj", "root", "obj", "punct"]),
        Sentence("troops fled .", ["NOUN", "VERB", "PUNCT"], ["NNS", "VBD", "."], ["troop", "flee", "."], [2, 0, 2], ["nsubj", "root", "punct"]),
        Sentence("the US accused Islamabad .", ["DET", "PROPN", "VERB", "PROPN", "PUNCT"], ["DT", "NNP", "VBD", "NNP", "."], ["the", "US", "accuse", "Islamabad", "."], [2, 3, 0, 3, 3], ["det", "nsubj", "root", "obj", "punct"]),
    ];

    [Fact]
    public void Tagger_round_trips_through_save_and_load()
    {
        var model = PosTaggerTrainer.Train(Train, Train, new TaggerTrainingOptions(Epochs: 5, Prune: 0));
        var path = Path.Combine(_folder, "tagger.gz");
        model.Save(path);
        var loaded = PosTaggerModel.Load(path);

        foreach (var sentence in Train)
        {
            Assert.Equal(model.Tag(sentence.Forms), loaded.Tag(sentence.Forms));
        }

        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
    }

    [Fact]
    public void Parser_round_trips_through_save_and_load()
    {
        var model = DependencyParserTrainer.Train(Train, Train, new ParserTrainingOptions(Epochs: 5, Prune: 0));
        var path = Path.Combine(_folder, "parser.gz");
        model.Save(path);
        var loaded = DependencyParserModel.Load(path);

        foreach (var sentence in Train)
        {
            var (heads, relations) = model.Parse(sentence.Forms, sentence.Xpos);
            var (loadedHeads, loadedRelations) = loaded.Parse(sentence.Forms, sentence.Xpos);
            Assert.Equal(heads, loadedHeads);
            Assert.Equal(relations, loadedRelations);
        }
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var first = Path.Combine(_folder, "a.gz");
        var second = Path.Combine(_folder, "b.gz");
        DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Seed: 7)).Save(first);
        DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Seed: 7)).Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Learns_the_training_sentences()
    {
        var tagger = PosTaggerTrainer.Train(Train, null, new TaggerTrainingOptions(Epochs: 10, Prune: 0));
        var parser = DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 10, Prune: 0));

        Assert.Equal(["NNS", "VBD", "."], tagger.Tag(Train[1].Forms).Select(t => t.Xpos));
        Assert.Equal("flee", tagger.Tag(Train[1].Forms)[1].Lemma);
        Assert.Equal([2, 3, 0, 3, 3], parser.Parse(Train[2].Forms, Train[2].Xpos).Heads);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AnnotatedSentence Sentence(string spaced, string[] upos, string[] xpos, string[] lemmas, int[] heads, string[] relations)
    {
        var forms = spaced.Split(' ');
        return new AnnotatedSentence(
            [.. forms], [.. upos], [.. xpos], [.. lemmas], ImmutableArray.CreateRange(forms.Select(_ => "_")), [.. heads], [.. relations]);
    }
}
