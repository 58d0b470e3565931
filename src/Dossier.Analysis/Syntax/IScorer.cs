namespace Dossier.Analysis.Syntax;

/// <summary>Adds per-class scores for a set of sparse features; implemented by training and frozen weights alike.</summary>
internal interface IScorer
{
    int Classes { get; }

    void Score(ReadOnlySpan<ulong> features, Span<float> scores);
}
