using Dossier.Storage.Postgres;
using Dossier.Storage.Relational;
using Dossier.Storage.Sqlite;
using Npgsql;

namespace Dossier.Storage.Tests;

/// <summary>
/// A fresh, empty store of one engine for one test: SQLite in a temporary file, PostgreSQL in a new schema of the database
/// named by <c>DOSSIER_TEST_POSTGRES</c> (dropped afterwards), so tests never see each other's rows. PostgreSQL tests skip,
/// saying why, when the variable is unset.
/// </summary>
internal sealed class StoreUnderTest : IDisposable
{
    public const string PostgresVariable = "DOSSIER_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _schema;
    private readonly string _database;

    private StoreUnderTest(string engine)
    {
        Engine = engine;
        if (engine == "sqlite")
        {
            _folder = Directory.CreateTempSubdirectory("dossier-store-").FullName;
            _database = Path.Combine(_folder, "corpus.db");
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Skip($"{PostgresVariable} is not set, so the PostgreSQL store is not tested here; .ci/run installs PostgreSQL and sets it.");
            }

            _schema = "test_" + Guid.NewGuid().ToString("N");
            var builder = new NpgsqlConnectionStringBuilder(PostgresDocumentStore.ToConnectionString(server!)) { SearchPath = _schema };
            _database = builder.ConnectionString;
            Admin(builder, $"CREATE SCHEMA {_schema};");
        }

        Store = Reopen();
    }

    /// <summary>The engines every store test runs on.</summary>
    public static TheoryData<string> Engines => new("sqlite", "postgres");

    public string Engine { get; }

    public RelationalDocumentStore Store { get; private set; }

    public static StoreUnderTest Open(string engine) => new(engine);

    /// <summary>Closes the store and opens the same database again.</summary>
    public RelationalDocumentStore Reopen()
    {
        Store?.Dispose();
        Store = Engine == "sqlite" ? new SqliteDocumentStore(_database) : new PostgresDocumentStore(_database);
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        else if (_schema is not null)
        {
            Admin(new NpgsqlConnectionStringBuilder(_database) { SearchPath = null }, $"DROP SCHEMA {_schema} CASCADE;");
        }
    }

    private static void Admin(NpgsqlConnectionStringBuilder builder, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { SearchPath = null }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
