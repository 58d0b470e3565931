using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Tests;

/// <summary>Builds segmented documents for tests.</summary>
internal static class TestDocuments
{
    private static readonly Analysis.Pipeline.Pipeline Segmentation = new PipelineBuilder()
        .Add(new ParagraphSegmenter(ArticleLayout.Plain))
        .Add(new Tokenizer())
        .Add(new SentenceSplitter())
        .Build();

    public static Document Segment(string text) => Segmentation.Process(new Document("test", text));

    /// <summary>Token texts joined by " | ", the easiest form to read in a failing assertion.</summary>
    public static string Tokens(string text)
    {
        var document = Segment(text);
        return string.Join(" | ", document.Tokens.Select(token => document.TextOf(token.Span)));
    }
}
