using System.IO.Compression;
using System.Text;

namespace Dossier.Analysis.Models;

/// <summary>
/// The weights of a binary linear model over hashed features (2^<see cref="Bits"/> slots), shared by the
/// sentence-boundary and attribution-cue classifiers: one feature is a 64-bit hash, its slot the top bits
/// after SplitMix64's finaliser, its score the sum of the slots' weights. Saved gzip-compressed behind a
/// magic string and a version, so a stale file fails with a message that says how to retrain it.
/// </summary>
internal sealed class HashedWeights
{
    /// <summary>Bits of the feature hash kept.</summary>
    public const int Bits = 18;

    /// <summary>Number of weight slots.</summary>
    public const int Size = 1 << Bits;

    public HashedWeights(float[] weights)
    {
        if (weights.Length != Size)
        {
            throw new ArgumentException($"Expected {Size} weights, got {weights.Length}.", nameof(weights));
        }

        Weights = weights;
    }

    public float[] Weights { get; }

    /// <summary>The slot of a feature hash, after a full-avalanche finaliser (SplitMix64's).</summary>
    public static int Slot(ulong feature)
    {
        feature ^= feature >> 30;
        feature *= 0xBF58476D1CE4E5B9UL;
        feature ^= feature >> 27;
        feature *= 0x94D049BB133111EBUL;
        feature ^= feature >> 31;
        return (int)(feature >> (64 - Bits));
    }

    /// <summary>Sum of the weights of <paramref name="features"/>.</summary>
    public float Score(ReadOnlySpan<ulong> features)
    {
        var score = 0f;
        foreach (var feature in features)
        {
            score += Weights[Slot(feature)];
        }

        return score;
    }

    public void Save(Stream stream, string magic, int version)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(magic);
        writer.Write(version);
        writer.Write(Bits);
        foreach (var weight in Weights)
        {
            writer.Write(weight);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model of this kind and version; the message says <paramref name="retrain"/>.</exception>
    public static HashedWeights Load(Stream stream, string magic, int version, string retrain)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8);
        try
        {
            if (reader.ReadString() != magic || reader.ReadInt32() != version || reader.ReadInt32() != Bits)
            {
                throw new InvalidDataException($"Not a {magic} model of version {version}; {retrain}.");
            }

            var weights = new float[Size];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            return new HashedWeights(weights);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The {magic} model file is truncated; {retrain}.", exception);
        }
    }
}

/// <summary>
/// Trains <see cref="HashedWeights"/> as an averaged perceptron (Collins 2002) with the lazy-average
/// trick: w̄ = w − Σ(step × update) / steps. One <see cref="Learn"/> call per example.
/// </summary>
internal sealed class HashedPerceptron
{
    private readonly float[] _weights = new float[HashedWeights.Size];
    private readonly double[] _totals = new double[HashedWeights.Size];
    private long _step = 1;

    /// <summary>Scores the example, updates on a mistake, and says whether the prediction was right.</summary>
    public bool Learn(ReadOnlySpan<ulong> features, bool truth)
    {
        Span<int> slots = stackalloc int[features.Length];
        var score = 0f;
        for (var f = 0; f < features.Length; f++)
        {
            slots[f] = HashedWeights.Slot(features[f]);
            score += _weights[slots[f]];
        }

        var correct = (score > 0) == truth;
        if (!correct)
        {
            var update = truth ? 1f : -1f;
            foreach (var slot in slots)
            {
                _weights[slot] += update;
                _totals[slot] += _step * update;
            }
        }

        _step++;
        return correct;
    }

    /// <summary>The averaged weights so far.</summary>
    public HashedWeights Average()
    {
        var averaged = new float[HashedWeights.Size];
        for (var i = 0; i < averaged.Length; i++)
        {
            averaged[i] = (float)(_weights[i] - (_totals[i] / _step));
        }

        return new HashedWeights(averaged);
    }
}
