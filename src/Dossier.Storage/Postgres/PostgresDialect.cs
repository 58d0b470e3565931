using Dossier.Storage.Relational;

namespace Dossier.Storage.Postgres;

/// <summary>
/// PostgreSQL: a generated tsvector column with a GIN index ('simple' configuration: no stemming, as FTS5's unicode61),
/// queried with websearch_to_tsquery, which accepts any user input without syntax errors; ILIKE for case-insensitive matching.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Name => "PostgreSQL";

    public override string MigrationPrefix => "Dossier.Storage.Postgres.Migrations.";

    public override string Like => "ILIKE";

    public override string SearchSql =>
        """
        SELECT d.id, d.key, d.title, d.outlet, d.published, length(d.text),
               ts_headline('simple', d.text, q.query, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, FragmentDelimiter=…, MaxFragments=1')
        FROM documents d, websearch_to_tsquery('simple', @query) AS q(query)
        WHERE d.search @@ q.query
        ORDER BY ts_rank(d.search, q.query) DESC, d.id LIMIT @limit;
        """;

    public override string SearchQuery(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words;
    }

    public override string? IndexDocumentSql => null;

    public override string? UnindexDocumentSql => null;

    public override string ExplainPrefix => "EXPLAIN";

    public override string TableNamesSql => "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name;";
}
