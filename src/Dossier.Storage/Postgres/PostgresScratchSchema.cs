using Npgsql;

namespace Dossier.Storage.Postgres;

/// <summary>
/// A new, empty schema in a PostgreSQL database, dropped with everything in it on dispose: an evaluation that must start
/// from an empty store (every saved document new) gets one without touching the data already in the database.
/// </summary>
public sealed class PostgresScratchSchema : IDisposable
{
    private readonly string _server;
    private readonly string _schema;

    /// <summary>Creates the schema in the database <paramref name="database"/> names (a postgres:// URL or a connection string).</summary>
    public PostgresScratchSchema(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _server = new NpgsqlConnectionStringBuilder(PostgresDocumentStore.ToConnectionString(database)) { SearchPath = null }.ConnectionString;
        _schema = "scratch_" + Guid.NewGuid().ToString("N");
        Run($"CREATE SCHEMA {_schema};");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;
    }

    /// <summary>The connection string whose search path is the new schema: a store opened on it sees only that schema.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP SCHEMA IF EXISTS {_schema} CASCADE;");
    }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
