using Dossier.Storage.Relational;

namespace Dossier.Storage.Sqlite;

/// <summary>SQLite: FTS5 external-content index kept by hand, LIKE that already ignores ASCII case.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Name => "SQLite";

    public override string MigrationPrefix => "Dossier.Storage.Sqlite.Migrations.";

    public override string Like => "LIKE";

    public override string SearchSql =>
        """
        SELECT d.id, d.key, d.title, d.outlet, d.published, length(d.text), snippet(documents_fts, 1, '[', ']', '…', 12)
        FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
        WHERE documents_fts MATCH @query ORDER BY rank LIMIT @limit;
        """;

    public override string SearchQuery(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var terms = words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(' ', terms);
    }

    public override string? IndexDocumentSql => "INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents WHERE id = @id;";

    // An external-content FTS5 table must be told the old values to forget them.
    public override string? UnindexDocumentSql =>
        "INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', id, title, text FROM documents WHERE id = @id;";

    public override string ExplainPrefix => "EXPLAIN QUERY PLAN";

    public override string TableNamesSql => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
}
