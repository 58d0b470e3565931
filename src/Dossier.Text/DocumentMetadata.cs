namespace Dossier.Text;

/// <summary>
/// What is known about an article besides its text. Every field is optional: a pasted paragraph
/// has none of them.
/// </summary>
/// <param name="Title">The headline, when known.</param>
/// <param name="Outlet">The publishing outlet ("RT", "Reuters").</param>
/// <param name="Published">The publication date; relative dates are resolved against it.</param>
/// <param name="Language">BCP 47 language tag, e.g. "en".</param>
/// <param name="Source">Where the text came from: a file path or URL.</param>
/// <param name="Author">The byline's author(s), when known (HTML meta tags, JSON-LD, feeds).</param>
public sealed record DocumentMetadata(
    string? Title = null,
    string? Outlet = null,
    DateOnly? Published = null,
    string? Language = null,
    string? Source = null,
    string? Author = null)
{
    /// <summary>Metadata with every field unknown.</summary>
    public static DocumentMetadata Empty { get; } = new();
}
