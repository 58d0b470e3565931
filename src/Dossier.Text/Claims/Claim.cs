using Dossier.Text.Quantities;

namespace Dossier.Text.Claims;

/// <summary>Which way a claim says the quantity is moving.</summary>
public enum ClaimTrend : byte
{
    /// <summary>No direction stated.</summary>
    None,

    /// <summary>"continuing to grow", "rising", "boosted".</summary>
    Increasing,

    /// <summary>"shrinking", "falling", "declining".</summary>
    Decreasing,
}

/// <summary>
/// A numeric claim: a quantity bound to what it counts (<see cref="Measure"/>), whose it is
/// (<see cref="Subject"/>), where (<see cref="Place"/>), as of when (<see cref="Time"/>), which way it
/// moves, and who claims it (<see cref="Claimant"/>, from attribution; null means the outlet itself).
/// Spans are half-open UTF-16 ranges into the document text.
/// </summary>
/// <param name="Span">The quantity with its qualifier ("over 10,000").</param>
/// <param name="Quantity">The quantity's value and interval.</param>
/// <param name="Measure">What is counted, normalised ("fighters", "killed", "territory-share"), or null.</param>
/// <param name="MeasureSpan">The word that names it ("troops"), when found.</param>
/// <param name="Subject">Whose quantity it is, as a mention in the text ("Islamic State"), when found.</param>
/// <param name="Place">Where, as a mention in the text ("Afghanistan"), when found.</param>
/// <param name="Time">As of when, when the sentence says so.</param>
/// <param name="Trend">Direction of change stated with it.</param>
/// <param name="Claimant">The speaker of the quote that contains it, when it is attributed.</param>
/// <param name="Quote">Index into <see cref="Document.Quotes"/> of that quote, or -1.</param>
/// <param name="Origin">Component and rule.</param>
public sealed record Claim(
    TextSpan Span,
    Quantity Quantity,
    string? Measure,
    TextSpan? MeasureSpan,
    TextSpan? Subject,
    TextSpan? Place,
    TimeExpression? Time,
    ClaimTrend Trend,
    TextSpan? Claimant,
    int Quote,
    Provenance Origin);
