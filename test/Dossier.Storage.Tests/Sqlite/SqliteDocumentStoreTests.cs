using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Storage.Tests.Sqlite;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Document Article(string text, string outlet = "RT") =>
        new Document("a", text, new DocumentMetadata(Title: "Title", Outlet: outlet, Published: new DateOnly(2017, 12, 23)))
        {
            Quotes =
            [
                new Quote(new TextSpan(0, 11), QuoteKind.Indirect, new TextSpan(12, 16), new TextSpan(17, 24), new TextSpan(17, 24), null, new Provenance("quotes", "test")),
            ],
        };

    [Fact]
    public void Creates_the_schema_and_records_its_version()
    {
        using var store = new SqliteDocumentStore(Path.Combine(_folder, "c.db"));
        Assert.Equal(3, store.SchemaVersion);
        Assert.Contains("documents", store.TableNames());
        Assert.Contains("quotes", store.TableNames());
    }

    [Fact]
    public void Saving_the_same_text_twice_changes_nothing()
    {
        using var store = new SqliteDocumentStore(":memory:");
        var document = Article("IS is here, said Kabulov today.");
        Assert.Equal(SaveOutcome.Added, store.Save(document, "a.txt", "{}"));
        Assert.Equal(SaveOutcome.Unchanged, store.Save(document, "a.txt", "{}"));
        Assert.Equal(SaveOutcome.Unchanged, store.Save(document, "copy-of-a.txt", "{}"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Single(store.Quotes(null, 10));
        Assert.Equal("{}", store.Annotations("copy-of-a.txt"));
    }

    [Fact]
    public void A_changed_text_under_the_same_key_replaces_the_old_one_and_its_facts()
    {
        using var store = new SqliteDocumentStore(":memory:");
        store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        Assert.Equal(SaveOutcome.Replaced, store.Save(Article("IS is there, said Kabulov again."), "a.txt", "{\"v\":2}"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal("IS is there", Assert.Single(store.Quotes(null, 10)).Text);
        Assert.Empty(store.Search("here", 10));
        Assert.Single(store.Search("there", 10));
    }

    [Fact]
    public void Finds_documents_by_words_and_quotes_by_speaker()
    {
        using var store = new SqliteDocumentStore(Path.Combine(_folder, "c.db"));
        store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        store.Save(Article("The Taliban control half of the country, said Nicholson.", "Reuters"), "b.txt", "{}");
        var hit = Assert.Single(store.Search("Taliban country", 10));
        Assert.Equal("Reuters", hit.Outlet);
        Assert.Contains("[Taliban]", hit.Snippet, StringComparison.Ordinal);
        var quote = Assert.Single(store.Quotes("Kabulov", 10));
        Assert.Equal(("Kabulov", "said", "RT"), (quote.Speaker, quote.Cue, quote.Outlet));
        Assert.Empty(store.Quotes("%", 10)); // LIKE wildcards in user input are literal
    }

    [Fact]
    public void Search_input_cannot_break_the_query_syntax()
    {
        using var store = new SqliteDocumentStore(":memory:");
        store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        Assert.Empty(store.Search("\"unbalanced OR (", 10));
        Assert.Single(store.Search("kabulov", 10));
    }

    [Fact]
    public void Data_survives_reopening_the_file()
    {
        var path = Path.Combine(_folder, "c.db");
        using (var store = new SqliteDocumentStore(path))
        {
            store.Save(Article("IS is here, said Kabulov today."), "a.txt", "{}");
        }

        using var reopened = new SqliteDocumentStore(path);
        Assert.Equal(1, reopened.CountDocuments());
        Assert.Equal(3, reopened.SchemaVersion);
    }
}
