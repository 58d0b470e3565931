using System.Collections.Immutable;

namespace Dossier.Corpora.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence (a line whose ID is an integer).</summary>
/// <param name="Id">1-based index within the sentence.</param>
/// <param name="Form">Word form.</param>
/// <param name="Lemma">Lemma.</param>
/// <param name="Upos">Universal POS tag.</param>
/// <param name="Xpos">Language-specific POS tag.</param>
/// <param name="Features">Morphological features, "_" when none.</param>
/// <param name="Head">1-based head index, 0 for the root.</param>
/// <param name="Relation">Dependency relation.</param>
/// <param name="Misc">MISC column ("SpaceAfter=No" …).</param>
public sealed record ConlluWord(
    int Id, string Form, string Lemma, string Upos, string Xpos, string Features, int Head, string Relation, string Misc)
{
    /// <summary>True when MISC says no space follows this word.</summary>
    public bool SpaceAfterNo => Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>A multi-word (surface) token: a range line such as <c>3-4 don't</c>.</summary>
/// <param name="FirstId">First word ID covered.</param>
/// <param name="LastId">Last word ID covered (inclusive, as CoNLL-U writes it).</param>
/// <param name="Form">The surface form.</param>
/// <param name="Misc">MISC column.</param>
public sealed record ConlluMultiwordToken(int FirstId, int LastId, string Form, string Misc)
{
    /// <summary>True when MISC says no space follows this token.</summary>
    public bool SpaceAfterNo => Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>
/// One CoNLL-U sentence: its comments' facts, its words and its multi-word tokens. Empty nodes
/// (decimal IDs, enhanced dependencies only) are skipped.
/// </summary>
/// <param name="SentenceId">The <c># sent_id</c> value, or null.</param>
/// <param name="Text">The <c># text</c> value, or null.</param>
/// <param name="StartsDocument">True when a <c># newdoc</c> comment precedes it.</param>
/// <param name="StartsParagraph">True when a <c># newpar</c> (or <c># newdoc</c>) comment precedes it.</param>
/// <param name="Words">The syntactic words in order.</param>
/// <param name="MultiwordTokens">Multi-word token ranges in order.</param>
public sealed record ConlluSentence(
    string? SentenceId,
    string? Text,
    bool StartsDocument,
    bool StartsParagraph,
    ImmutableArray<ConlluWord> Words,
    ImmutableArray<ConlluMultiwordToken> MultiwordTokens);
