using Dossier.Analysis.Models;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Sentences;

public sealed class SentenceBoundaryModelTests
{
    private static readonly Lazy<SentenceBoundaryModel> Shipped = new(() =>
    {
        using var stream = File.OpenRead(ModelFiles.PathOf(SentenceBoundaryModel.FileName));
        return SentenceBoundaryModel.Load(stream);
    });

    private static Document Tokenize(string text)
    {
        var document = new ParagraphSegmenter(ArticleLayout.Plain).Process(new Document("d", text), CancellationToken.None);
        return new Tokenizer().Process(document, CancellationToken.None);
    }

    private static string Sentences(string text, SentenceBoundaryModel? model)
    {
        var document = new SentenceSplitter(model).Process(Tokenize(text), CancellationToken.None);
        return string.Join(" || ", document.Sentences.Select(sentence => document.TextOf(sentence.Span)));
    }

    [Fact]
    public void Learns_boundaries_that_have_no_punctuation_and_round_trips_through_a_file()
    {
        // Sign-off lines: a name, then a new sentence with no full stop between them.
        var examples = new List<SentenceBoundaryExample>();
        foreach (var name in new[] { "Sean", "Debra", "Traci", "Vince", "Kelly", "Jeff" })
        {
            var text = $"Thanks {name} We met today. It went well.";
            var document = Tokenize(text);
            examples.Add(new SentenceBoundaryExample(document, new HashSet<int> { text.IndexOf(" We", StringComparison.Ordinal), text.IndexOf(" It", StringComparison.Ordinal) }));
        }

        var model = SentenceBoundaryTrainer.Train(examples, epochs: 5, seed: 7);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = SentenceBoundaryModel.Load(file);

        Assert.Equal("Thanks Mark || We met today. || It went well.", Sentences("Thanks Mark We met today. It went well.", loaded));
        Assert.Equal("Thanks Mark We met today. || It went well.", Sentences("Thanks Mark We met today. It went well.", model: null));
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var text = "Hello there. General Kenobi. You are a bold one.";
        var examples = new[] { new SentenceBoundaryExample(Tokenize(text), new HashSet<int> { 12, 28 }) };
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        SentenceBoundaryTrainer.Train(examples, 3, seed: 42).Save(first);
        SentenceBoundaryTrainer.Train(examples, 3, seed: 42).Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_model()
    {
        using var stream = new MemoryStream([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Throws<InvalidDataException>(() => SentenceBoundaryModel.Load(stream));
    }

    [Theory]
    [InlineData("“Russia was among the first nations,” he told RIA Novosti. “Lately IS has boosted its presence.", "“Russia was among the first nations,” he told RIA Novosti. || “Lately IS has boosted its presence.")]
    [InlineData("Zamir Kabulov, the head of the department, said. Washington, he said, is focused on fighting.", "Zamir Kabulov, the head of the department, said. || Washington, he said, is focused on fighting.")]
    [InlineData("The US Army left Kabul on Dec. 23 and Gen. John Nicholson said so.", "The US Army left Kabul on Dec. 23 and Gen. John Nicholson said so.")]
    public void Shipped_model_keeps_newswire_sentences_whole(string text, string expected) =>
        Assert.Equal(expected, Sentences(text, Shipped.Value));
}
