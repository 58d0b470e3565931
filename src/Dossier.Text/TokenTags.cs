namespace Dossier.Text;

/// <summary>
/// Morphosyntactic annotation of one token, parallel to <see cref="Document.Tokens"/>.
/// Tag strings come from a model's closed tag set and are shared, not allocated per token.
/// </summary>
/// <param name="Upos">Universal part-of-speech tag (UD), e.g. "PROPN".</param>
/// <param name="Xpos">Language-specific tag (Penn Treebank for English), e.g. "NNP".</param>
/// <param name="Lemma">Dictionary form, e.g. "flee" for "fled".</param>
/// <param name="Features">UD morphological features ("Number=Sing|Person=3") or "_" when none.</param>
public readonly record struct TokenTags(string Upos, string Xpos, string Lemma, string Features);

/// <summary>
/// One token's dependency arc, parallel to <see cref="Document.Tokens"/>: the index of its head
/// token in the same document (or -1 for the root of its sentence) and the UD relation.
/// Heads always lie in the same sentence as the dependent.
/// </summary>
/// <param name="Head">Document-wide token index of the head, or -1 for the sentence root.</param>
/// <param name="Relation">UD relation, e.g. "nsubj", "obl:tmod".</param>
public readonly record struct Dependency(int Head, string Relation)
{
    /// <summary>True when the token is the root of its sentence.</summary>
    public bool IsRoot => Head < 0;
}

/// <summary>
/// A mention of a named entity: a contiguous run of tokens with a type.
/// </summary>
/// <param name="Span">Characters from the first token's start to the last token's end.</param>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">One past the index of the last token.</param>
/// <param name="Type">Entity type: PER, ORG, LOC or MISC (refined later by the knowledge base).</param>
/// <param name="Source">The component and rule that found it.</param>
public readonly record struct Mention(TextSpan Span, int FirstToken, int EndToken, string Type, Provenance Source);
