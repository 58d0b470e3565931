using System.Buffers.Binary;

namespace Dossier.Storage.Duplicates;

/// <summary>
/// A MinHash signature (Broder 1997) of a text's word 5-gram shingles, for recognising syndicated
/// copies and light rewrites of the same story. 64 hash functions; the fraction of equal slots
/// between two signatures estimates the Jaccard similarity of their shingle sets. Banded into 32
/// bands of 2 rows for locality-sensitive lookup, so pairs down to a Jaccard of about 0.25 are
/// found with high probability.
/// </summary>
public sealed class MinHashSignature
{
    /// <summary>Number of hash functions (slots).</summary>
    public const int Size = 64;

    /// <summary>Number of LSH bands.</summary>
    public const int Bands = 32;

    private const int RowsPerBand = Size / Bands;
    private const int ShingleWords = 5;

    // Fixed seeds: signatures stored in a database must stay comparable across runs and versions.
    private static readonly ulong[] Seeds = CreateSeeds();

    private MinHashSignature(uint[] values, int shingles)
    {
        Values = values;
        Shingles = shingles;
    }

    /// <summary>The minimum hash per function.</summary>
    public IReadOnlyList<uint> Values { get; }

    /// <summary>How many distinct shingles the text has (for containment estimates).</summary>
    public int Shingles { get; }

    /// <summary>Computes the signature of <paramref name="text"/> (case-folded words of letters and digits).</summary>
    public static MinHashSignature Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>();
        var hash = 14695981039346656037UL;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(hash);
                hash = 14695981039346656037UL;
                inWord = false;
            }
        }

        if (inWord)
        {
            words.Add(hash);
        }

        // Word 5-grams; a text shorter than that is one shingle of all its words.
        var shingles = new HashSet<ulong>();
        var count = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < count && words.Count > 0; i++)
        {
            var shingle = 0UL;
            for (var k = i; k < Math.Min(words.Count, i + ShingleWords); k++)
            {
                shingle = Mix((shingle * 31) + words[k]);
            }

            shingles.Add(shingle);
        }

        var values = new uint[Size];
        Array.Fill(values, uint.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var f = 0; f < Size; f++)
            {
                var h = (uint)(Mix(shingle ^ Seeds[f]) >> 32);
                if (h < values[f])
                {
                    values[f] = h;
                }
            }
        }

        return new MinHashSignature(values, shingles.Count);
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets.</summary>
    public double Jaccard(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var equal = 0;
        for (var i = 0; i < Size; i++)
        {
            equal += Values[i] == other.Values[i] ? 1 : 0;
        }

        return (double)equal / Size;
    }

    /// <summary>
    /// Estimated share of the smaller text's shingles that the larger one also has: 1 for a copy that was
    /// cut short, where Jaccard is low. From J = |A∩B| / |A∪B|: |A∩B| = J(|A| + |B|) / (1 + J).
    /// </summary>
    public double Containment(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var jaccard = Jaccard(other);
        var smaller = Math.Max(1, Math.Min(Shingles, other.Shingles));
        return Math.Min(1, jaccard * (Shingles + other.Shingles) / (1 + jaccard) / smaller);
    }

    /// <summary>One hash per LSH band; two texts become candidates when any band hash is equal.</summary>
    public long[] BandHashes()
    {
        var bands = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var h = (ulong)b;
            for (var r = 0; r < RowsPerBand; r++)
            {
                h = Mix(h * 0x9E3779B97F4A7C15UL + Values[(b * RowsPerBand) + r]);
            }

            bands[b] = (long)h;
        }

        return bands;
    }

    /// <summary>The signature as bytes for storage: the shingle count, then the values, little-endian.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[4 + (4 * Size)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Shingles);
        for (var i = 0; i < Size; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + (4 * i)), Values[i]);
        }

        return bytes;
    }

    /// <summary>Reads a signature written by <see cref="ToBytes"/>.</summary>
    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 4 + (4 * Size))
        {
            throw new ArgumentException($"A signature is {4 + (4 * Size)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var values = new uint[Size];
        for (var i = 0; i < Size; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 + (4 * i))..]);
        }

        return new MinHashSignature(values, BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }

    // SplitMix64's finaliser: every input bit affects every output bit.
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong[] CreateSeeds()
    {
        var seeds = new ulong[Size];
        var state = 0x2545F4914F6CDD1DUL;
        for (var i = 0; i < Size; i++)
        {
            state = Mix(state + 0x9E3779B97F4A7C15UL);
            seeds[i] = state;
        }

        return seeds;
    }
}
