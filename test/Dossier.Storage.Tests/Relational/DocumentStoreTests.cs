using Dossier.Storage;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Storage.Tests.Relational;

/// <summary>The store's behaviour, on SQLite always and on PostgreSQL when DOSSIER_TEST_POSTGRES is set.</summary>
public sealed class DocumentStoreTests
{
    private static Document Article(string text, string outlet = "RT") =>
        new Document("a", text, new DocumentMetadata(Title: "Title", Outlet: outlet, Published: new DateOnly(2017, 12, 23)))
        {
            Quotes =
            [
                new Quote(new TextSpan(0, 11), QuoteKind.Indirect, new TextSpan(12, 16), new TextSpan(17, 24), new TextSpan(17, 24), null, new Provenance("quotes", "test")),
            ],
        };

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Creates_the_schema_and_records_its_version(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        Assert.Equal(9, test.Store.SchemaVersion);
        var tables = test.Store.TableNames();
        foreach (var table in new[] { "documents", "quotes", "claims", "mentions", "places", "events", "quote_provenance", "document_links", "schema_version" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Saving_the_same_text_twice_changes_nothing(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        var document = Article("IS is here, said Kabulov today.");
        Assert.Equal(SaveOutcome.Added, store.Save(document, "a.txt", "{}"));
        Assert.Equal(SaveOutcome.Unchanged, store.Save(document, "a.txt", "{}"));
        Assert.Equal(SaveOutcome.Unchanged, store.Save(document, "copy-of-a.txt", "{}"));
        Assert.Equal(SaveOutcome.Unchanged, store.Save(document, "copy-of-a.txt", "{}"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Single(store.Quotes(null, 10));
        Assert.Equal("{}", store.Annotations("copy-of-a.txt"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void A_changed_text_under_the_same_key_replaces_the_old_one_and_its_facts(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        Assert.Equal(SaveOutcome.Replaced, store.Save(Article("IS is there, said Kabulov again."), "a.txt", "{\"v\":2}"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal("IS is there", Assert.Single(store.Quotes(null, 10)).Text);
        Assert.Empty(store.Search("here", 10));
        Assert.Single(store.Search("there", 10));
        Assert.Equal("{\"v\":2}", store.Annotations("a.txt"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Finds_documents_by_words_and_quotes_by_speaker(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        store.Save(Article("The Taliban control half of the country, said Nicholson.", "Reuters"), "b.txt", "{}");
        var hit = Assert.Single(store.Search("Taliban country", 10));
        Assert.Equal("Reuters", hit.Outlet);
        Assert.Contains("[Taliban]", hit.Snippet, StringComparison.Ordinal);
        var quote = Assert.Single(store.Quotes("kabulov", 10)); // speaker matching ignores case on both engines
        Assert.Equal(("Kabulov", "said", "RT"), (quote.Speaker, quote.Cue, quote.Outlet));
        Assert.Empty(store.Quotes("%", 10)); // LIKE wildcards in user input are literal
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Search_input_cannot_break_the_query_syntax(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        test.Store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        Assert.Empty(test.Store.Search("\"unbalanced OR (", 10));
        Assert.Single(test.Store.Search("kabulov", 10));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Data_survives_reopening(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        test.Store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        var reopened = test.Reopen();
        Assert.Equal(1, reopened.CountDocuments());
        Assert.Equal(9, reopened.SchemaVersion);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Several_documents_saved_in_one_transaction_see_each_other(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var first = Article("Moscow invited Washington to talks on Afghanistan, the ministry said.");
        var outcomes = test.Store.SaveAll([
            (first, "first.txt", "{}"),
            (first, "copy.txt", "{}"),
            (Article("Islamabad rejected the accusation on Tuesday."), "second.txt", "{}"),
        ]);
        Assert.Equal([SaveOutcome.Added, SaveOutcome.Unchanged, SaveOutcome.Added], outcomes);
        Assert.Equal(2, test.Store.CountDocuments());
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Links_a_syndicated_copy_to_its_original(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        const string story = "The Islamic State has more than ten thousand fighters in Afghanistan, the Russian envoy Zamir Kabulov told the news agency on Friday, "
            + "adding that the group was spreading across the northern provinces and that Moscow was worried about the border with Tajikistan.";
        test.Store.Save(Article(story), "rt.txt", "{}");
        test.Store.Save(Article(story + " The ministry did not comment.", "Ariana"), "ariana.txt", "{}");
        test.Store.Save(Article("Nothing in common with the others at all, said Nicholson in Kabul on Monday about something else entirely."), "other.txt", "{}");
        var link = Assert.Single(test.Store.NearDuplicates(10));
        Assert.Equal(("ariana.txt", "rt.txt"), (link.Document.Key, link.Other.Key));
        Assert.True(link.Similarity >= 0.9, $"similarity {link.Similarity}");
    }
}
