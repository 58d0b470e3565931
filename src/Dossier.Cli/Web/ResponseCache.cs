using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Dossier.Cli.Web;

/// <summary>
/// Read responses kept in memory until the store changes, so the same ledger query from many clients
/// costs one database query. The store's version is the size and write time of the SQLite file and its
/// write-ahead log (any writer, this server or <c>dossier ingest</c>, changes them) plus a count of this
/// server's own writes; a PostgreSQL store has no such stamp and is not cached. Bounded: at most
/// <see cref="MaxEntries"/> responses of at most <see cref="MaxEntryBytes"/> each; when full it starts afresh.
/// </summary>
internal sealed class ResponseCache(string databasePath)
{
    public const int MaxEntries = 512;
    public const int MaxEntryBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, (string Version, ConditionalJson Response)> _entries = new(StringComparer.Ordinal);
    private readonly bool _enabled = !Storage.Postgres.PostgresDocumentStore.IsConnectionString(databasePath);
    private long _writes;

    /// <summary>Called after this server writes to the store.</summary>
    public void Invalidate() => Interlocked.Increment(ref _writes);

    private string? Version()
    {
        if (!_enabled)
        {
            return null;
        }

        var database = new FileInfo(databasePath);
        var log = new FileInfo(databasePath + "-wal");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Interlocked.Read(ref _writes)}:{(database.Exists ? database.Length : -1)}:{(database.Exists ? database.LastWriteTimeUtc.Ticks : 0)}:{(log.Exists ? log.Length : -1)}:{(log.Exists ? log.LastWriteTimeUtc.Ticks : 0)}");
    }

    /// <summary>The endpoint filter: answers from the cache when the store has not changed since the response was made.</summary>
    public async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Path.Value + http.Request.QueryString.Value;
        var version = Version();
        if (version is not null && _entries.TryGetValue(key, out var entry) && string.Equals(entry.Version, version, StringComparison.Ordinal))
        {
            return entry.Response;
        }

        var result = await next(context).ConfigureAwait(false);
        if (version is null || result is not ConditionalJson json)
        {
            return result;
        }

        var frozen = json.Freeze(http);
        if (frozen.Length <= MaxEntryBytes)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = (version, frozen);
        }

        return frozen;
    }
}
