using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Syntax;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class PipelineComponentTests
{
    [Fact]
    public void Tagger_and_parser_declare_their_layers()
    {
        Assert.Equal(Layers.Tokens | Layers.Sentences, new PosTagger().Requires);
        Assert.Equal(Layers.Tags, new PosTagger().Produces);
        Assert.Equal(Layers.Tags, new DependencyParser().Requires & Layers.Tags);
        Assert.Equal(Layers.Dependencies, new DependencyParser().Produces);
    }

    [Fact]
    public void Parser_before_tagger_refuses_to_build()
    {
        var builder = new PipelineBuilder().Add(new DependencyParser());

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("Tags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Produces_one_rooted_tree_per_sentence_with_heads_inside_it()
    {
        var document = SentenceFixture.Tokenized("He told RIA Novosti . Troops fled the area .");
        document = document with
        {
            Sentences = [new Sentence(new TextSpan(0, 19), 0, 5), new Sentence(new TextSpan(20, document.Text.Length), 5, 10)],
        };

        var tagged = new PosTagger().Process(document, TestContext.Current.CancellationToken);
        var parsed = new DependencyParser().Process(tagged, TestContext.Current.CancellationToken);

        Assert.Equal(document.Tokens.Length, parsed.Tags.Length);
        Assert.Equal(document.Tokens.Length, parsed.Dependencies.Length);
        foreach (var sentence in parsed.Sentences)
        {
            var roots = 0;
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var head = parsed.Dependencies[i].Head;
                roots += head < 0 ? 1 : 0;
                Assert.True(head < 0 || (head >= sentence.FirstToken && head < sentence.EndToken));
            }

            Assert.Equal(1, roots);
        }

        Assert.Equal(document.Text, parsed.Text);
    }
}
