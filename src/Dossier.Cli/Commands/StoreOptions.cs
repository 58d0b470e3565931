using System.CommandLine;
using Dossier.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Cli.Commands;

/// <summary>The <c>--db</c> option every corpus command shares, and opening the store it names.</summary>
internal static class StoreOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "The corpus database file (SQLite). Default: $DOSSIER_DB, else ./dossier.db.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("DOSSIER_DB") is { Length: > 0 } path ? path : "dossier.db",
    };

    public static IDocumentStore Open(string path, bool mustExist)
    {
        if (path.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException("PostgreSQL stores are not supported yet; use a SQLite file path for --db.");
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
