namespace Dossier.Storage.Relational;

/// <summary>
/// What differs between the SQL engines the store runs on; everything else is one query text shared by all.
/// Shared queries use <c>@name</c> parameters, <c>ON CONFLICT</c> upserts, <c>RETURNING</c>, <c>NULLS FIRST/LAST</c>
/// and quote the column <c>"end"</c>, which both SQLite and PostgreSQL accept.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Engine name for messages ("SQLite").</summary>
    public abstract string Name { get; }

    /// <summary>Manifest resource names of this engine's migrations start with this ("Dossier.Storage.Sqlite.Migrations.").</summary>
    public abstract string MigrationPrefix { get; }

    /// <summary>The case-insensitive LIKE operator (SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE).</summary>
    public abstract string Like { get; }

    /// <summary>
    /// Full-text search returning id, key, title, outlet, published, length and a snippet with matches in [brackets];
    /// parameters @query (from <see cref="SearchQuery"/>) and @limit.
    /// </summary>
    public abstract string SearchSql { get; }

    /// <summary>Turns user words into this engine's search query, so punctuation cannot break its syntax.</summary>
    public abstract string SearchQuery(string words);

    /// <summary>Adds document @id to the full-text index, or null when the engine indexes by itself (a generated column).</summary>
    public abstract string? IndexDocumentSql { get; }

    /// <summary>Removes document @id from the full-text index before the row is deleted, or null when not needed.</summary>
    public abstract string? UnindexDocumentSql { get; }

    /// <summary>What turns a query into its plan ("EXPLAIN QUERY PLAN", "EXPLAIN"); the plan's text is in each row's last column.</summary>
    public abstract string ExplainPrefix { get; }

    /// <summary>Names of the tables in the current schema, one per row.</summary>
    public abstract string TableNamesSql { get; }
}
