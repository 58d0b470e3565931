namespace Dossier.Analysis.Entities;

/// <summary>
/// Maps feature keys to weight rows with open addressing and linear probing: two flat arrays,
/// no per-entry objects, and a probe that usually touches one cache line. Key 0 marks an empty
/// slot (<see cref="FeatureHash"/> never produces it). Not thread-safe while being filled;
/// read-only use afterwards is.
/// </summary>
internal sealed class FeatureTable
{
    // Key and row side by side, so a probe costs one cache miss rather than two.
    private Slot[] _slots;
    private int _mask;

    public FeatureTable(int capacity = 1024)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>The row of <paramref name="key"/>, or -1 when the table does not hold it.</summary>
    public int Find(ulong key)
    {
        var slots = _slots;
        var slot = (int)(key >> 7) & _mask;
        while (true)
        {
            ref readonly var found = ref slots[slot];
            if (found.Key == key)
            {
                return found.Row;
            }

            if (found.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The row of <paramref name="key"/>, adding it as the next row when absent.</summary>
    public int FindOrAdd(ulong key)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        var slot = (int)(key >> 7) & _mask;
        while (true)
        {
            var found = _slots[slot];
            if (found.Key == key)
            {
                return found.Row;
            }

            if (found.Key == 0)
            {
                _slots[slot] = new Slot(key, Count);
                return Count++;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Every key with its row, in row order.</summary>
    public ulong[] KeysByRow()
    {
        var keys = new ulong[Count];
        foreach (var slot in _slots)
        {
            if (slot.Key != 0)
            {
                keys[slot.Row] = slot.Key;
            }
        }

        return keys;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Key == 0)
            {
                continue;
            }

            var target = (int)(slot.Key >> 7) & _mask;
            while (_slots[target].Key != 0)
            {
                target = (target + 1) & _mask;
            }

            _slots[target] = slot;
        }
    }

    private readonly record struct Slot(ulong Key, int Row);
}
