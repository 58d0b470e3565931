using System.Collections.Immutable;
using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

/// <summary>The two-pass tagger: a (right-to-left) first pass, then a stacked left-to-right pass.</summary>
public sealed class StackedTaggerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-stacked-").FullName;

    // "that" is SCONJ before a clause and DET before a noun; "run" is a verb after a subject and a noun after a determiner.
    private static readonly AnnotatedSentence[] Train =
    [
        Sentence("they said that troops fled .", ["PRON", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"], ["PRP", "VBD", "IN", "NNS", "VBD", "."]),
        Sentence("they saw that run .", ["PRON", "VERB", "DET", "NOUN", "PUNCT"], ["PRP", "VBD", "DT", "NN", "."]),
        Sentence("troops run .", ["NOUN", "VERB", "PUNCT"], ["NNS", "VBP", "."]),
        Sentence("the run ended .", ["DET", "NOUN", "VERB", "PUNCT"], ["DT", "NN", "VBD", "."]),
        Sentence("he said that the run ended .", ["PRON", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"], ["PRP", "VBD", "IN", "DT", "NN", "VBD", "."]),
        Sentence("they fled .", ["PRON", "VERB", "PUNCT"], ["PRP", "VBD", "."]),
    ];

    private static readonly TaggerTrainingOptions Stacked = new(Epochs: 8, Prune: 0, StackFolds: 2, FirstPassRightToLeft: true);

    [Fact]
    public void Stacked_tagger_learns_the_training_sentences()
    {
        var tagger = PosTaggerTrainer.Train(Train, null, Stacked);

        foreach (var sentence in Train)
        {
            Assert.Equal(sentence.Xpos, tagger.Tag(sentence.Forms).Select(t => t.Xpos));
        }
    }

    [Fact]
    public void Stacked_tagger_round_trips_through_save_and_load()
    {
        var model = PosTaggerTrainer.Train(Train, Train, Stacked);
        var onePass = PosTaggerTrainer.Train(Train, Train, Stacked with { StackFolds = 0 });
        var path = Path.Combine(_folder, "stacked.gz");
        model.Save(path);
        var loaded = PosTaggerModel.Load(path);

        Assert.True(loaded.FeatureCount > onePass.FeatureCount, "the second pass adds its own weights");
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        foreach (var sentence in Train)
        {
            Assert.Equal(model.Tag(sentence.Forms), loaded.Tag(sentence.Forms));
        }
    }

    [Fact]
    public void Right_to_left_tagger_learns_the_training_sentences()
    {
        var tagger = PosTaggerTrainer.Train(Train, null, Stacked with { StackFolds = 0 });

        foreach (var sentence in Train)
        {
            Assert.Equal(sentence.Upos, tagger.Tag(sentence.Forms).Select(t => t.Upos));
        }
    }

    [Fact]
    public void Stacked_training_is_deterministic_for_a_seed()
    {
        var first = Path.Combine(_folder, "a.gz");
        var second = Path.Combine(_folder, "b.gz");
        PosTaggerTrainer.Train(Train, null, Stacked with { Seed = 5 }).Save(first);
        PosTaggerTrainer.Train(Train, null, Stacked with { Seed = 5 }).Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AnnotatedSentence Sentence(string spaced, string[] upos, string[] xpos)
    {
        var forms = spaced.Split(' ');
        var blank = ImmutableArray.CreateRange(forms.Select(_ => "_"));
        return new AnnotatedSentence([.. forms], [.. upos], [.. xpos], [.. forms], blank, ImmutableArray.CreateRange(forms.Select(_ => 0)), blank);
    }
}
