using Dossier.Ingestion.Html;

namespace Dossier.Ingestion.Tests.Html;

public sealed class HtmlMetadataReaderTests
{
    [Theory]
    [InlineData("2019-11-19", 2019, 11, 19)]
    [InlineData("2019-11-19T23:30:00-05:00", 2019, 11, 19)]
    [InlineData("20191119", 2019, 11, 19)]
    [InlineData("Tue, 19 Nov 2019 10:00:00 GMT", 2019, 11, 19)]
    public void Parses_publication_dates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), HtmlMetadataReader.ParseDate(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("0001-01-01T00:00:00Z")] // a template's empty date, seen in the extraction benchmark's pages
    public void Unparseable_dates_are_unknown(string text) => Assert.Null(HtmlMetadataReader.ParseDate(text));

    [Fact]
    public void Json_ld_inside_a_graph_with_several_authors_is_read_and_invalid_blocks_are_ignored()
    {
        const string html = """
            <html><head>
            <script type="application/ld+json">{ not json </script>
            <script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},
              {"@type": ["NewsArticle"], "headline": "Two authors", "datePublished": "2022-01-02",
               "author": [{"name": "A. One"}, {"name": "B. Two"}], "publisher": {"name": "Outlet"}, "articleBody": "Body."}]}</script>
            </head><body></body></html>
            """;
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var metadata = HtmlMetadataReader.Read(document);
        Assert.Equal("Two authors", metadata.Title);
        Assert.Equal("A. One, B. Two", metadata.Author);
        Assert.Equal("Outlet", metadata.Outlet);
        Assert.Equal(new DateOnly(2022, 1, 2), metadata.Published);
        Assert.Equal("Body.", metadata.ArticleBody);
    }
}
