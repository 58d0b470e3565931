using Dossier.Analysis.Models;
using Dossier.Text;

namespace Dossier.Analysis.Sentences;

/// <summary>
/// A learned classifier of sentence boundaries inside a paragraph: a linear model (averaged
/// perceptron) over hashed features of the gap after each token, one of which is the rule-based
/// splitter's own decision. Immutable and thread-safe once loaded. It exists because web and e-mail
/// text ends many sentences with no punctuation at all ("… 08:02 PM All: It is …").
/// </summary>
public sealed class SentenceBoundaryModel
{
    /// <summary>The model file name in <c>models/</c>.</summary>
    public const string FileName = "sentences.bin.gz";

    private const string Magic = "dossier-sentence-boundaries";
    private const int Version = 1;

    private readonly HashedWeights _weights;

    internal SentenceBoundaryModel(HashedWeights weights) => _weights = weights;

    /// <summary>The model's score for a boundary after token <paramref name="index"/>; positive means "ends a sentence".</summary>
    internal float Score(string text, ReadOnlySpan<Token> tokens, int index, int first, int end, bool ruleSays, int sinceBoundary)
    {
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.Count];
        SentenceBoundaryFeatures.Extract(text, tokens, index, first, end, ruleSays, sinceBoundary, features);
        return _weights.Score(features);
    }

    /// <summary>Writes the model, gzip-compressed.</summary>
    public void Save(Stream stream) => _weights.Save(stream, Magic, Version);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a sentence-boundary model of this version.</exception>
    public static SentenceBoundaryModel Load(Stream stream) =>
        new(HashedWeights.Load(stream, Magic, Version, "retrain it with 'dossier train sentences'"));
}
