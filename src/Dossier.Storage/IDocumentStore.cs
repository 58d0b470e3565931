using Dossier.Text;

namespace Dossier.Storage;

/// <summary>
/// The corpus store. Saving is idempotent (by content hash) and transactional: a document is stored
/// with all of its facts or not at all. Implementations are not thread-safe; use one per thread.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>Stores <paramref name="document"/> (analysed) under <paramref name="key"/> with its analysis as JSON.</summary>
    SaveOutcome Save(Document document, string key, string annotationsJson);

    /// <summary>
    /// Stores several documents as <see cref="Save"/> does, in one transaction (all of them or none): a bulk writer
    /// shares the cost of a commit this way. Outcomes are in input order.
    /// </summary>
    IReadOnlyList<SaveOutcome> SaveAll(IReadOnlyList<(Document Document, string Key, string AnnotationsJson)> documents);

    /// <summary>Number of stored documents.</summary>
    long CountDocuments();

    /// <summary>Full-text search over titles and texts, best matches first.</summary>
    IReadOnlyList<DocumentSummary> Search(string query, int limit);

    /// <summary>Quotes, newest documents first, optionally only those whose speaker contains <paramref name="speaker"/>.</summary>
    IReadOnlyList<StoredQuote> Quotes(string? speaker, int limit);

    /// <summary>Numeric claims matching <paramref name="filter"/>, oldest first.</summary>
    IReadOnlyList<StoredClaim> Claims(ClaimFilter filter, int limit);

    /// <summary>Pairs of near-duplicate documents, most similar first.</summary>
    IReadOnlyList<DocumentLink> NearDuplicates(int limit);

    /// <summary>The stored analysis JSON of document <paramref name="id"/>, or null when there is none.</summary>
    string? AnnotationsById(long id);

    /// <summary>Every stored document with its analysis JSON, in storage order (for exports).</summary>
    IEnumerable<(DocumentSummary Document, string Annotations)> AllDocuments();

    /// <summary>The most recently published documents.</summary>
    IReadOnlyList<DocumentSummary> Latest(int limit);

    /// <summary>The stored analysis JSON of a document, or null when there is no such key.</summary>
    string? Annotations(string key);

    /// <summary>A page of documents, newest published first (undated last), ties by id descending.</summary>
    IReadOnlyList<DocumentSummary> Documents(int offset, int limit);

    /// <summary>The document with row id <paramref name="id"/>, or null.</summary>
    DocumentSummary? DocumentById(long id);

    /// <summary>Actors linked in stored documents, most mentioned first; optionally only those whose name or id contains <paramref name="nameContains"/>.</summary>
    IReadOnlyList<StoredActor> Actors(string? nameContains, int limit);

    /// <summary>Place mentions with coordinates, of one document or of all, in document then text order.</summary>
    IReadOnlyList<StoredPlace> Places(long? documentId, int limit);

    /// <summary>Coded events matching <paramref name="filter"/>, oldest first.</summary>
    IReadOnlyList<StoredEvent> Events(EventFilter filter, int limit);

    /// <summary>
    /// How the quote starting at <paramref name="quoteStart"/> in document <paramref name="documentId"/> reached the reader:
    /// speaker, channel, outlet (each present only when known), in that order.
    /// </summary>
    IReadOnlyList<ProvenanceHop> ProvenanceChain(long documentId, int quoteStart);

    /// <summary>
    /// Quotes counted once: each repeated quote (same speaker, near-identical words) with how many reports, documents and
    /// independent sources (near-duplicate copies count once) carry it, most widely reported first.
    /// </summary>
    IReadOnlyList<QuoteCluster> QuoteClusters(string? speaker, int limit);

    /// <summary>Events counted once: each cluster of reports of one event, with its first report and its source counts, oldest first.</summary>
    IReadOnlyList<EventCluster> EventClusters(EventFilter filter, int limit);
}
