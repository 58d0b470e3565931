namespace Dossier.Analysis.Syntax;

/// <summary>
/// A multi-class averaged perceptron (Collins 2002) over sparse binary features, for training only.
/// Each feature row stores just the classes it was ever updated for, because a labelled parser has
/// ~100 classes and millions of features, and almost all (feature, class) pairs stay zero.
/// Averages are kept lazily (Daumé's trick): each weight remembers when it last changed.
/// Not thread-safe.
/// </summary>
internal sealed class AveragedPerceptron : IScorer
{
    private readonly Dictionary<ulong, int> _rowOf = [];
    private readonly List<Entry[]> _rows = [];
    private readonly List<int> _counts = [];
    private int _tick = 1;

    public AveragedPerceptron(int classes)
    {
        Classes = classes;
    }

    public int Classes { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Adds each feature's current weights to <paramref name="scores"/> (which the caller clears).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var feature in features)
        {
            if (_rowOf.TryGetValue(feature, out var row))
            {
                var entries = _rows[row];
                var count = _counts[row];
                for (var i = 0; i < count; i++)
                {
                    scores[entries[i].Class] += entries[i].Weight;
                }
            }
        }
    }

    /// <summary>Marks the end of one training instance; averaging counts instances, not updates.</summary>
    public void Tick() => _tick++;

    /// <summary>Rewards <paramref name="truth"/> and penalises <paramref name="guess"/> on every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var feature in features)
        {
            var row = RowOf(feature);
            Add(row, truth, 1f);
            Add(row, guess, -1f);
        }
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the weight of <paramref name="cls"/> on every feature: the
    /// structured (beam) update rewards the oracle's features and penalises the prediction's, which
    /// come from different configurations, so the two halves are applied separately.
    /// </summary>
    public void Adjust(ReadOnlySpan<ulong> features, int cls, float delta)
    {
        foreach (var feature in features)
        {
            Add(RowOf(feature), cls, delta);
        }
    }

    /// <summary>The feature's row, created empty on first use.</summary>
    private int RowOf(ulong feature)
    {
        if (!_rowOf.TryGetValue(feature, out var row))
        {
            row = _rows.Count;
            _rowOf[feature] = row;
            _rows.Add(new Entry[2]);
            _counts.Add(0);
        }

        return row;
    }

    private void Add(int row, int cls, float delta)
    {
        var entries = _rows[row];
        var count = _counts[row];
        var at = 0;
        while (at < count && entries[at].Class != cls)
        {
            at++;
        }

        if (at == count)
        {
            if (count == entries.Length)
            {
                Array.Resize(ref entries, count * 2);
                _rows[row] = entries;
            }

            entries[at] = new Entry { Class = cls, Stamp = _tick };
            _counts[row] = count + 1;
        }

        ref var entry = ref entries[at];
        entry.Total += entry.Weight * (_tick - entry.Stamp);
        entry.Stamp = _tick;
        entry.Weight += delta;
    }

    /// <summary>
    /// Freezes the averaged weights into an inference model, dropping weights whose magnitude is
    /// below <paramref name="prune"/> (they change almost no decision but cost memory and load time).
    /// </summary>
    public LinearModel Average(float prune)
    {
        var keys = new List<ulong>();
        var starts = new List<int> { 0 };
        var classes = new List<byte>();
        var weights = new List<float>();
        foreach (var (key, row) in _rowOf.OrderBy(pair => pair.Key))
        {
            var entries = _rows[row];
            var kept = 0;
            for (var i = 0; i < _counts[row]; i++)
            {
                var e = entries[i];
                var average = (float)((e.Total + (e.Weight * (_tick - e.Stamp))) / _tick);
                if (MathF.Abs(average) >= prune)
                {
                    classes.Add((byte)e.Class);
                    weights.Add(average);
                    kept++;
                }
            }

            if (kept > 0)
            {
                keys.Add(key);
                starts.Add(classes.Count);
            }
        }

        return new LinearModel(Classes, [.. keys], [.. starts], [.. classes], [.. weights]);
    }

    private struct Entry
    {
        public int Class;
        public int Stamp;
        public float Weight;
        public double Total;
    }
}
