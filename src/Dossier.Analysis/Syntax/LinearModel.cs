using System.Numerics;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Frozen sparse weights for inference: feature key → a short run of (class, weight) pairs, found
/// through an open-addressing table. Immutable and thread-safe.
/// </summary>
internal sealed class LinearModel : IScorer
{
    private readonly byte[] _classes;
    private readonly float[] _weights;
    private readonly Slot[] _table;
    private readonly int _shift;

    public LinearModel(int classes, ulong[] keys, int[] starts, byte[] entryClasses, float[] weights)
    {
        if (classes > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(classes), "At most 256 classes fit the byte class ids.");
        }

        Classes = classes;
        FeatureCount = keys.Length;
        _classes = entryClasses;
        _weights = weights;
        // Load factor between 0.36 and 0.72; each slot carries the key and the entry range, so a
        // lookup touches one cache line before it reaches the weights.
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(1, keys.Length)) + 1);
        _shift = 64 - bits;
        _table = new Slot[1 << bits];
        var mask = _table.Length - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var slot = SlotOf(keys[row]);
            while (_table[slot].End != 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = new Slot(keys[row], starts[row], starts[row + 1]);
        }
    }

    public int Classes { get; }

    public int FeatureCount { get; }

    public int WeightCount => _weights.Length;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var mask = _table.Length - 1;
        var table = _table;
        var classes = _classes;
        var weights = _weights;

        // The table is far larger than the caches, so nearly every feature's slot is a cache miss.
        // Reading all the slots first, in a loop whose loads do not depend on one another, lets the
        // misses overlap; the scoring loop below then mostly finds its slots in the cache. The same
        // holds one step later for the weights the slots point to.
        Span<int> found = stackalloc int[features.Length];
        var touched = 0;
        for (var f = 0; f < features.Length; f++)
        {
            touched += table[SlotOf(features[f])].End;
        }

        for (var f = 0; f < features.Length; f++)
        {
            var feature = features[f];
            var slot = SlotOf(feature);
            while (table[slot].End != 0 && table[slot].Key != feature)
            {
                slot = (slot + 1) & mask;
            }

            found[f] = slot;
            touched += table[slot].End == 0 ? 0 : classes[table[slot].Start] + (int)weights[table[slot].Start];
        }

        for (var f = 0; f < features.Length; f++)
        {
            ref readonly var row = ref table[found[f]];
            for (var i = row.Start; i < row.End; i++)
            {
                scores[classes[i]] += weights[i];
            }
        }

        t_touched = touched;
    }

    // Written so that the reads made only to warm the cache are not optimised away; per thread,
    // because one field written by every parsing thread would bounce its cache line between cores.
    [ThreadStatic]
    private static int t_touched;

    /// <summary>A feature's key and its half-open range of entries; End == 0 marks an empty slot (rows are never empty).</summary>
    private readonly record struct Slot(ulong Key, int Start, int End);

    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>
    /// Writes keys delta-coded as varints and weights as half-precision floats: the averaged
    /// weights need ~3 significant digits, and halving their size halves the committed file.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        // Rows are written in key order whatever their place in the table, so equal models give equal files.
        var rows = _table.Where(slot => slot.End != 0).OrderBy(slot => slot.Key).ToArray();
        writer.Write(Classes);
        writer.Write(rows.Length);
        var previous = 0UL;
        foreach (var row in rows)
        {
            writer.Write7BitEncodedInt64((long)(row.Key - previous));
            previous = row.Key;
        }

        foreach (var row in rows)
        {
            writer.Write7BitEncodedInt(row.End - row.Start);
        }

        foreach (var row in rows)
        {
            writer.Write(_classes, row.Start, row.End - row.Start);
        }

        foreach (var row in rows)
        {
            for (var i = row.Start; i < row.End; i++)
            {
                writer.Write((Half)_weights[i]);
            }
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
