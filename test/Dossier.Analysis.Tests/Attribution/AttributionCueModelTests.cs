using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Attribution;

public sealed class AttributionCueModelTests
{
    private static readonly Lazy<Analysis.Pipeline.Pipeline> Parsing = new(() => new PipelineBuilder()
        .Add(new ParagraphSegmenter(ArticleLayout.Plain))
        .Add(new Tokenizer())
        .Add(new SentenceSplitter())
        .Add(new PosTagger())
        .Add(new DependencyParser())
        .Build());

    private static Document Parse(string text) => Parsing.Value.Process(new Document("t", text), TestContext.Current.CancellationToken);

    private static AttributionCueExample Example(string text, string cue)
    {
        var document = Parse(text);
        var start = text.IndexOf(cue, StringComparison.Ordinal);
        return new AttributionCueExample(document, start < 0 ? [] : [new TextSpan(start, start + cue.Length)]);
    }

    [Fact]
    public void Learns_an_attribution_verb_and_the_sieve_uses_it()
    {
        // "encouraged" is not in the rule lexicon and "the storm" is no actor the rules know (a governor would be: parse/actor);
        // a model trained to see the verb as a cue makes the sieve attribute its clause.
        var examples = new[]
        {
            Example("The senator encouraged voters to reject the plan.", "encouraged"),
            Example("The mayor encouraged residents to stay indoors.", "encouraged"),
            Example("The union encouraged members to strike on Monday.", "encouraged"),
            Example("The farmer planted corn in the spring.", "(none)"),
            Example("The team played well in the final.", "(none)"),
        };
        var model = AttributionCueTrainer.Train(examples, epochs: 10, seed: 3);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = AttributionCueModel.Load(file);

        var document = new QuoteAttributor(loaded).Process(Parse("The storm encouraged drivers to avoid the bridge."), TestContext.Current.CancellationToken);
        var quote = Assert.Single(document.Quotes);
        Assert.Equal("encouraged", document.TextOf(quote.Cue!.Value));
        Assert.Equal("The storm", document.TextOf(quote.Source!.Value));
        Assert.Equal("learned/cue", quote.Origin.Rule);
        Assert.Empty(new QuoteAttributor().Process(Parse("The farmer planted corn in the autumn."), TestContext.Current.CancellationToken).Quotes);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_model()
    {
        using var stream = new MemoryStream([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Throws<InvalidDataException>(() => AttributionCueModel.Load(stream));
    }
}
