using Dossier.Ingestion.Html;

namespace Dossier.Ingestion.Tests.Html;

public sealed class HtmlArticleExtractorTests
{
    private static readonly string[] Leaks = ["SCRIPT-LEAK", "STYLE-LEAK", "IMG-LEAK", "ALT-LEAK", "IFRAME-LEAK", "NOSCRIPT-LEAK", "javascript", "alert", "onerror", "<", ">"];

    [Fact]
    public void Hostile_page_yields_the_article_paragraphs_without_any_markup()
    {
        var extraction = HtmlArticleExtractor.ExtractContent(Fixture.Read("hostile-article.html"), new Uri("https://ledger.example/news/cranes"));
        foreach (var leak in Leaks)
        {
            Assert.DoesNotContain(leak, extraction.Body, StringComparison.OrdinalIgnoreCase);
        }

        var paragraphs = extraction.Body.Split("\n\n");
        Assert.Equal(5, paragraphs.Length);
        Assert.StartsWith("Three container cranes were lifted", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("“We expect the first scheduled ship within six weeks,” said the authority’s director, Ilse Varga, who added that the refurbishment had cost less than a new crane would have.", paragraphs[2]);
        Assert.Contains("Dock workers' unions", paragraphs[3], StringComparison.Ordinal);
        Assert.EndsWith("next year & to add a rail siding if traffic grows as forecast.", paragraphs[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Share on Facebook")]
    [InlineData("Ferry timetable changes")]
    [InlineData("Storm closes coastal road")]
    [InlineData("All rights reserved")]
    [InlineData("By Mara Lindqvist")]
    [InlineData("The new cranes arrive on a barge")]
    [InlineData("Weather")]
    public void Page_furniture_is_left_out(string furniture)
    {
        var extraction = HtmlArticleExtractor.ExtractContent(Fixture.Read("hostile-article.html"), url: null);
        Assert.DoesNotContain(furniture, extraction.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_comes_from_json_ld_and_meta_tags()
    {
        var metadata = HtmlArticleExtractor.ExtractContent(Fixture.Read("hostile-article.html"), new Uri("https://ledger.example/news/cranes")).Metadata;
        Assert.Equal("Harbour cranes return to Port Ellery", metadata.Title);
        Assert.Equal("The Coastal Ledger", metadata.Outlet);
        Assert.Equal(new DateOnly(2024, 3, 5), metadata.Published);
        Assert.Equal("Mara Lindqvist", metadata.Author);
        Assert.Equal("en", metadata.Language);
        Assert.Equal("https://ledger.example/news/cranes", metadata.Source);
    }

    [Fact]
    public void Metadata_falls_back_to_meta_tags_without_json_ld()
    {
        const string html = """
            <html><head><title>Page title - Site</title>
            <meta property="og:title" content="Dam inspection finds cracks">
            <meta property="og:site_name" content="Hill Times">
            <meta name="date" content="2023-11-20">
            <meta name="author" content="Ana Ruiz">
            </head><body><article><p>Inspectors found three hairline cracks in the spillway of the upper dam during the annual survey, the water board said.</p></article></body></html>
            """;
        var metadata = HtmlArticleExtractor.ExtractContent(html, url: null).Metadata;
        Assert.Equal("Dam inspection finds cracks", metadata.Title);
        Assert.Equal("Hill Times", metadata.Outlet);
        Assert.Equal(new DateOnly(2023, 11, 20), metadata.Published);
        Assert.Equal("Ana Ruiz", metadata.Author);
    }

    [Fact]
    public void Extract_puts_the_headline_first_then_blank_line_separated_paragraphs()
    {
        var document = HtmlArticleExtractor.Extract(Fixture.Read("hostile-article.html"), new Uri("https://ledger.example/news/cranes"));
        Assert.StartsWith("Harbour cranes return to Port Ellery\n\nThree container cranes", document.Text, StringComparison.Ordinal);
        Assert.Equal("https://ledger.example/news/cranes", document.Id);
        Assert.DoesNotContain("\n\n\n", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_text_is_refused_with_a_message()
    {
        var exception = Assert.Throws<ArticleReadException>(() => HtmlArticleExtractor.Extract("<html><body><script>x()</script></body></html>", url: null));
        Assert.Contains("no article text", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_writer_breaks_at_blocks_and_br_and_collapses_spaces()
    {
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body><div>one\n  two<br>three<p>four&nbsp; <b>five</b></p><ul><li>six</li></ul></div></body>");
        Assert.Equal(["one two", "three", "four five", "six"], HtmlParagraphWriter.Paragraphs(document.Body!));
    }
}
