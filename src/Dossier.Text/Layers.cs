namespace Dossier.Text;

/// <summary>
/// The annotation layers a <see cref="Document"/> can carry. Pipeline components declare which
/// they require and which they produce, so a pipeline that cannot work refuses to build.
/// </summary>
[Flags]
public enum Layers
{
    /// <summary>No layer.</summary>
    None = 0,

    /// <summary>Paragraph boundaries and roles.</summary>
    Paragraphs = 1 << 0,

    /// <summary>Tokens.</summary>
    Tokens = 1 << 1,

    /// <summary>Sentences (need tokens).</summary>
    Sentences = 1 << 2,

    /// <summary>Lemmas, part-of-speech tags and morphology per token.</summary>
    Tags = 1 << 3,

    /// <summary>Dependency heads and relations per token.</summary>
    Dependencies = 1 << 4,

    /// <summary>Entity mentions.</summary>
    Mentions = 1 << 5,

    /// <summary>Attributed statements (<see cref="Attribution.Quote"/>).</summary>
    Quotes = 1 << 6,

    /// <summary>Numeric claims (<see cref="Claims.Claim"/>).</summary>
    Claims = 1 << 7,

    /// <summary>Mentions linked to canonical actors (<see cref="Knowledge.EntityLink"/>).</summary>
    Links = 1 << 8,

    /// <summary>Place mentions resolved to coordinates (<see cref="Knowledge.PlaceReference"/>).</summary>
    Places = 1 << 9,

    /// <summary>Numbers with qualifier intervals (<see cref="Quantities.Quantity"/>).</summary>
    Quantities = 1 << 10,

    /// <summary>Dates and periods resolved to intervals (<see cref="Quantities.TimeExpression"/>).</summary>
    TimeExpressions = 1 << 11,

    /// <summary>Political events coded in CAMEO (<see cref="Events.PoliticalEvent"/>).</summary>
    Events = 1 << 12,

    /// <summary>Roles and affiliations of people (<see cref="Attribution.Role"/>).</summary>
    Roles = 1 << 13,
}
