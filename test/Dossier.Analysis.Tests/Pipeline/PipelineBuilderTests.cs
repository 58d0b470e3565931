using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;

namespace Dossier.Analysis.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    [Fact]
    public void Refuses_a_component_whose_requirements_are_unmet_and_says_what_to_add()
    {
        var builder = new PipelineBuilder().Add(new Tokenizer()).Add(new SentenceSplitter());
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("'tokenizer' requires Paragraphs", error.Message, StringComparison.Ordinal);
        Assert.Contains("before 'tokenizer'", error.Message, StringComparison.Ordinal);
    }
}
