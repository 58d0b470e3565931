using System.Collections.Concurrent;
using Dossier.Cli.Commands;
using Dossier.Storage;

namespace Dossier.Cli.Web;

/// <summary>
/// Open stores kept between requests. A store is not thread-safe, so each request takes one to itself
/// and gives it back; opening one per request would re-run the schema check and re-read SQLite's
/// pages every time. At most <see cref="MaxIdle"/> stay open; a store whose query threw is closed, not reused.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private const int MaxIdle = 32;
    private readonly ConcurrentBag<IDocumentStore> _idle = [];

    /// <summary>True when the database exists: always for a PostgreSQL server; for SQLite once the file does (reads before the first ingest answer 404).</summary>
    public bool Exists => Storage.Postgres.PostgresDocumentStore.IsConnectionString(path) || File.Exists(path);

    public T Use<T>(bool mustExist, Func<IDocumentStore, T> work)
    {
        var store = _idle.TryTake(out var idle) ? idle : StoreOptions.Open(path, mustExist);
        T result;
        try
        {
            result = work(store);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        if (_idle.Count < MaxIdle)
        {
            _idle.Add(store);
        }
        else
        {
            store.Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
