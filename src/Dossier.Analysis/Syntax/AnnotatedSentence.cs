using System.Collections.Immutable;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// One sentence of syntactic words with (gold or predicted) annotation, the neutral exchange
/// format between corpora, training, tagging, parsing and scoring. All arrays have the same length.
/// </summary>
/// <param name="Forms">Word forms exactly as written.</param>
/// <param name="Upos">Universal POS tags.</param>
/// <param name="Xpos">Language-specific (Penn Treebank) tags.</param>
/// <param name="Lemmas">Lemmas.</param>
/// <param name="Features">UD morphological features, "_" when none.</param>
/// <param name="Heads">1-based head index per word, 0 for the root (CoNLL-U convention).</param>
/// <param name="Relations">UD relation per word.</param>
public sealed record AnnotatedSentence(
    ImmutableArray<string> Forms,
    ImmutableArray<string> Upos,
    ImmutableArray<string> Xpos,
    ImmutableArray<string> Lemmas,
    ImmutableArray<string> Features,
    ImmutableArray<int> Heads,
    ImmutableArray<string> Relations)
{
    /// <summary>Number of words.</summary>
    public int Length => Forms.Length;

    /// <summary>A sentence with forms only; every other column is "_" and every head 0.</summary>
    public static AnnotatedSentence FromForms(IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var blank = ImmutableArray.CreateRange(Enumerable.Repeat("_", forms.Count));
        return new AnnotatedSentence(
            [.. forms], blank, blank, blank, blank, ImmutableArray.CreateRange(Enumerable.Repeat(0, forms.Count)), blank);
    }
}
