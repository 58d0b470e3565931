using Dossier.Ingestion.Feeds;

namespace Dossier.Ingestion.Tests.Feeds;

public sealed class FeedReaderTests
{
    [Fact]
    public void Rss_items_become_articles_with_content_preferred_over_description()
    {
        var entries = FeedReader.Read(Fixture.Read("feed.rss"), "feed.rss");
        Assert.Equal(3, entries.Count);
        var first = entries[0];
        Assert.Equal("https://ledger.example/news/cranes", first.Key);
        Assert.Equal("Harbour cranes return to Port Ellery\n\nThree container cranes were lifted onto the quay on Tuesday.\n\nThe harbour authority said they would handle 40,000 containers a year.", first.Document.Text);
        Assert.Equal("The Coastal Ledger", first.Document.Metadata.Outlet);
        Assert.Equal(new DateOnly(2024, 3, 5), first.Document.Metadata.Published);
        Assert.Equal("Mara Lindqvist", first.Document.Metadata.Author);
        Assert.Equal("Harbour cranes return to Port Ellery", first.Document.Metadata.Title);

        // Escaped HTML in a description is decoded and reduced to text.
        Assert.Equal("Fish market reopens after repairs\n\nThe fish market reopened on Wednesday after a month of repairs to its roof.", entries[1].Document.Text);
        Assert.Equal(string.Empty, entries[2].Document.Text);
    }

    [Fact]
    public void Atom_entries_use_the_alternate_link_and_the_author_name()
    {
        var entry = Assert.Single(FeedReader.Read(Fixture.Read("feed.atom"), "feed.atom"));
        Assert.Equal("https://courier.example/river", entry.Key);
        Assert.Equal("River levels fall after week of rain\n\nThe river fell by half a metre overnight.\n\nFlood barriers will stay in place until Friday.", entry.Document.Text);
        Assert.Equal("Valley Courier", entry.Document.Metadata.Outlet);
        Assert.Equal("Tomas Okafor", entry.Document.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 4, 1), entry.Document.Metadata.Published);
    }

    [Fact]
    public void External_entities_are_refused()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title></item></channel></rss>""";
        Assert.Throws<ArticleReadException>(() => FeedReader.Read(xml, "evil.rss"));
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("<rss><channel>")]
    public void Non_feeds_and_broken_xml_are_reported(string xml)
    {
        var exception = Assert.Throws<ArticleReadException>(() => FeedReader.Read(xml, "bad.xml"));
        Assert.StartsWith("bad.xml: ", exception.Message, StringComparison.Ordinal);
    }
}
