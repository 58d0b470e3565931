using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Tests.Actors;

public sealed class KnowledgeLoaderTests
{
    [Fact]
    public void Wrong_field_count_names_file_and_line()
    {
        var text = "# comment\nid\ttype\tname\nx\tregion\n";
        var error = Assert.Throws<KnowledgeFormatException>(() => TsvTable.Read("actors.tsv", new StringReader(text), "id"));
        Assert.Equal("actors.tsv", error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("actors.tsv:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_is_reported_with_the_expected_columns()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => TsvTable.Read("persons.tsv", new StringReader("id\tname\n"), "id", "name", "qid"));
        Assert.Contains("lacks column 'qid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_list_items_are_rejected()
    {
        var table = TsvTable.Read("a.tsv", new StringReader("id\taliases\nx\ta||b\n"), "id");
        var error = Assert.Throws<KnowledgeFormatException>(() => table.Rows[0].List(1));
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("2011", true, 2011, 1, 1)]
    [InlineData("2011", false, 2011, 12, 31)]
    [InlineData("2020-02", false, 2020, 2, 29)]
    [InlineData("2017-12-23", true, 2017, 12, 23)]
    public void Partial_dates_widen_to_the_whole_period(string text, bool start, int year, int month, int day)
    {
        var row = new TsvRow("positions.tsv", 5, [text]);
        Assert.Equal(new DateOnly(year, month, day), KnowledgeBaseLoader.ParseDate(row, text, start));
    }

    [Fact]
    public void Bad_date_names_file_and_line()
    {
        var row = new TsvRow("positions.tsv", 7, ["2017-13-01"]);
        var error = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBaseLoader.ParseDate(row, "2017-13-01", true));
        Assert.StartsWith("positions.tsv:7:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_says_what_it_should_hold()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => KnowledgeBase.Load("/nonexistent/knowledge"));
        Assert.Contains("countries.tsv", error.Message, StringComparison.Ordinal);
    }
}
