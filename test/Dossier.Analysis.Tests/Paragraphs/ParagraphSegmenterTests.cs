using Dossier.Analysis.Paragraphs;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Paragraphs;

public sealed class ParagraphSegmenterTests
{
    [Fact]
    public void Article_layout_gives_headline_standfirst_and_body()
    {
        var document = new ParagraphSegmenter(ArticleLayout.Article).Process(new Document("d", "Head\r\nStand first.\n\n  Body one.  \nBody two.\n"), TestContext.Current.CancellationToken);
        Assert.Equal(["Head", "Stand first.", "Body one.", "Body two."], document.Paragraphs.Select(p => document.TextOf(p.Span)));
        Assert.Equal([ParagraphRole.Headline, ParagraphRole.Standfirst, ParagraphRole.Body, ParagraphRole.Body], document.Paragraphs.Select(p => p.Role));
    }

    [Fact]
    public void A_single_line_is_body_text_even_in_article_layout()
    {
        var document = new ParagraphSegmenter(ArticleLayout.Article).Process(new Document("d", "Just one line."), TestContext.Current.CancellationToken);
        Assert.Equal(ParagraphRole.Body, Assert.Single(document.Paragraphs).Role);
    }

    [Fact]
    public void Plain_layout_has_only_body_paragraphs()
    {
        var document = new ParagraphSegmenter(ArticleLayout.Plain).Process(new Document("d", "a\nb\nc"), TestContext.Current.CancellationToken);
        Assert.All(document.Paragraphs, p => Assert.Equal(ParagraphRole.Body, p.Role));
    }
}
