using Dossier.Text;

namespace Dossier.Storage;

/// <summary>What saving a document did.</summary>
public enum SaveOutcome
{
    /// <summary>The text was new and is now stored with its analysis.</summary>
    Added,

    /// <summary>The same text was already stored (under this or another key); nothing changed.</summary>
    Unchanged,

    /// <summary>The key was stored with another text; the new text and analysis replaced it.</summary>
    Replaced,
}

/// <summary>A stored document without its text.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Key">Where it was first read from.</param>
/// <param name="Title">Headline or title.</param>
/// <param name="Outlet">Publishing outlet.</param>
/// <param name="Published">Publication date.</param>
/// <param name="Length">Text length in UTF-16 code units.</param>
/// <param name="Snippet">A search snippet, when the summary comes from a search.</param>
/// <param name="Author">The byline's author(s); read only for a single document (<see cref="IDocumentStore.DocumentById"/>).</param>
public sealed record DocumentSummary(long Id, string Key, string? Title, string? Outlet, DateOnly? Published, int Length, string? Snippet = null, string? Author = null);

/// <summary>A stored quote with its document's facts, for listings across the corpus.</summary>
/// <param name="DocumentId">The document's row id.</param>
/// <param name="DocumentKey">The document's key.</param>
/// <param name="Outlet">The publishing outlet.</param>
/// <param name="Published">The publication date.</param>
/// <param name="Content">Offsets of the quoted content in the document text.</param>
/// <param name="Kind">direct, indirect or mixed.</param>
/// <param name="Speaker">The resolved speaker as written.</param>
/// <param name="Cue">The reporting verb.</param>
/// <param name="Channel">The channel ("RIA Novosti").</param>
/// <param name="Text">The quoted content.</param>
public sealed record StoredQuote(
    long DocumentId, string DocumentKey, string? Outlet, DateOnly? Published, TextSpan Content, string Kind, string? Speaker, string? Cue, string? Channel, string Text)
{
    /// <summary>The quote's cluster: quotes sharing it are one utterance repeated across documents (see <see cref="IDocumentStore.QuoteClusters"/>).</summary>
    public long? Cluster { get; init; }
}

/// <summary>Two stored documents that tell the same story in mostly the same words (a syndicated copy or light rewrite).</summary>
/// <param name="Document">The later-stored document.</param>
/// <param name="Other">The earlier document it copies.</param>
/// <param name="Similarity">Estimated share of the shorter text's 5-word shingles found in the other (MinHash containment).</param>
public sealed record DocumentLink(DocumentSummary Document, DocumentSummary Other, double Similarity);

/// <summary>A stored numeric claim with its document's facts.</summary>
/// <param name="DocumentKey">The document's key.</param>
/// <param name="Outlet">The publishing outlet.</param>
/// <param name="Published">The publication date.</param>
/// <param name="Evidence">Offsets of the quantity in the document text.</param>
/// <param name="Text">The quantity as written ("over 10,000").</param>
/// <param name="Measure">What is counted.</param>
/// <param name="Subject">Whose.</param>
/// <param name="Place">Where.</param>
/// <param name="Interval">The values it allows.</param>
/// <param name="Trend">increasing, decreasing or null.</param>
/// <param name="Claimant">The quoted speaker, or null when the outlet itself states it.</param>
/// <param name="Channel">The channel the speaker used ("RIA Novosti").</param>
public sealed record StoredClaim(
    string DocumentKey, string? Outlet, DateOnly? Published, TextSpan Evidence, string Text, string? Measure, string? Subject, string? Place,
    Text.Quantities.QuantityInterval Interval, string? Trend, string? Claimant, string? Channel)
{
    /// <summary>Who makes the claim: the quoted speaker, else the outlet.</summary>
    public string ClaimedBy => Claimant ?? Outlet ?? "unknown";

    /// <summary>The knowledge-base actor id of the claimant, when linked.</summary>
    public string? ClaimantActor { get; init; }

    /// <summary>The claimant's country (alpha-3), when known: the side of a dispute.</summary>
    public string? Side { get; init; }
}

/// <summary>Filters for <see cref="IDocumentStore.Claims"/>; null means any.</summary>
/// <param name="About">Subject names, any of which may occur in the claim's subject ("Islamic State", "ISIS").</param>
/// <param name="Measure">The measure ("fighters").</param>
/// <param name="Place">Text the place must contain ("Afghanistan").</param>
/// <param name="Claimant">The claimant's actor id ("per:zamir-kabulov"), or text their name must contain ("Kabulov").</param>
/// <param name="From">Only claims published on or after this day.</param>
/// <param name="To">Only claims published on or before this day.</param>
public sealed record ClaimFilter(
    IReadOnlyList<string>? About = null, string? Measure = null, string? Place = null, string? Claimant = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>An actor linked in stored documents, with how often the corpus mentions, quotes and cites it.</summary>
/// <param name="Id">Knowledge-base actor id ("per:zamir-kabulov").</param>
/// <param name="Name">Canonical name.</param>
/// <param name="Type">The mention type most often seen for it (PER, ORG, GPE…), when typed.</param>
/// <param name="Cameo">The CAMEO actor code most often seen for it.</param>
/// <param name="Country">The alpha-3 code of its country.</param>
/// <param name="Documents">Documents that mention it.</param>
/// <param name="Mentions">Mentions across the corpus.</param>
/// <param name="Quotes">Quotes whose speaker is linked to it.</param>
/// <param name="Claims">Numeric claims it makes as claimant.</param>
public sealed record StoredActor(string Id, string Name, string? Type, string? Cameo, string? Country, int Documents, int Mentions, int Quotes, int Claims);

/// <summary>A place mention with coordinates; <see cref="Start"/>–<see cref="End"/> are UTF-16 offsets (half-open) in the document text.</summary>
/// <param name="Document">The document.</param>
/// <param name="Start">Start of the mention.</param>
/// <param name="End">End of the mention (exclusive).</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Name">The gazetteer's name.</param>
/// <param name="Country">ISO 3166-1 alpha-3 code, null for regions spanning countries.</param>
/// <param name="Latitude">WGS84 degrees, north positive.</param>
/// <param name="Longitude">WGS84 degrees, east positive.</param>
public sealed record StoredPlace(DocumentSummary Document, int Start, int End, string Text, string Name, string? Country, double Latitude, double Longitude);

/// <summary>A coded event as stored from the analysis JSON; <see cref="Start"/>–<see cref="End"/> are its evidence (UTF-16, half-open).</summary>
/// <param name="Document">The document.</param>
/// <param name="Start">Start of the evidence.</param>
/// <param name="End">End of the evidence (exclusive).</param>
/// <param name="Text">The evidence as written.</param>
/// <param name="Code">CAMEO event code ("190").</param>
/// <param name="Root">Its two-digit root ("19").</param>
/// <param name="Name">The code's name.</param>
/// <param name="Goldstein">Goldstein scale value, −10 to +10.</param>
/// <param name="QuadClass">1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</param>
/// <param name="PloverEvent">PLOVER event type, when mapped.</param>
/// <param name="PloverMode">PLOVER mode, when mapped.</param>
/// <param name="Source">The source actor: its name or text as written, else its actor id.</param>
/// <param name="SourceCode">The source's CAMEO actor code.</param>
/// <param name="Target">The target actor, as <paramref name="Source"/>.</param>
/// <param name="TargetCode">The target's CAMEO actor code.</param>
/// <param name="Place">Where it happened.</param>
/// <param name="Date">When it happened (ISO date as the coder wrote it).</param>
/// <param name="Negated">True when the text says it did not happen.</param>
/// <param name="ClaimedBy">Who says it happened, when the text attributes it.</param>
public sealed record StoredEvent(
    DocumentSummary Document, int Start, int End, string Text, string Code, string Root, string Name, double Goldstein, int QuadClass,
    string? PloverEvent, string? PloverMode, string? Source, string? SourceCode, string? Target, string? TargetCode, string? Place, string? Date,
    bool Negated, string? ClaimedBy)
{
    /// <summary>The source's knowledge-base actor id, when linked.</summary>
    public string? SourceActor { get; init; }

    /// <summary>The target's knowledge-base actor id, when linked.</summary>
    public string? TargetActor { get; init; }

    /// <summary>The id of the event cluster it belongs to (reports of one event across documents share it).</summary>
    public long? Cluster { get; init; }
}

/// <summary>Filters for <see cref="IDocumentStore.Events"/>; null means any.</summary>
/// <param name="Actor">An actor id that must be source or target, or text the source's or target's name must contain.</param>
/// <param name="Root">The CAMEO root code ("19").</param>
/// <param name="From">Only events dated (else published) on or after this day.</param>
/// <param name="To">Only events dated (else published) on or before this day.</param>
public sealed record EventFilter(string? Actor = null, string? Root = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One hop of a quote's provenance chain (speaker → channel → outlet), with its evidence offsets when it is in the text.</summary>
/// <param name="Role">speaker, channel or outlet.</param>
/// <param name="Name">The name as written (the outlet's from the metadata).</param>
/// <param name="ActorId">The knowledge-base actor id, when linked.</param>
/// <param name="Start">Start of the name in the document text (UTF-16), null for the outlet.</param>
/// <param name="End">End of the name (exclusive), null for the outlet.</param>
public sealed record ProvenanceHop(string Role, string Name, string? ActorId, int? Start, int? End);

/// <summary>One quote counted once: its first stored report and how widely it was reported.</summary>
/// <param name="First">The first stored report (evidence for the rest is in the cluster).</param>
/// <param name="Reports">Stored reports of it.</param>
/// <param name="Documents">Documents that carry it.</param>
/// <param name="IndependentSources">Those documents, with near-duplicate copies of one another counted once.</param>
public sealed record QuoteCluster(StoredQuote First, int Reports, int Documents, int IndependentSources);

/// <summary>One event counted once: its first stored report and how widely it was reported.</summary>
/// <param name="First">The first stored report.</param>
/// <param name="Reports">Stored reports of it.</param>
/// <param name="Documents">Documents that report it.</param>
/// <param name="IndependentSources">Those documents, with near-duplicate copies of one another counted once.</param>
public sealed record EventCluster(StoredEvent First, int Reports, int Documents, int IndependentSources);
