using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dossier.Storage.Duplicates;
using Dossier.Text;
using Dossier.Text.Knowledge;
using Microsoft.Data.Sqlite;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode, its schema created and migrated on open
/// from the numbered scripts in <c>Sqlite/Migrations</c>. Each save is one transaction.
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; ":memory:" keeps it in memory.</summary>
    public SqliteDocumentStore(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _clock = clock ?? TimeProvider.System;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ConnectionString);
        _connection.Open();
        Execute("PRAGMA foreign_keys = ON;");
        if (path != ":memory:")
        {
            Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        }

        Migrate();
    }

    /// <summary>The schema version after migration.</summary>
    public int SchemaVersion { get; private set; }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            SchemaVersion = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        foreach (var (version, script) in Migrations())
        {
            if (version <= SchemaVersion)
            {
                continue;
            }

            using var transaction = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = script + $"\nINSERT INTO schema_version (version) VALUES ({version});";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            SchemaVersion = version;
        }
    }

    private static IEnumerable<(int Version, string Script)> Migrations()
    {
        var assembly = typeof(SqliteDocumentStore).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            // Resource names end in "Migrations.001_initial.sql": the number before the underscore is the version.
            var file = name[(name.LastIndexOf("Migrations.", StringComparison.Ordinal) + "Migrations.".Length)..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    /// <inheritdoc />
    public SaveOutcome Save(Document document, string key, string annotationsJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(annotationsJson);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)));
        using var transaction = _connection.BeginTransaction();

        var existingByHash = Scalar<long?>(transaction, "SELECT id FROM documents WHERE content_hash = $hash;", ("$hash", hash));
        if (existingByHash is { } sameText)
        {
            // The same text again: remember the extra key, change nothing else.
            NonQuery(transaction, "INSERT OR IGNORE INTO document_sources (document_id, key) SELECT $id, $key WHERE NOT EXISTS (SELECT 1 FROM documents WHERE key = $key);",
                ("$id", sameText), ("$key", key));
            transaction.Commit();
            return SaveOutcome.Unchanged;
        }

        var outcome = SaveOutcome.Added;
        if (Scalar<long?>(transaction, "SELECT id FROM documents WHERE key = $key;", ("$key", key)) is { } replaced)
        {
            NonQuery(transaction, "INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', id, title, text FROM documents WHERE id = $id;", ("$id", replaced));
            NonQuery(transaction, "DELETE FROM documents WHERE id = $id;", ("$id", replaced));
            outcome = SaveOutcome.Replaced;
        }

        var metadata = document.Metadata;
        var id = Scalar<long>(transaction,
            """
            INSERT INTO documents (key, content_hash, title, outlet, published, language, source, text, annotations, ingested_at)
            VALUES ($key, $hash, $title, $outlet, $published, $language, $source, $text, $annotations, $now)
            RETURNING id;
            """,
            ("$key", key), ("$hash", hash), ("$title", metadata.Title ?? HeadlineOf(document)), ("$outlet", metadata.Outlet),
            ("$published", metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$language", metadata.Language),
            ("$source", metadata.Source), ("$text", document.Text), ("$annotations", annotationsJson),
            ("$now", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        NonQuery(transaction, "INSERT INTO documents_fts (rowid, title, text) SELECT id, title, text FROM documents WHERE id = $id;", ("$id", id));
        LinkNearDuplicates(transaction, id, MinHashSignature.Compute(document.Text));

        foreach (var quote in document.Quotes)
        {
            NonQuery(transaction,
                """
                INSERT INTO quotes (document_id, start, end, kind, speaker, source, cue, channel, content, rule)
                VALUES ($document, $start, $end, $kind, $speaker, $source, $cue, $channel, $content, $rule);
                """,
                ("$document", id), ("$start", quote.Content.Start), ("$end", quote.Content.End), ("$kind", quote.Kind.ToString().ToLowerInvariant()),
                ("$speaker", TextOf(document, quote.Speaker)), ("$source", TextOf(document, quote.Source)), ("$cue", TextOf(document, quote.Cue)),
                ("$channel", TextOf(document, quote.Channel)), ("$content", document.TextOf(quote.Content)), ("$rule", quote.Origin.ToString()));
        }

        foreach (var claim in document.Claims)
        {
            var interval = claim.Quantity.Interval;
            var quote = claim.Quote >= 0 ? document.Quotes[claim.Quote] : null;
            var subjectLink = LinkAt(document, claim.Subject);
            var claimantLink = LinkAt(document, claim.Claimant);
            NonQuery(transaction,
                """
                INSERT INTO claims (document_id, start, end, text, measure, subject, subject_actor, subject_name, place, low, high, low_inclusive,
                                    high_inclusive, approximate, qualifier, trend, time_from, time_until, claimant, claimant_actor, claimant_side, channel)
                VALUES ($document, $start, $end, $text, $measure, $subject, $subjectActor, $subjectName, $place, $low, $high, $lowInclusive,
                        $highInclusive, $approximate, $qualifier, $trend, $from, $until, $claimant, $claimantActor, $claimantSide, $channel);
                """,
                ("$document", id), ("$start", claim.Span.Start), ("$end", claim.Span.End), ("$text", document.TextOf(claim.Span)),
                ("$measure", claim.Measure), ("$subject", TextOf(document, claim.Subject)), ("$place", TextOf(document, claim.Place)),
                ("$low", double.IsInfinity(interval.Low) ? null : interval.Low), ("$high", double.IsInfinity(interval.High) ? null : interval.High),
                ("$lowInclusive", interval.LowInclusive), ("$highInclusive", interval.HighInclusive), ("$approximate", interval.Approximate),
                ("$qualifier", claim.Quantity.Comparison.ToString()), ("$trend", claim.Trend == Text.Claims.ClaimTrend.None ? null : claim.Trend.ToString().ToLowerInvariant()),
                ("$from", claim.Time?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$until", claim.Time?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("$claimant", TextOf(document, claim.Claimant)), ("$channel", quote is null ? null : TextOf(document, quote.Channel)),
                ("$subjectActor", subjectLink?.ActorId), ("$subjectName", subjectLink?.ActorName),
                ("$claimantActor", claimantLink?.ActorId), ("$claimantSide", claimantLink?.Country));
        }

        transaction.Commit();
        return outcome;
    }

    /// <summary>Containment at or above which two texts are near-duplicates: most of the shorter one's 5-word shingles recur.</summary>
    public const double NearDuplicateThreshold = 0.6;

    private void LinkNearDuplicates(SqliteTransaction transaction, long id, MinHashSignature signature)
    {
        NonQuery(transaction, "UPDATE documents SET minhash = $signature WHERE id = $id;", ("$signature", signature.ToBytes()), ("$id", id));
        var bands = signature.BandHashes();
        var candidates = new HashSet<long>();
        using (var find = _connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT document_id FROM minhash_bands WHERE band = $band AND hash = $hash;";
            var band = find.Parameters.Add("$band", SqliteType.Integer);
            var hash = find.Parameters.Add("$hash", SqliteType.Integer);
            for (var b = 0; b < bands.Length; b++)
            {
                band.Value = b;
                hash.Value = bands[b];
                using var reader = find.ExecuteReader();
                while (reader.Read())
                {
                    candidates.Add(reader.GetInt64(0));
                }
            }
        }

        foreach (var candidate in candidates)
        {
            if (Scalar<byte[]?>(transaction, "SELECT minhash FROM documents WHERE id = $id;", ("$id", candidate)) is not { } stored)
            {
                continue;
            }

            var similarity = signature.Containment(MinHashSignature.FromBytes(stored));
            if (similarity >= NearDuplicateThreshold)
            {
                NonQuery(transaction, "INSERT OR REPLACE INTO document_links (document_id, other_id, kind, similarity) VALUES ($id, $other, 'near-duplicate', $similarity);",
                    ("$id", id), ("$other", candidate), ("$similarity", similarity));
            }
        }

        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO minhash_bands (band, hash, document_id) VALUES ($band, $hash, $id);";
        var bandParameter = insert.Parameters.Add("$band", SqliteType.Integer);
        var hashParameter = insert.Parameters.Add("$hash", SqliteType.Integer);
        insert.Parameters.AddWithValue("$id", id);
        for (var b = 0; b < bands.Length; b++)
        {
            bandParameter.Value = b;
            hashParameter.Value = bands[b];
            insert.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredClaim> Claims(ClaimFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var command = _connection.CreateCommand();
        var about = filter.About ?? [];
        var aboutClause = about.Count == 0 ? "1" : string.Join(" OR ", about.Select((_, i) => $"(c.subject LIKE '%' || $about{i} || '%' ESCAPE '\\' OR c.subject_name LIKE '%' || $about{i} || '%' ESCAPE '\\')"));
        command.CommandText =
            $"""
            SELECT d.key, d.outlet, d.published, c.start, c.end, c.text, c.measure, COALESCE(c.subject_name, c.subject), c.place, c.low, c.high,
                   c.low_inclusive, c.high_inclusive, c.approximate, c.trend, c.claimant, c.channel, c.claimant_actor, c.claimant_side
            FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE ({aboutClause})
              AND ($measure IS NULL OR c.measure = $measure)
              AND ($place IS NULL OR c.place LIKE '%' || $place || '%' ESCAPE '\')
            ORDER BY d.published, d.key, c.start LIMIT $limit;
            """;
        for (var i = 0; i < about.Count; i++)
        {
            command.Parameters.AddWithValue($"$about{i}", EscapeLike(about[i]));
        }

        command.Parameters.AddWithValue("$measure", (object?)filter.Measure ?? DBNull.Value);
        command.Parameters.AddWithValue("$place", filter.Place is null ? DBNull.Value : EscapeLike(filter.Place));
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<StoredClaim>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var interval = new Text.Quantities.QuantityInterval(
                reader.IsDBNull(9) ? double.NegativeInfinity : reader.GetDouble(9),
                reader.IsDBNull(10) ? double.PositiveInfinity : reader.GetDouble(10),
                reader.GetBoolean(11), reader.GetBoolean(12), reader.GetBoolean(13));
            result.Add(new StoredClaim(reader.GetString(0), NullableString(reader, 1), ParseDate(NullableString(reader, 2)),
                new TextSpan(reader.GetInt32(3), reader.GetInt32(4)), reader.GetString(5), NullableString(reader, 6), NullableString(reader, 7),
                NullableString(reader, 8), interval, NullableString(reader, 14), NullableString(reader, 15), NullableString(reader, 16))
            {
                ClaimantActor = NullableString(reader, 17),
                Side = NullableString(reader, 18),
            });
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentLink> NearDuplicates(int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            SELECT a.id, a.key, a.title, a.outlet, a.published, length(a.text), b.id, b.key, b.title, b.outlet, b.published, length(b.text), l.similarity
            FROM document_links l JOIN documents a ON a.id = l.document_id JOIN documents b ON b.id = l.other_id
            WHERE l.kind = 'near-duplicate' ORDER BY l.similarity DESC, a.id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<DocumentLink>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DocumentLink(Summary(reader, 0), Summary(reader, 6), reader.GetDouble(12)));
        }

        return result;
    }

    private static DocumentSummary Summary(SqliteDataReader reader, int first) =>
        new(reader.GetInt64(first), reader.GetString(first + 1), NullableString(reader, first + 2), NullableString(reader, first + 3),
            ParseDate(NullableString(reader, first + 4)), reader.GetInt32(first + 5));

    private static EntityLink? LinkAt(Document document, TextSpan? span)
    {
        if (span is not { } value)
        {
            return null;
        }

        foreach (var link in document.Links)
        {
            if (value.Overlaps(link.Span) && link.ActorId is not null)
            {
                return link;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public long CountDocuments() => Scalar<long>(null, "SELECT COUNT(*) FROM documents;");

    /// <inheritdoc />
    public IReadOnlyList<DocumentSummary> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            SELECT d.id, d.key, d.title, d.outlet, d.published, length(d.text), snippet(documents_fts, 1, '[', ']', '…', 12)
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
            WHERE documents_fts MATCH $query ORDER BY rank LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$query", ToFtsQuery(query));
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<DocumentSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new DocumentSummary(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                ParseDate(NullableString(reader, 4)), reader.GetInt32(5), NullableString(reader, 6)));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredQuote> Quotes(string? speaker, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText =
            """
            SELECT q.document_id, d.key, d.outlet, d.published, q.start, q.end, q.kind, q.speaker, q.cue, q.channel, q.content
            FROM quotes q JOIN documents d ON d.id = q.document_id
            WHERE $speaker IS NULL OR q.speaker LIKE '%' || $speaker || '%' ESCAPE '\'
            ORDER BY d.published DESC, q.document_id, q.start LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$speaker", speaker is null ? DBNull.Value : EscapeLike(speaker));
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<StoredQuote>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new StoredQuote(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), ParseDate(NullableString(reader, 3)),
                new TextSpan(reader.GetInt32(4), reader.GetInt32(5)), reader.GetString(6), NullableString(reader, 7), NullableString(reader, 8),
                NullableString(reader, 9), reader.GetString(10)));
        }

        return result;
    }

    /// <inheritdoc />
    public string? Annotations(string key) =>
        Scalar<string?>(null, "SELECT annotations FROM documents WHERE key = $key UNION ALL SELECT d.annotations FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE s.key = $key LIMIT 1;", ("$key", key));

    /// <inheritdoc />
    public string? AnnotationsById(long id) => Scalar<string?>(null, "SELECT annotations FROM documents WHERE id = $id;", ("$id", id));

    /// <inheritdoc />
    public IEnumerable<(DocumentSummary Document, string Annotations)> AllDocuments()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, key, title, outlet, published, length(text), annotations FROM documents ORDER BY id;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (Summary(reader, 0), reader.GetString(6));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentSummary> Latest(int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, key, title, outlet, published, length(text) FROM documents ORDER BY published DESC, id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<DocumentSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result.Add(Summary(reader, 0));
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>Turns user words into an FTS5 query of quoted terms, so punctuation in the input cannot break the syntax.</summary>
    internal static string ToFtsQuery(string query)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(term => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(' ', terms);
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string? HeadlineOf(Document document) =>
        document.Paragraphs is [{ Role: ParagraphRole.Headline } headline, ..] ? document.TextOf(headline.Span) : null;

    private static string? TextOf(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : null;

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly? ParseDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void NonQuery(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(transaction, sql, parameters);
        var value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            return default!;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private SqliteCommand Prepare(SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>For tests: the names of the tables in the store.</summary>
    internal IReadOnlyList<string> TableNames()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
