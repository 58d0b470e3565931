namespace Dossier.Text;

/// <summary>
/// Which component, and which rule inside it, decided an annotation, so that every fact can be
/// explained to a user ("quotes/colon-after-speaker").
/// </summary>
/// <param name="Component">The pipeline component's name.</param>
/// <param name="Rule">The rule, sieve or model inside it.</param>
public readonly record struct Provenance(string Component, string Rule)
{
    /// <inheritdoc />
    public override string ToString() => $"{Component}/{Rule}";
}
