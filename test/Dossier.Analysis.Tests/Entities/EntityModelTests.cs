using Dossier.Analysis.Entities;
using Dossier.Analysis.Pipeline;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Entities;

public sealed class EntityModelTests
{
    private static readonly Document[] Training =
    [
        EntityFixture.WithMentions(EntityFixture.Document("Zamir Kabulov said Moscow was ready .", "Kabulov told RIA Novosti on Friday ."), (0, 2, "PER"), (3, 4, "LOC"), (7, 8, "PER"), (9, 11, "ORG")),
        EntityFixture.WithMentions(EntityFixture.Document("Sergei Lavrov visited Kabul .", "Lavrov met officials in Kabul ."), (0, 2, "PER"), (3, 4, "LOC"), (5, 6, "PER"), (9, 10, "LOC")),
        EntityFixture.WithMentions(EntityFixture.Document("Reuters reported from Islamabad .", "The report cited Reuters ."), (0, 1, "ORG"), (3, 4, "LOC"), (8, 9, "ORG")),
    ];

    private static EntityModel Train(EntityTrainingOptions options) =>
        new EntityTrainer(options, _ => { }).Train(Training, [], null, new Gazetteer(["city"], [("Kabul", 0)]), "test model");

    [Fact]
    public void Training_is_deterministic_and_learns_its_training_data()
    {
        var options = new EntityTrainingOptions(Epochs: 5, Seed: 3, MinFeatureCount: 1, Folds: 3);
        var first = Train(options);
        var second = Train(options);
        Assert.Equal(first.SecondPass!.Weights, second.SecondPass!.Weights);

        var recognizer = new EntityRecognizer(first);
        var tagged = recognizer.Process(Training[0] with { Mentions = [] }, TestContext.Current.CancellationToken);
        Assert.Equal(EntityFixture.MentionsOf(Training[0]), EntityFixture.MentionsOf(tagged));
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_weights_and_output()
    {
        var model = Train(new EntityTrainingOptions(Epochs: 4, Seed: 1, MinFeatureCount: 1, Folds: 3));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = EntityModel.Load(stream);

        Assert.Equal(model.Labels.Types, loaded.Labels.Types);
        Assert.Equal("test model", loaded.Description);
        Assert.Equal(model.FirstPass.Transitions, loaded.FirstPass.Transitions);
        foreach (var document in Training)
        {
            Assert.Equal(
                model.Tag(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan()),
                loaded.Tag(document.Text, document.Tokens.AsSpan(), document.Sentences.AsSpan()));
        }
    }

    [Fact]
    public void The_recognizer_declares_what_it_needs_and_refuses_a_pipeline_without_sentences()
    {
        var recognizer = new EntityRecognizer(Train(new EntityTrainingOptions(Epochs: 1, SecondPass: false)));
        Assert.Equal(Layers.Tokens | Layers.Sentences, recognizer.Requires);
        Assert.Equal(Layers.Mentions, recognizer.Produces);
        Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Add(recognizer).Build());
    }

    [Fact]
    public void An_empty_document_has_no_mentions()
    {
        var recognizer = new EntityRecognizer(Train(new EntityTrainingOptions(Epochs: 1, SecondPass: false)));
        var document = recognizer.Process(new Document("empty", string.Empty), TestContext.Current.CancellationToken);
        Assert.Empty(document.Mentions);
    }
}
