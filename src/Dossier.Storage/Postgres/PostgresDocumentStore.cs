using Dossier.Storage.Relational;
using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>
/// The store for teams: a PostgreSQL database (or one schema of it, through <c>Search Path</c>), with the same tables,
/// behaviour and queries as <see cref="Sqlite.SqliteDocumentStore"/>; migrations in <c>Postgres/Migrations</c>.
/// Each save is one transaction.
/// </summary>
public sealed class PostgresDocumentStore : RelationalDocumentStore
{
    /// <summary>Connects to <paramref name="connection"/>: a URL (<c>postgres://user:pass@host:port/db</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>).</summary>
    public PostgresDocumentStore(string connection, TimeProvider? clock = null)
        : base(Open(connection), PostgresDialect.Instance, clock)
    {
    }

    /// <summary>True when <paramref name="database"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsConnectionString(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || database.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || database.StartsWith("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An Npgsql connection string for a URL or connection string.</summary>
    public static string ToConnectionString(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(database).ConnectionString;
        }

        var url = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        if (url.Port > 0)
        {
            builder.Port = url.Port;
        }

        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            }
        }

        // Query parameters ("?sslmode=require&search_path=x") are connection string keywords.
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                builder[Uri.UnescapeDataString(pair[..equals]).Replace('_', ' ')] = Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return builder.ConnectionString;
    }

    private static NpgsqlConnection Open(string database)
    {
        var connection = new NpgsqlConnection(ToConnectionString(database));
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
