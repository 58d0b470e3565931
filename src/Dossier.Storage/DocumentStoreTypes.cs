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
public sealed record DocumentSummary(long Id, string Key, string? Title, string? Outlet, DateOnly? Published, int Length, string? Snippet = null);

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
    long DocumentId, string DocumentKey, string? Outlet, DateOnly? Published, TextSpan Content, string Kind, string? Speaker, string? Cue, string? Channel, string Text);

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
public sealed record ClaimFilter(IReadOnlyList<string>? About = null, string? Measure = null, string? Place = null);
