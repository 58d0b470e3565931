using Dossier.Ingestion.JsonLines;

namespace Dossier.Ingestion.Tests.JsonLines;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public void Reads_text_and_html_lines_and_reports_bad_ones_alone()
    {
        using var reader = new StringReader(Fixture.Read("articles.jsonl"));
        var items = JsonLinesReader.Items(reader, "articles.jsonl").ToList();
        Assert.Equal(4, items.Count); // the blank line is not an item
        Assert.Equal(["https://courier.example/bridge", "https://courier.example/library", "articles.jsonl#4", "https://courier.example/none"], items.Select(i => i.Key));

        var text = items[0].Read();
        Assert.Equal("Bridge closes for repairs\n\nThe old bridge will close for three weeks from Monday.\nBuses will divert through the north road.", text.Text);
        Assert.Equal("Valley Courier", text.Metadata.Outlet);
        Assert.Equal("Tomas Okafor", text.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 5, 2), text.Metadata.Published);

        var html = items[1].Read();
        Assert.StartsWith("The library extends its opening hours", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", html.Text, StringComparison.Ordinal);
        Assert.Equal("Valley Courier", html.Metadata.Outlet);

        Assert.Contains("invalid JSON", Assert.Throws<ArticleReadException>(items[2].Read).Message, StringComparison.Ordinal);
        Assert.Contains("no 'text' or 'html'", Assert.Throws<ArticleReadException>(items[3].Read).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"text": "x", "published": "soon"}""", "not a date")]
    [InlineData("""{"text": 5}""", "must be a string")]
    [InlineData("""[1, 2]""", "expected a JSON object")]
    public void Wrong_fields_are_explained(string line, string message) =>
        Assert.Contains(message, Assert.Throws<ArticleReadException>(() => JsonLinesReader.Parse(line, "x.jsonl#1")).Message, StringComparison.Ordinal);
}
