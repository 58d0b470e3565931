using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dossier.Storage.Duplicates;
using Dossier.Text;
using Dossier.Text.Knowledge;

namespace Dossier.Storage.Relational;

/// <summary>
/// The corpus store over any ADO.NET connection: one set of queries, with a <see cref="SqlDialect"/> for what the
/// engines do differently (full-text search, case-insensitive LIKE, column types in the migrations). The schema is
/// created and migrated on open from the dialect's numbered scripts, each recorded in <c>schema_version</c>.
/// Each save is one transaction. Not thread-safe: use one instance per thread.
/// </summary>
public abstract class RelationalDocumentStore : IDocumentStore
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbCommand? _oneOff;

    private protected RelationalDocumentStore(DbConnection connection, SqlDialect dialect, TimeProvider? clock)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        _connection = connection;
        _dialect = dialect;
        _clock = clock ?? TimeProvider.System;
        Migrate();
    }

    /// <summary>The schema version after migration: the number of the last migration applied.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The open connection, for subclasses' bulk paths.</summary>
    private protected DbConnection Connection => _connection;

    private void Migrate()
    {
        NonQuery(null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        SchemaVersion = Convert.ToInt32(Scalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_version;"), CultureInfo.InvariantCulture);
        foreach (var (version, script) in Migrations(_dialect.MigrationPrefix))
        {
            if (version <= SchemaVersion)
            {
                continue;
            }

            using var transaction = _connection.BeginTransaction();
            NonQuery(transaction, script);
            NonQuery(transaction, "INSERT INTO schema_version (version) VALUES (@version);", Arg.Int("@version", version));
            transaction.Commit();
            SchemaVersion = version;
        }
    }

    /// <summary>The numbered scripts under <paramref name="prefix"/>, in version order.</summary>
    internal static IEnumerable<(int Version, string Script)> Migrations(string prefix)
    {
        var assembly = typeof(RelationalDocumentStore).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            // "…Migrations.004_facts.sql": the number before the underscore is the version.
            var file = name[prefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    /// <summary>Containment at or above which two texts are near-duplicates: most of the shorter one's 5-word shingles recur.</summary>
    public const double NearDuplicateThreshold = 0.6;

    /// <inheritdoc />
    public SaveOutcome Save(Document document, string key, string annotationsJson)
    {
        using var transaction = _connection.BeginTransaction();
        var outcome = Save(transaction, document, key, annotationsJson);
        transaction.Commit();
        return outcome;
    }

    /// <inheritdoc />
    public IReadOnlyList<SaveOutcome> SaveAll(IReadOnlyList<(Document Document, string Key, string AnnotationsJson)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var outcomes = new SaveOutcome[documents.Count];
        using var transaction = _connection.BeginTransaction();
        for (var i = 0; i < documents.Count; i++)
        {
            outcomes[i] = Save(transaction, documents[i].Document, documents[i].Key, documents[i].AnnotationsJson);
        }

        transaction.Commit();
        return outcomes;
    }

    /// <summary>
    /// The bulk path: saves <paramref name="documents"/> as <see cref="Save(Document, string, string)"/> does, but
    /// <paramref name="perTransaction"/> at a time, so the cost of a commit (an fsync) is shared. A failure loses at most
    /// the batch in progress. Returns how many were added.
    /// </summary>
    public int SaveMany(IEnumerable<(Document Document, string Key, string AnnotationsJson)> documents, int perTransaction = 500)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(perTransaction, 1);
        return documents.Chunk(perTransaction).Sum(batch => SaveAll(batch).Count(outcome => outcome == SaveOutcome.Added));
    }

    /// <summary>Refreshes the planner's statistics (ANALYZE, the same statement on both engines); worth running after a bulk load.</summary>
    public void Analyze() => NonQuery(null, "ANALYZE;");

    private SaveOutcome Save(DbTransaction transaction, Document document, string key, string annotationsJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(annotationsJson);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)));
        if (Scalar(transaction, "SELECT id FROM documents WHERE content_hash = @hash;", Arg.Text("@hash", hash)) is { } sameText and not DBNull)
        {
            // The same text again: remember the extra key, change nothing else.
            NonQuery(transaction,
                "INSERT INTO document_sources (document_id, key) SELECT @id, @key WHERE NOT EXISTS (SELECT 1 FROM documents WHERE key = @key) ON CONFLICT DO NOTHING;",
                Arg.Int("@id", Convert.ToInt64(sameText, CultureInfo.InvariantCulture)), Arg.Text("@key", key));
            return SaveOutcome.Unchanged;
        }

        var outcome = SaveOutcome.Added;
        if (Scalar(transaction, "SELECT id FROM documents WHERE key = @key;", Arg.Text("@key", key)) is { } replacedValue and not DBNull)
        {
            var replaced = Convert.ToInt64(replacedValue, CultureInfo.InvariantCulture);
            if (_dialect.UnindexDocumentSql is { } unindex)
            {
                NonQuery(transaction, unindex, Arg.Int("@id", replaced));
            }

            NonQuery(transaction, "DELETE FROM documents WHERE id = @id;", Arg.Int("@id", replaced));
            outcome = SaveOutcome.Replaced;
        }

        var signature = MinHashSignature.Compute(document.Text);
        var metadata = document.Metadata;
        var id = Convert.ToInt64(Scalar(transaction,
            """
            INSERT INTO documents (key, content_hash, title, outlet, published, language, source, author, text, annotations, ingested_at)
            VALUES (@key, @hash, @title, @outlet, @published, @language, @source, @author, @text, @annotations, @now)
            RETURNING id;
            """,
            Arg.Text("@key", key), Arg.Text("@hash", hash), Arg.Text("@title", metadata.Title ?? HeadlineOf(document)), Arg.Text("@outlet", metadata.Outlet),
            Arg.Text("@published", FormatDate(metadata.Published)), Arg.Text("@language", metadata.Language),
            Arg.Text("@source", metadata.Source), Arg.Text("@author", metadata.Author), Arg.Text("@text", document.Text), Arg.Text("@annotations", annotationsJson),
            Arg.Text("@now", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))), CultureInfo.InvariantCulture);
        if (_dialect.IndexDocumentSql is { } index)
        {
            NonQuery(transaction, index, Arg.Int("@id", id));
        }

        LinkNearDuplicates(transaction, id, signature);
        SaveQuotes(transaction, id, document);
        SaveClaims(transaction, id, document);
        SaveMentions(transaction, id, document);
        SavePlaces(transaction, id, document);
        SaveEvents(transaction, id, document, annotationsJson);
        return outcome;
    }

    private void SaveQuotes(DbTransaction transaction, long id, Document document)
    {
        foreach (var quote in document.Quotes)
        {
            var speakerLink = LinkAt(document, quote.Speaker);
            var quoteId = Convert.ToInt64(Scalar(transaction,
                """
                INSERT INTO quotes (document_id, start, "end", kind, speaker, source, cue, channel, content, rule, speaker_actor, speaker_key)
                VALUES (@document, @start, @end, @kind, @speaker, @source, @cue, @channel, @content, @rule, @speakerActor, @speakerKey)
                RETURNING id;
                """,
                Arg.Int("@document", id), Arg.Int("@start", quote.Content.Start), Arg.Int("@end", quote.Content.End),
                Arg.Text("@kind", quote.Kind.ToString().ToLowerInvariant()), Arg.Text("@speaker", TextOf(document, quote.Speaker)),
                Arg.Text("@source", TextOf(document, quote.Source)), Arg.Text("@cue", TextOf(document, quote.Cue)),
                Arg.Text("@channel", TextOf(document, quote.Channel)), Arg.Text("@content", document.TextOf(quote.Content)),
                Arg.Text("@rule", quote.Origin.ToString()), Arg.Text("@speakerActor", speakerLink?.ActorId),
                Arg.Text("@speakerKey", RepeatedFacts.SpeakerKey(speakerLink?.ActorId, TextOf(document, quote.Speaker)))), CultureInfo.InvariantCulture);
            AssignQuoteCluster(transaction, id, quoteId, RepeatedFacts.SpeakerKey(speakerLink?.ActorId, TextOf(document, quote.Speaker)), document.TextOf(quote.Content));

            // The chain a reader has to trust: the speaker said it, through a channel, and the outlet reported it.
            const string hop = """
                INSERT INTO quote_provenance (quote_id, position, role, name, actor_id, start, "end")
                VALUES (@quote, @position, @role, @name, @actor, @start, @end);
                """;
            if (quote.Speaker is { } speaker)
            {
                NonQuery(transaction, hop, Arg.Int("@quote", quoteId), Arg.Int("@position", 0), Arg.Text("@role", "speaker"),
                    Arg.Text("@name", document.TextOf(speaker)), Arg.Text("@actor", speakerLink?.ActorId), Arg.Int("@start", speaker.Start), Arg.Int("@end", speaker.End));
            }

            if (quote.Channel is { } channel)
            {
                NonQuery(transaction, hop, Arg.Int("@quote", quoteId), Arg.Int("@position", 1), Arg.Text("@role", "channel"),
                    Arg.Text("@name", document.TextOf(channel)), Arg.Text("@actor", LinkAt(document, channel)?.ActorId),
                    Arg.Int("@start", channel.Start), Arg.Int("@end", channel.End));
            }

            if (document.Metadata.Outlet is { } outlet)
            {
                NonQuery(transaction, hop, Arg.Int("@quote", quoteId), Arg.Int("@position", 2), Arg.Text("@role", "outlet"),
                    Arg.Text("@name", outlet), Arg.Text("@actor", null), Arg.NullInt("@start"), Arg.NullInt("@end"));
            }
        }
    }

    private void SaveClaims(DbTransaction transaction, long id, Document document)
    {
        foreach (var claim in document.Claims)
        {
            var interval = claim.Quantity.Interval;
            var quote = claim.Quote >= 0 ? document.Quotes[claim.Quote] : null;
            var subjectLink = LinkAt(document, claim.Subject);
            var claimantLink = LinkAt(document, claim.Claimant);
            NonQuery(transaction,
                """
                INSERT INTO claims (document_id, start, "end", text, measure, subject, subject_actor, subject_name, place, low, high, low_inclusive,
                                    high_inclusive, approximate, qualifier, trend, time_from, time_until, claimant, claimant_actor, claimant_side, channel, published)
                VALUES (@document, @start, @end, @text, @measure, @subject, @subjectActor, @subjectName, @place, @low, @high, @lowInclusive,
                        @highInclusive, @approximate, @qualifier, @trend, @from, @until, @claimant, @claimantActor, @claimantSide, @channel, @published);
                """,
                Arg.Int("@document", id), Arg.Int("@start", claim.Span.Start), Arg.Int("@end", claim.Span.End), Arg.Text("@text", document.TextOf(claim.Span)),
                Arg.Text("@measure", claim.Measure), Arg.Text("@subject", TextOf(document, claim.Subject)), Arg.Text("@place", TextOf(document, claim.Place)),
                Arg.Real("@low", double.IsInfinity(interval.Low) ? null : interval.Low), Arg.Real("@high", double.IsInfinity(interval.High) ? null : interval.High),
                Arg.Flag("@lowInclusive", interval.LowInclusive), Arg.Flag("@highInclusive", interval.HighInclusive), Arg.Flag("@approximate", interval.Approximate),
                Arg.Text("@qualifier", claim.Quantity.Comparison.ToString()),
                Arg.Text("@trend", claim.Trend == Text.Claims.ClaimTrend.None ? null : claim.Trend.ToString().ToLowerInvariant()),
                Arg.Text("@from", FormatDate(claim.Time?.Start)), Arg.Text("@until", FormatDate(claim.Time?.End)),
                Arg.Text("@claimant", TextOf(document, claim.Claimant)), Arg.Text("@channel", quote is null ? null : TextOf(document, quote.Channel)),
                Arg.Text("@subjectActor", subjectLink?.ActorId), Arg.Text("@subjectName", subjectLink?.ActorName),
                Arg.Text("@claimantActor", claimantLink?.ActorId), Arg.Text("@claimantSide", claimantLink?.Country),
                Arg.Text("@published", FormatDate(document.Metadata.Published)));
        }
    }

    private void SaveMentions(DbTransaction transaction, long id, Document document)
    {
        const string insert = """
            INSERT INTO mentions (document_id, start, "end", text, type, actor_id, actor_name, cameo, cluster, country)
            VALUES (@document, @start, @end, @text, @type, @actor, @actorName, @cameo, @cluster, @country);
            """;
        var linksBySpan = new Dictionary<TextSpan, EntityLink>();
        foreach (var link in document.Links)
        {
            linksBySpan.TryAdd(link.Span, link);
        }

        var stored = new HashSet<TextSpan>();
        foreach (var mention in document.Mentions)
        {
            // A link sits on its mention's span; a mention without one is stored unlinked, so actor-less names stay searchable.
            linksBySpan.TryGetValue(mention.Span, out var link);
            stored.Add(mention.Span);
            NonQuery(transaction, insert, MentionArgs(id, document, mention.Span, mention.Type, link));
        }

        foreach (var link in document.Links)
        {
            if (stored.Add(link.Span))
            {
                NonQuery(transaction, insert, MentionArgs(id, document, link.Span, null, link));
            }
        }
    }

    private static Arg[] MentionArgs(long id, Document document, TextSpan span, string? type, EntityLink? link) =>
    [
        Arg.Int("@document", id), Arg.Int("@start", span.Start), Arg.Int("@end", span.End), Arg.Text("@text", document.TextOf(span)),
        Arg.Text("@type", type), Arg.Text("@actor", link?.ActorId), Arg.Text("@actorName", link?.ActorName), Arg.Text("@cameo", link?.Cameo),
        Arg.Text("@cluster", link?.Cluster), Arg.Text("@country", link?.Country),
    ];

    private void SavePlaces(DbTransaction transaction, long id, Document document)
    {
        foreach (var place in document.Places)
        {
            NonQuery(transaction,
                """
                INSERT INTO places (document_id, start, "end", text, name, country, latitude, longitude)
                VALUES (@document, @start, @end, @text, @name, @country, @latitude, @longitude);
                """,
                Arg.Int("@document", id), Arg.Int("@start", place.Span.Start), Arg.Int("@end", place.Span.End), Arg.Text("@text", document.TextOf(place.Span)),
                Arg.Text("@name", place.Name), Arg.Text("@country", place.Country is { Length: > 0 } country ? country : null),
                Arg.Real("@latitude", place.Latitude), Arg.Real("@longitude", place.Longitude));
        }
    }

    private void SaveEvents(DbTransaction transaction, long id, Document document, string annotationsJson)
    {
        foreach (var coded in CodedEventReader.Read(annotationsJson, document.Text.Length))
        {
            var matchKey = RepeatedFacts.EventKey(coded.Root, coded.Source?.Actor, coded.Source?.Cameo, coded.Source?.Name, coded.Target?.Actor,
                coded.Target?.Cameo, coded.Target?.Name, coded.Negated);
            var eventId = Convert.ToInt64(Scalar(transaction,
                """
                INSERT INTO events (document_id, start, "end", text, code, root, name, goldstein, quad_class, plover_event, plover_mode,
                                    source_actor, source_cameo, source_text, target_actor, target_cameo, target_text, place, date, negated, claimed_by, match_key)
                VALUES (@document, @start, @end, @text, @code, @root, @name, @goldstein, @quadClass, @ploverEvent, @ploverMode,
                        @sourceActor, @sourceCameo, @sourceText, @targetActor, @targetCameo, @targetText, @place, @date, @negated, @claimedBy, @matchKey)
                RETURNING id;
                """,
                Arg.Int("@document", id), Arg.Int("@start", coded.Start), Arg.Int("@end", coded.End),
                Arg.Text("@text", document.Text[coded.Start..coded.End]), Arg.Text("@code", coded.Code), Arg.Text("@root", coded.Root),
                Arg.Text("@name", coded.Name), Arg.Real("@goldstein", coded.Goldstein), Arg.Int("@quadClass", coded.QuadClass),
                Arg.Text("@ploverEvent", coded.PloverEvent), Arg.Text("@ploverMode", coded.PloverMode),
                Arg.Text("@sourceActor", coded.Source?.Actor), Arg.Text("@sourceCameo", coded.Source?.Cameo), Arg.Text("@sourceText", coded.Source?.Name),
                Arg.Text("@targetActor", coded.Target?.Actor), Arg.Text("@targetCameo", coded.Target?.Cameo), Arg.Text("@targetText", coded.Target?.Name),
                Arg.Text("@place", coded.Place), Arg.Text("@date", coded.Date), Arg.Flag("@negated", coded.Negated), Arg.Text("@claimedBy", coded.ClaimedBy),
                Arg.Text("@matchKey", matchKey)), CultureInfo.InvariantCulture);
            AssignEventCluster(transaction, id, eventId, matchKey, coded.Place,
                ParseDate(coded.Date is { Length: >= 10 } date ? date[..10] : null) ?? document.Metadata.Published);
        }
    }

    /// <summary>Puts a new quote in the cluster of the most similar earlier quote by the same speaker in another document, else in its own.</summary>
    private void AssignQuoteCluster(DbTransaction transaction, long documentId, long quoteId, string? speakerKey, string content)
    {
        var cluster = quoteId;
        if (speakerKey is not null)
        {
            // The most recent few hundred quotes by the speaker: repeats follow the original within days, not years.
            // Syndicated copies repeat a quote word for word: each distinct wording is compared once, under its
            // oldest cluster, and the engine groups them so that hundreds of copies do not cross into .NET strings.
            var wordings = QueryIn(transaction,
                """
                SELECT MIN(cluster_id), content FROM (
                    SELECT cluster_id, content FROM quotes WHERE speaker_key = @key AND document_id <> @document AND cluster_id IS NOT NULL
                    ORDER BY id DESC LIMIT 500) recent
                GROUP BY content;
                """,
                reader => (Cluster: Long(reader, 0), Content: reader.GetString(1)), Arg.Text("@key", speakerKey), Arg.Int("@document", documentId));
            var containment = RepeatedFacts.ContainmentWith(content);
            var best = RepeatedFacts.QuoteContainmentThreshold;
            foreach (var (candidateCluster, wording) in wordings)
            {
                var similarity = containment(wording);
                if (similarity > best || (similarity == best && similarity >= RepeatedFacts.QuoteContainmentThreshold && candidateCluster < cluster))
                {
                    (best, cluster) = (similarity, candidateCluster);
                }
            }
        }

        NonQuery(transaction, "UPDATE quotes SET cluster_id = @cluster WHERE id = @id;", Arg.Int("@cluster", cluster), Arg.Int("@id", quoteId));
    }

    /// <summary>
    /// Puts a new event in the cluster of the closest-dated earlier report of it (same key, a compatible place, within the
    /// window) in another document, else in its own.
    /// </summary>
    private void AssignEventCluster(DbTransaction transaction, long documentId, long eventId, string matchKey, string? place, DateOnly? date)
    {
        var cluster = eventId;
        if (date is { } day)
        {
            var candidates = QueryIn(transaction,
                """
                SELECT DISTINCT cluster_id, day, place FROM (
                    SELECT e.cluster_id, COALESCE(e.date, d.published) AS day, e.place FROM events e JOIN documents d ON d.id = e.document_id
                    WHERE e.match_key = @key AND e.document_id <> @document AND e.cluster_id IS NOT NULL ORDER BY e.id DESC LIMIT 500) recent;
                """,
                reader => (Cluster: Long(reader, 0), Date: Str(reader, 1), Place: Str(reader, 2)), Arg.Text("@key", matchKey), Arg.Int("@document", documentId));
            var closest = RepeatedFacts.EventWindowDays + 1;
            foreach (var candidate in candidates)
            {
                if (RepeatedFacts.SamePlace(place, candidate.Place)
                    && ParseDate(candidate.Date is { Length: >= 10 } text ? text[..10] : null) is { } other
                    && Math.Abs(other.DayNumber - day.DayNumber) is var apart && apart < closest)
                {
                    (closest, cluster) = (apart, candidate.Cluster);
                }
            }
        }

        NonQuery(transaction, "UPDATE events SET cluster_id = @cluster WHERE id = @id;", Arg.Int("@cluster", cluster), Arg.Int("@id", eventId));
    }

    private static readonly string CandidateSignaturesSql =
        "SELECT document_id, minhash FROM document_signatures WHERE document_id IN (SELECT document_id FROM minhash_bands WHERE "
        + string.Join(" OR ", Enumerable.Range(0, MinHashSignature.Bands).Select(b => string.Create(CultureInfo.InvariantCulture, $"(band = @band{b} AND hash = @hash{b})")))
        + ") ORDER BY document_id;";

    private static readonly string InsertBandsSql =
        "INSERT INTO minhash_bands (band, hash, document_id) VALUES "
        + string.Join(", ", Enumerable.Range(0, MinHashSignature.Bands).Select(b => string.Create(CultureInfo.InvariantCulture, $"(@band{b}, @hash{b}, @id)")))
        + ";";

    private void LinkNearDuplicates(DbTransaction transaction, long id, MinHashSignature signature)
    {
        // Candidates and their signatures in one statement: every document sharing a band hash with this one. A story
        // syndicated a hundred times matches a hundred documents in each of the 32 bands; a statement per band and one
        // per candidate had cost more than the comparisons.
        var bands = signature.BandHashes();
        var args = new Arg[2 * bands.Length];
        for (var b = 0; b < bands.Length; b++)
        {
            args[2 * b] = Arg.Int(string.Create(CultureInfo.InvariantCulture, $"@band{b}"), b);
            args[(2 * b) + 1] = Arg.Int(string.Create(CultureInfo.InvariantCulture, $"@hash{b}"), bands[b]);
        }

        var signatures = QueryIn(transaction, CandidateSignaturesSql,
            reader => (Id: Long(reader, 0), Signature: (byte[])reader.GetValue(1)), args);

        // The links go in as multi-row statements (ids and similarities are numbers, written into the statement): a copy
        // of a story already stored a hundred times links to all hundred.
        var links = new List<string>();
        foreach (var (candidate, stored) in signatures)
        {
            var similarity = signature.Containment(MinHashSignature.FromBytes(stored));
            if (similarity >= NearDuplicateThreshold)
            {
                links.Add(string.Create(CultureInfo.InvariantCulture, $"({id}, {candidate}, 'near-duplicate', {similarity:R})"));
            }
        }

        foreach (var chunk in links.Chunk(200))
        {
            NonQuery(transaction,
                "INSERT INTO document_links (document_id, other_id, kind, similarity) VALUES " + string.Join(", ", chunk)
                + " ON CONFLICT (document_id, other_id, kind) DO UPDATE SET similarity = excluded.similarity;");
        }

        // args still holds @band0..@hash31; the document id completes them.
        NonQuery(transaction, InsertBandsSql, [.. args, Arg.Int("@id", id)]);
        NonQuery(transaction, "INSERT INTO document_signatures (document_id, minhash) VALUES (@id, @signature);",
            Arg.Int("@id", id), Arg.Bytes("@signature", signature.ToBytes()));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredClaim> Claims(ClaimFilter filter, int limit)
    {
        var (sql, args) = ClaimsQuery(filter, limit);
        return Query(sql,
            reader =>
            {
                var interval = new Text.Quantities.QuantityInterval(
                    reader.IsDBNull(9) ? double.NegativeInfinity : Real(reader, 9),
                    reader.IsDBNull(10) ? double.PositiveInfinity : Real(reader, 10),
                    Flag(reader, 11), Flag(reader, 12), Flag(reader, 13));
                return new StoredClaim(reader.GetString(0), Str(reader, 1), ParseDate(Str(reader, 2)),
                    new TextSpan(Int(reader, 3), Int(reader, 4)), reader.GetString(5), Str(reader, 6), Str(reader, 7),
                    Str(reader, 8), interval, Str(reader, 14), Str(reader, 15), Str(reader, 16))
                {
                    ClaimantActor = Str(reader, 17),
                    Side = Str(reader, 18),
                };
            },
            args);
    }

    /// <summary>
    /// The engine's plan for <see cref="Claims"/> with <paramref name="filter"/>, one line per step (SQLite's
    /// <c>EXPLAIN QUERY PLAN</c> details, PostgreSQL's <c>EXPLAIN</c> lines): tests check that ledger pages are read
    /// in index order rather than sorted.
    /// </summary>
    internal IReadOnlyList<string> ExplainClaims(ClaimFilter filter, int limit)
    {
        var (sql, args) = ClaimsQuery(filter, limit);
        return Query(_dialect.ExplainPrefix + " " + sql, reader => reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "", args);
    }

    private (string Sql, Arg[] Args) ClaimsQuery(ClaimFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var about = filter.About ?? [];
        var like = _dialect.Like;

        // Only the filters given become conditions: "(@x IS NULL OR c.x = @x)" would keep the planner from the indexes.
        var conditions = new List<string>();
        var args = new List<Arg> { Arg.Int("@limit", limit) };
        if (about.Count > 0)
        {
            conditions.Add("(" + string.Join(" OR ", about.Select((_, i) =>
                $"c.subject {like} '%' || @about{i} || '%' ESCAPE '\\' OR c.subject_name {like} '%' || @about{i} || '%' ESCAPE '\\'")) + ")");
            args.AddRange(about.Select((value, i) => Arg.Text($"@about{i}", EscapeLike(value))));
        }

        if (filter.Measure is { } measure)
        {
            conditions.Add("c.measure = @measure");
            args.Add(Arg.Text("@measure", measure));
        }

        if (filter.Place is { } place)
        {
            conditions.Add($"c.place {like} '%' || @place || '%' ESCAPE '\\'");
            args.Add(Arg.Text("@place", EscapeLike(place)));
        }

        if (filter.Claimant is { } claimant)
        {
            // An actor id ("per:zamir-kabulov") is matched exactly, through its index; anything else is also looked
            // for inside the claimants' names, which reads the ledger in date order until the page is full.
            if (claimant.Contains(':', StringComparison.Ordinal))
            {
                conditions.Add("c.claimant_actor = @claimant");
            }
            else
            {
                conditions.Add($"(c.claimant_actor = @claimant OR c.claimant {like} '%' || @claimantLike || '%' ESCAPE '\\')");
                args.Add(Arg.Text("@claimantLike", EscapeLike(claimant)));
            }

            args.Add(Arg.Text("@claimant", claimant));
        }

        if (filter.From is { } from)
        {
            conditions.Add("c.published >= @from");
            args.Add(Arg.Text("@from", FormatDate(from)));
        }

        if (filter.To is { } to)
        {
            conditions.Add("c.published <= @to");
            args.Add(Arg.Text("@to", FormatDate(to)));
        }

        return ($"""
             SELECT d.key, d.outlet, d.published, c.start, c."end", c.text, c.measure, COALESCE(c.subject_name, c.subject), c.place, c.low, c.high,
                    c.low_inclusive, c.high_inclusive, c.approximate, c.trend, c.claimant, c.channel, c.claimant_actor, c.claimant_side
             FROM claims c JOIN documents d ON d.id = c.document_id
             WHERE {(conditions.Count == 0 ? "1 = 1" : string.Join("\n   AND ", conditions))}
             ORDER BY c.published NULLS FIRST, c.document_id, c.start LIMIT @limit;
             """,
            [.. args]);
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentLink> NearDuplicates(int limit) =>
        Query(
            """
            SELECT a.id, a.key, a.title, a.outlet, a.published, length(a.text), b.id, b.key, b.title, b.outlet, b.published, length(b.text), l.similarity
            FROM document_links l JOIN documents a ON a.id = l.document_id JOIN documents b ON b.id = l.other_id
            WHERE l.kind = 'near-duplicate' ORDER BY l.similarity DESC, a.id LIMIT @limit;
            """,
            reader => new DocumentLink(Summary(reader, 0), Summary(reader, 6), Real(reader, 12)),
            Arg.Int("@limit", limit));

    /// <inheritdoc />
    public long CountDocuments() => Convert.ToInt64(Scalar(null, "SELECT COUNT(*) FROM documents;"), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public IReadOnlyList<DocumentSummary> Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Query(_dialect.SearchSql,
            reader => new DocumentSummary(Long(reader, 0), reader.GetString(1), Str(reader, 2), Str(reader, 3), ParseDate(Str(reader, 4)), Int(reader, 5), Str(reader, 6)),
            Arg.Text("@query", _dialect.SearchQuery(query)), Arg.Int("@limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredQuote> Quotes(string? speaker, int limit) =>
        Query(
            $"""
             SELECT q.document_id, d.key, d.outlet, d.published, q.start, q."end", q.kind, q.speaker, q.cue, q.channel, q.content, q.cluster_id
             FROM quotes q JOIN documents d ON d.id = q.document_id
             WHERE @speaker IS NULL OR q.speaker {_dialect.Like} '%' || @speaker || '%' ESCAPE '\'
             ORDER BY d.published DESC NULLS LAST, q.document_id, q.start LIMIT @limit;
             """,
            reader => new StoredQuote(Long(reader, 0), reader.GetString(1), Str(reader, 2), ParseDate(Str(reader, 3)),
                new TextSpan(Int(reader, 4), Int(reader, 5)), reader.GetString(6), Str(reader, 7), Str(reader, 8), Str(reader, 9), reader.GetString(10))
            {
                Cluster = reader.IsDBNull(11) ? null : Long(reader, 11),
            },
            Arg.Text("@speaker", speaker is null ? null : EscapeLike(speaker)), Arg.Int("@limit", limit));

    /// <inheritdoc />
    public string? Annotations(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Scalar(null,
            "SELECT annotations FROM documents WHERE key = @key UNION ALL SELECT d.annotations FROM document_sources s JOIN documents d ON d.id = s.document_id WHERE s.key = @key LIMIT 1;",
            Arg.Text("@key", key)) as string;
    }

    /// <inheritdoc />
    public string? AnnotationsById(long id) => Scalar(null, "SELECT annotations FROM documents WHERE id = @id;", Arg.Int("@id", id)) as string;

    /// <inheritdoc />
    public IEnumerable<(DocumentSummary Document, string Annotations)> AllDocuments()
    {
        using var command = Command(null, "SELECT id, key, title, outlet, published, length(text), annotations FROM documents ORDER BY id;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (Summary(reader, 0), reader.GetString(6));
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentSummary> Latest(int limit) => Documents(0, limit);

    /// <inheritdoc />
    public IReadOnlyList<DocumentSummary> Documents(int offset, int limit) =>
        Query("SELECT id, key, title, outlet, published, length(text) FROM documents ORDER BY published DESC NULLS LAST, id DESC LIMIT @limit OFFSET @offset;",
            reader => Summary(reader, 0), Arg.Int("@limit", limit), Arg.Int("@offset", offset));

    /// <inheritdoc />
    public DocumentSummary? DocumentById(long id) =>
        Query("SELECT id, key, title, outlet, published, length(text), author FROM documents WHERE id = @id;",
                reader => Summary(reader, 0) with { Author = Str(reader, 6) }, Arg.Int("@id", id))
            .FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<StoredActor> Actors(string? nameContains, int limit)
    {
        var like = _dialect.Like;
        return Query(
            $"""
             SELECT m.actor_id, MAX(m.actor_name),
                    (SELECT t.type FROM mentions t WHERE t.actor_id = m.actor_id AND t.type IS NOT NULL GROUP BY t.type ORDER BY COUNT(*) DESC, t.type LIMIT 1),
                    (SELECT k.cameo FROM mentions k WHERE k.actor_id = m.actor_id AND k.cameo IS NOT NULL GROUP BY k.cameo ORDER BY COUNT(*) DESC, k.cameo LIMIT 1),
                    MAX(m.country), COUNT(DISTINCT m.document_id), COUNT(*),
                    (SELECT COUNT(*) FROM quotes q WHERE q.speaker_actor = m.actor_id),
                    (SELECT COUNT(*) FROM claims c WHERE c.claimant_actor = m.actor_id)
             FROM mentions m
             WHERE m.actor_id IS NOT NULL
               AND (@name IS NULL OR m.actor_name {like} '%' || @name || '%' ESCAPE '\' OR m.actor_id {like} '%' || @name || '%' ESCAPE '\')
             GROUP BY m.actor_id
             ORDER BY COUNT(*) DESC, m.actor_id LIMIT @limit;
             """,
            reader => new StoredActor(reader.GetString(0), Str(reader, 1) ?? reader.GetString(0), Str(reader, 2), Str(reader, 3), Str(reader, 4),
                Int(reader, 5), Int(reader, 6), Int(reader, 7), Int(reader, 8)),
            Arg.Text("@name", nameContains is null ? null : EscapeLike(nameContains)), Arg.Int("@limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredPlace> Places(long? documentId, int limit) =>
        Query(
            """
            SELECT d.id, d.key, d.title, d.outlet, d.published, length(d.text), p.start, p."end", p.text, p.name, p.country, p.latitude, p.longitude
            FROM places p JOIN documents d ON d.id = p.document_id
            WHERE @document IS NULL OR p.document_id = @document
            ORDER BY p.document_id, p.start LIMIT @limit;
            """,
            reader => new StoredPlace(Summary(reader, 0), Int(reader, 6), Int(reader, 7), reader.GetString(8), reader.GetString(9), Str(reader, 10),
                Real(reader, 11), Real(reader, 12)),
            documentId is { } value ? Arg.Int("@document", value) : Arg.NullInt("@document"), Arg.Int("@limit", limit));

    private const string EventSelect =
        """
        SELECT d.id, d.key, d.title, d.outlet, d.published, length(d.text), e.start, e."end", e.text, e.code, e.root, e.name, e.goldstein, e.quad_class,
               e.plover_event, e.plover_mode, COALESCE(e.source_text, e.source_actor), e.source_cameo, COALESCE(e.target_text, e.target_actor), e.target_cameo,
               e.place, e.date, e.negated, e.claimed_by, e.source_actor, e.target_actor, e.cluster_id
        FROM events e JOIN documents d ON d.id = e.document_id
        """;

    private static StoredEvent ReadEvent(DbDataReader reader) =>
        new(Summary(reader, 0), Int(reader, 6), Int(reader, 7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
            reader.GetString(11), Real(reader, 12), Int(reader, 13), Str(reader, 14), Str(reader, 15), Str(reader, 16), Str(reader, 17), Str(reader, 18),
            Str(reader, 19), Str(reader, 20), Str(reader, 21), Flag(reader, 22), Str(reader, 23))
        {
            SourceActor = Str(reader, 24),
            TargetActor = Str(reader, 25),
            Cluster = reader.IsDBNull(26) ? null : Long(reader, 26),
        };

    private (string Where, Arg[] Args) EventConditions(EventFilter filter)
    {
        var like = _dialect.Like;
        return (
            $"""
             (@actor IS NULL OR e.source_actor = @actor OR e.target_actor = @actor
                    OR e.source_text {like} '%' || @actorLike || '%' ESCAPE '\' OR e.target_text {like} '%' || @actorLike || '%' ESCAPE '\')
               AND (@root IS NULL OR e.root = @root)
               AND (@from IS NULL OR substr(COALESCE(e.date, d.published), 1, 10) >= @from)
               AND (@to IS NULL OR substr(COALESCE(e.date, d.published), 1, 10) <= @to)
             """,
            [
                Arg.Text("@actor", filter.Actor), Arg.Text("@actorLike", filter.Actor is null ? null : EscapeLike(filter.Actor)), Arg.Text("@root", filter.Root),
                Arg.Text("@from", FormatDate(filter.From)), Arg.Text("@to", FormatDate(filter.To)),
            ]);
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredEvent> Events(EventFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, args) = EventConditions(filter);
        return Query($"{EventSelect} WHERE {where} ORDER BY COALESCE(e.date, d.published) NULLS FIRST, d.id, e.start LIMIT @limit;",
            ReadEvent, [.. args, Arg.Int("@limit", limit)]);
    }

    /// <inheritdoc />
    public IReadOnlyList<ProvenanceHop> ProvenanceChain(long documentId, int quoteStart) =>
        Query(
            """
            SELECT p.role, p.name, p.actor_id, p.start, p."end"
            FROM quote_provenance p JOIN quotes q ON q.id = p.quote_id
            WHERE q.document_id = @document AND q.start = @start
            ORDER BY q.id, p.position;
            """,
            reader => new ProvenanceHop(reader.GetString(0), reader.GetString(1), Str(reader, 2),
                reader.IsDBNull(3) ? null : Int(reader, 3), reader.IsDBNull(4) ? null : Int(reader, 4)),
            Arg.Int("@document", documentId), Arg.Int("@start", quoteStart));

    /// <inheritdoc />
    public IReadOnlyList<QuoteCluster> QuoteClusters(string? speaker, int limit)
    {
        var groups = Query(
            $"""
             SELECT q.cluster_id, COUNT(*), COUNT(DISTINCT q.document_id) FROM quotes q
             WHERE @speaker IS NULL OR q.speaker {_dialect.Like} '%' || @speaker || '%' ESCAPE '\'
             GROUP BY q.cluster_id ORDER BY COUNT(DISTINCT q.document_id) DESC, q.cluster_id LIMIT @limit;
             """,
            reader => (Cluster: Long(reader, 0), Reports: Int(reader, 1), Documents: Int(reader, 2)),
            Arg.Text("@speaker", speaker is null ? null : EscapeLike(speaker)), Arg.Int("@limit", limit));
        var result = new List<QuoteCluster>();
        foreach (var (cluster, reports, documents) in groups)
        {
            var first = Query(
                """
                SELECT q.document_id, d.key, d.outlet, d.published, q.start, q."end", q.kind, q.speaker, q.cue, q.channel, q.content
                FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = @id;
                """,
                reader => new StoredQuote(Long(reader, 0), reader.GetString(1), Str(reader, 2), ParseDate(Str(reader, 3)),
                    new TextSpan(Int(reader, 4), Int(reader, 5)), reader.GetString(6), Str(reader, 7), Str(reader, 8), Str(reader, 9), reader.GetString(10)),
                Arg.Int("@id", cluster))[0];
            var members = Query("SELECT DISTINCT document_id FROM quotes WHERE cluster_id = @cluster;", reader => Long(reader, 0), Arg.Int("@cluster", cluster));
            result.Add(new QuoteCluster(first, reports, documents, IndependentSources(members)));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<EventCluster> EventClusters(EventFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, args) = EventConditions(filter);
        var groups = Query(
            $"""
             SELECT e.cluster_id, COUNT(*), COUNT(DISTINCT e.document_id), MIN(COALESCE(e.date, d.published))
             FROM events e JOIN documents d ON d.id = e.document_id
             WHERE {where}
             GROUP BY e.cluster_id ORDER BY MIN(COALESCE(e.date, d.published)) NULLS FIRST, e.cluster_id LIMIT @limit;
             """,
            reader => (Cluster: Long(reader, 0), Reports: Int(reader, 1), Documents: Int(reader, 2)),
            [.. args, Arg.Int("@limit", limit)]);
        var result = new List<EventCluster>();
        foreach (var (cluster, reports, documents) in groups)
        {
            var first = Query(EventSelect + " WHERE e.id = @id;", ReadEvent, Arg.Int("@id", cluster))[0];
            var members = Query("SELECT DISTINCT document_id FROM events WHERE cluster_id = @cluster;", reader => Long(reader, 0), Arg.Int("@cluster", cluster));
            result.Add(new EventCluster(first, reports, documents, IndependentSources(members)));
        }

        return result;
    }

    /// <summary>Documents among <paramref name="members"/> that are near-duplicates of each other count as one source.</summary>
    private int IndependentSources(List<long> members)
    {
        var links = new List<(long, long)>();
        foreach (var member in members)
        {
            links.AddRange(Query("SELECT document_id, other_id FROM document_links WHERE kind = 'near-duplicate' AND document_id = @id;",
                reader => (Long(reader, 0), Long(reader, 1)), Arg.Int("@id", member)));
        }

        return RepeatedFacts.IndependentSources(members, links);
    }

    /// <summary>For tests: the names of the tables in the store.</summary>
    internal IReadOnlyList<string> TableNames() => Query(_dialect.TableNamesSql, reader => reader.GetString(0));

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }

            _prepared.Clear();
            _oneOff?.Dispose();
            _connection.Dispose();
        }
    }

    private static DocumentSummary Summary(DbDataReader reader, int first) =>
        new(Long(reader, first), reader.GetString(first + 1), Str(reader, first + 2), Str(reader, first + 3), ParseDate(Str(reader, first + 4)), Int(reader, first + 5));

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

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string? HeadlineOf(Document document) =>
        document.Paragraphs is [{ Role: ParagraphRole.Headline } headline, ..] ? document.TextOf(headline.Span) : null;

    private static string? TextOf(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : null;

    private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // Readers convert rather than cast: SQLite hands back 64-bit integers everywhere, PostgreSQL int4 or int8 by column.
    private static string? Str(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static double Real(DbDataReader reader, int ordinal) => Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static bool Flag(DbDataReader reader, int ordinal) => Long(reader, ordinal) != 0;

    private protected List<T> Query<T>(string sql, Func<DbDataReader, T> read, params Arg[] args) => QueryIn(null, sql, read, args);

    private protected List<T> QueryIn<T>(DbTransaction? transaction, string sql, Func<DbDataReader, T> read, params Arg[] args)
    {
        var command = Reusable(transaction, sql, args);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(read(reader));
        }

        return result;
    }

    private protected void NonQuery(DbTransaction? transaction, string sql, params Arg[] args) => Reusable(transaction, sql, args).ExecuteNonQuery();

    private protected object? Scalar(DbTransaction? transaction, string sql, params Arg[] args) => Reusable(transaction, sql, args).ExecuteScalar();

    /// <summary>
    /// A prepared command kept for its SQL text, its parameters refilled: a save runs the same few dozen statements for
    /// every document, and preparing each anew cost more than running it. Statements without parameters (migrations)
    /// are not kept. The cache is bounded; past the bound, commands are made for one use.
    /// </summary>
    private DbCommand Reusable(DbTransaction? transaction, string sql, Arg[] args)
    {
        if (args.Length == 0)
        {
            _oneOff?.Dispose();
            return _oneOff = Command(transaction, sql, args);
        }

        if (_prepared.TryGetValue(sql, out var command) && command.Parameters.Count == args.Length)
        {
            command.Transaction = transaction;
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = command.Parameters[i];
                if (parameter.ParameterName != args[i].Name || parameter.DbType != args[i].Type)
                {
                    return OneOff(transaction, sql, args);
                }

                parameter.Value = args[i].Value ?? DBNull.Value;
            }

            return command;
        }

        if (_prepared.Count >= 256 || _prepared.ContainsKey(sql))
        {
            return OneOff(transaction, sql, args);
        }

        command = Command(transaction, sql, args);
        command.Prepare();
        _prepared[sql] = command;
        return command;
    }

    private DbCommand OneOff(DbTransaction? transaction, string sql, Arg[] args)
    {
        _oneOff?.Dispose();
        return _oneOff = Command(transaction, sql, args);
    }

    private protected DbCommand Command(DbTransaction? transaction, string sql, params Arg[] args)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var arg in args)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = arg.Name;
            parameter.DbType = arg.Type;
            parameter.Value = arg.Value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// A typed parameter. The type matters for nulls: PostgreSQL must know what a null is to compare or store it,
    /// so a null string is text and a null number is a number. Flags are stored as 0/1 integers in both engines.
    /// </summary>
    private protected readonly record struct Arg(string Name, object? Value, DbType Type)
    {
        public static Arg Text(string name, string? value) => new(name, value, DbType.String);

        public static Arg Int(string name, long value) => new(name, value, DbType.Int64);

        public static Arg NullInt(string name) => new(name, null, DbType.Int64);

        public static Arg Real(string name, double? value) => new(name, value, DbType.Double);

        public static Arg Flag(string name, bool value) => new(name, value ? 1 : 0, DbType.Int32);

        public static Arg Bytes(string name, byte[] value) => new(name, value, DbType.Binary);
    }
}
