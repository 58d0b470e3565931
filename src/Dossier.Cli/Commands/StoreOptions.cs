using System.CommandLine;
using Dossier.Storage;
using Dossier.Storage.Postgres;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Commands;

/// <summary>The <c>--db</c> option every corpus command shares, and opening the store it names.</summary>
internal static class StoreOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "The corpus database: a SQLite file, or PostgreSQL as postgres://user:pass@host[:port]/db or Host=…;Database=…. "
            + "Default: $DOSSIER_DB, else ./dossier.db.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOSSIER_DB") is { Length: > 0 } path ? path : "dossier.db",
    };

    public static IDocumentStore Open(string path, bool mustExist)
    {
        if (PostgresDocumentStore.IsConnectionString(path))
        {
            try
            {
                return new PostgresDocumentStore(path);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or ArgumentException or UriFormatException)
            {
                throw new UserInputException($"cannot open the PostgreSQL corpus database: {exception.Message}");
            }
        }

        if (mustExist && !File.Exists(path))
        {
            throw new UserInputException($"corpus database '{path}' does not exist; create it with 'dossier ingest PATH --db {path}'.");
        }

        try
        {
            return new SqliteDocumentStore(path);
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception)
        {
            throw new UserInputException($"cannot open corpus database '{path}': {exception.Message}");
        }
    }
}
