using System.IO.Compression;
using System.Text;
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
    /// <summary>Bits of the feature hash kept: 2^18 weights.</summary>
    internal const int HashBits = 18;

    private const string Magic = "dossier-sentence-boundaries";
    private const int Version = 1;

    private readonly float[] _weights;

    internal SentenceBoundaryModel(float[] weights)
    {
        if (weights.Length != 1 << HashBits)
        {
            throw new ArgumentException($"Expected {1 << HashBits} weights, got {weights.Length}.", nameof(weights));
        }

        _weights = weights;
    }

    /// <summary>The model's score for a boundary after token <paramref name="index"/>; positive means "ends a sentence".</summary>
    internal float Score(string text, ReadOnlySpan<Token> tokens, int index, int first, int end, bool ruleSays, int sinceBoundary)
    {
        Span<ulong> features = stackalloc ulong[SentenceBoundaryFeatures.Count];
        SentenceBoundaryFeatures.Extract(text, tokens, index, first, end, ruleSays, sinceBoundary, features);
        var score = 0f;
        foreach (var feature in features)
        {
            score += _weights[Slot(feature)];
        }

        return score;
    }

    /// <summary>The weight slot of a feature hash, after a full-avalanche finaliser (SplitMix64's).</summary>
    internal static int Slot(ulong feature)
    {
        feature ^= feature >> 30;
        feature *= 0xBF58476D1CE4E5B9UL;
        feature ^= feature >> 27;
        feature *= 0x94D049BB133111EBUL;
        feature ^= feature >> 31;
        return (int)(feature >> (64 - HashBits));
    }

    /// <summary>Writes the model, gzip-compressed.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(HashBits);
        foreach (var weight in _weights)
        {
            writer.Write(weight);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a sentence-boundary model of this version.</exception>
    public static SentenceBoundaryModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != HashBits)
            {
                throw new InvalidDataException("Not a Dossier sentence-boundary model of version 1; retrain it with 'dossier train sentences'.");
            }

            var weights = new float[1 << HashBits];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            return new SentenceBoundaryModel(weights);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The sentence-boundary model file is truncated.", exception);
        }
    }

    /// <summary>The model file name in <c>models/</c>.</summary>
    public const string FileName = "sentences.bin.gz";
}
