namespace Dossier.Analysis.Entities;

/// <summary>
/// Maps feature keys to weight rows with open addressing and linear probing: two flat arrays,
/// no per-entry objects, and a probe that usually touches one cache line. Key 0 marks an empty
/// slot (<see cref="FeatureHash"/> never produces it). Not thread-safe while being filled;
/// read-only use afterwards is.
/// </summary>
internal sealed class FeatureTable
{
    private ulong[] _keys;
    private int[] _rows;
    private int _mask;

    public FeatureTable(int capacity = 1024)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new ulong[size];
        _rows = new int[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>The row of <paramref name="key"/>, or -1 when the table does not hold it.</summary>
    public int Find(ulong key)
    {
        var slot = (int)(key >> 7) & _mask;
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _rows[slot];
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The row of <paramref name="key"/>, adding it as the next row when absent.</summary>
    public int FindOrAdd(ulong key)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var slot = (int)(key >> 7) & _mask;
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                return _rows[slot];
            }

            if (found == 0)
            {
                _keys[slot] = key;
                _rows[slot] = Count;
                return Count++;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Every key with its row, in row order.</summary>
    public ulong[] KeysByRow()
    {
        var keys = new ulong[Count];
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            if (_keys[slot] != 0)
            {
                keys[_rows[slot]] = _keys[slot];
            }
        }

        return keys;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldRows = _rows;
        _keys = new ulong[oldKeys.Length * 2];
        _rows = new int[oldKeys.Length * 2];
        _mask = _keys.Length - 1;
        for (var slot = 0; slot < oldKeys.Length; slot++)
        {
            var key = oldKeys[slot];
            if (key == 0)
            {
                continue;
            }

            var target = (int)(key >> 7) & _mask;
            while (_keys[target] != 0)
            {
                target = (target + 1) & _mask;
            }

            _keys[target] = key;
            _rows[target] = oldRows[slot];
        }
    }
}
