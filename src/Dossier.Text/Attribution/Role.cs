namespace Dossier.Text.Attribution;

/// <summary>
/// A role or office the text gives someone ("the head of the Middle East department in the Russian Foreign
/// Ministry", "Russia's special envoy", "Pakistani military commanders"), who holds it and whom it serves.
/// Spans are half-open UTF-16 ranges into the document text.
/// </summary>
/// <param name="Holder">The mention of who holds the role: a name ("Zamir Kabulov"), or the description itself when
/// the text names nobody ("Pakistani military commanders").</param>
/// <param name="Span">The role as written, without a leading article ("special envoy" in "Russia's special envoy"
/// is inside the span "Russia’s special envoy").</param>
/// <param name="Affiliation">The mention of the actor the role serves ("the Russian Foreign Ministry", "Russia",
/// "Pakistani"), or null when the role names none.</param>
/// <param name="Origin">The component and rule that found it (apposition, premodifier or description).</param>
public sealed record Role(TextSpan Holder, TextSpan Span, TextSpan? Affiliation, Provenance Origin)
{
    /// <summary>The holder's actor id ("per:zamir-kabulov") when the holder's mention is linked, or null.</summary>
    public string? HolderActor { get; init; }

    /// <summary>The affiliation's actor id ("gov:rus-mfa", "RUS") when its mention is linked, or null.</summary>
    public string? AffiliationActor { get; init; }
}
