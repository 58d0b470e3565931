using System.Numerics;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Frozen sparse weights for inference: feature key → a short run of (class, weight) pairs, found
/// through an open-addressing table. Immutable and thread-safe.
/// </summary>
internal sealed class LinearModel : IScorer
{
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly byte[] _classes;
    private readonly float[] _weights;
    private readonly int[] _table;
    private readonly int _shift;

    public LinearModel(int classes, ulong[] keys, int[] starts, byte[] entryClasses, float[] weights)
    {
        if (classes > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "At most 256 classes fit the byte class ids.");
        }

        Classes = classes;
        _keys = keys;
        _starts = starts;
        _classes = entryClasses;
        _weights = weights;
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, keys.Length)) + 2);
        _shift = 64 - bits;
        _table = new int[1 << bits];
        var mask = _table.Length - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var slot = SlotOf(keys[row]);
            while (_table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = row + 1;
        }
    }

    public int Classes { get; }

    public int FeatureCount => _keys.Length;

    public int WeightCount => _weights.Length;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var mask = _table.Length - 1;
        foreach (var feature in features)
        {
            var slot = SlotOf(feature);
            int row;
            while ((row = _table[slot]) != 0 && _keys[row - 1] != feature)
            {
                slot = (slot + 1) & mask;
            }

            if (row == 0)
            {
                continue;
            }

            var end = _starts[row];
            for (var i = _starts[row - 1]; i < end; i++)
            {
                scores[_classes[i]] += _weights[i];
            }
        }
    }

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>
    /// Writes keys delta-coded as varints and weights as half-precision floats: the averaged
    /// weights need ~3 significant digits, and halving their size halves the committed file.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(_keys.Length);
        var previous = 0UL;
        foreach (var key in _keys)
        {
            writer.Write7BitEncodedInt64((long)(key - previous));
            previous = key;
        }

        for (var row = 0; row < _keys.Length; row++)
        {
            writer.Write7BitEncodedInt(_starts[row + 1] - _starts[row]);
        }

        writer.Write(_classes);
        foreach (var weight in _weights)
        {
            writer.Write((Half)weight);
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var rows = reader.ReadInt32();
        var keys = new ulong[rows];
        var previous = 0UL;
        for (var i = 0; i < rows; i++)
        {
            previous += (ulong)reader.Read7BitEncodedInt64();
            keys[i] = previous;
        }

        var starts = new int[rows + 1];
        for (var i = 0; i < rows; i++)
        {
            starts[i + 1] = starts[i] + reader.Read7BitEncodedInt();
        }

        var entryClasses = reader.ReadBytes(starts[rows]);
        var weights = new float[starts[rows]];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)reader.ReadHalf();
        }

        return new LinearModel(classes, keys, starts, entryClasses, weights);
    }
}
