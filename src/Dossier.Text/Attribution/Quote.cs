namespace Dossier.Text.Attribution;

/// <summary>How a quote reproduces what was said.</summary>
public enum QuoteKind : byte
{
    /// <summary>Verbatim, between quotation marks.</summary>
    Direct,

    /// <summary>Reported speech without quotation marks ("Kabulov said Moscow was prepared …").</summary>
    Indirect,

    /// <summary>Reported speech that quotes some words verbatim ("… in order to “keep the details under wraps.”").</summary>
    Mixed,
}

/// <summary>
/// One attributed statement: what was said (<see cref="Content"/>), the reporting cue ("said",
/// "told", "according to"), who said it as written in the text (<see cref="Source"/>, possibly a
/// pronoun), the mention it was resolved to (<see cref="Speaker"/>), and the channel it reached the
/// outlet through ("told RIA Novosti"). Spans are half-open UTF-16 ranges into the document text.
/// </summary>
/// <param name="Content">What is attributed; for direct quotes, the marks are included.</param>
/// <param name="Kind">Direct, indirect or mixed.</param>
/// <param name="Cue">The reporting verb or phrase, when there is one.</param>
/// <param name="Source">The speaker as written where it is attributed ("he", "Kabulov", "a source").</param>
/// <param name="Speaker">The speaker resolved to a name in the document ("Zamir Kabulov"), when found.</param>
/// <param name="Channel">Who the words were given to or reported by ("RIA Novosti" in "told RIA Novosti").</param>
/// <param name="Origin">The component and rule that made the attribution.</param>
public sealed record Quote(
    TextSpan Content,
    QuoteKind Kind,
    TextSpan? Cue,
    TextSpan? Source,
    TextSpan? Speaker,
    TextSpan? Channel,
    Provenance Origin)
{
    /// <summary>The actor id of the speaker ("per:zamir-kabulov") when the speaker's mention is linked, or null.</summary>
    public string? SpeakerActor { get; init; }

    /// <summary>The actor id of the channel ("media:ria-novosti") when the channel's mention is linked, or null.</summary>
    public string? ChannelActor { get; init; }
}
