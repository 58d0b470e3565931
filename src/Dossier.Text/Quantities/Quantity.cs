namespace Dossier.Text.Quantities;

/// <summary>What a <see cref="Quantity"/> counts or measures.</summary>
public enum QuantityKind
{
    /// <summary>A cardinal number: "10,000", "ten thousand", "2.5 million".</summary>
    Cardinal,

    /// <summary>An ordinal: "the first", "21st". Its value is the rank, never a count.</summary>
    Ordinal,

    /// <summary>A percentage: "30%", "30 per cent". <see cref="Quantity.Value"/> is in percent (30, not 0.3).</summary>
    Percent,

    /// <summary>A fraction of something named after it: "half of the country", "two-thirds of". The value is a share in [0, 1].</summary>
    Proportion,
}

/// <summary>How the qualifier in front of (or after) a number bounds the true value.</summary>
public enum QuantityComparison
{
    /// <summary>No qualifier: the number is taken at face value, [x, x].</summary>
    Exact,

    /// <summary>"over", "more than", "above", "exceeds", "stronger than": (x, ∞).</summary>
    GreaterThan,

    /// <summary>"at least", "no less than", "x or more": [x, ∞).</summary>
    AtLeast,

    /// <summary>"fewer than", "less than", "below", "under": [0, x) for counts.</summary>
    LessThan,

    /// <summary>"as many as", "up to", "at most", "no more than": [0, x] for counts.</summary>
    AtMost,

    /// <summary>"between x and y", "x-y", "from x to y", or a lower and an upper bound joined by "and".</summary>
    Between,

    /// <summary>"about", "around", "approximately", "some", "roughly": [x(1-ε), x(1+ε)].</summary>
    Approximately,

    /// <summary>"nearly", "almost", "just under": [x(1-ε), x).</summary>
    NearlyBelow,

    /// <summary>A vague magnitude: "thousands", "hundreds", "tens of thousands", "several thousand".</summary>
    Vague,

    /// <summary>"equal to x", "equals x": [x, x], stated explicitly.</summary>
    Equal,
}

/// <summary>
/// The set of values a quantity allows, as an interval. Unbounded ends are
/// <see cref="double.NegativeInfinity"/> / <see cref="double.PositiveInfinity"/> and never inclusive.
/// </summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound (≥ <paramref name="Low"/>).</param>
/// <param name="LowInclusive">True when <paramref name="Low"/> itself is allowed.</param>
/// <param name="HighInclusive">True when <paramref name="High"/> itself is allowed.</param>
/// <param name="Approximate">True when the bounds come from a hedge ("about", "thousands") rather than from the text.</param>
public readonly record struct QuantityInterval(double Low, double High, bool LowInclusive, bool HighInclusive, bool Approximate)
{
    /// <summary>The single point [x, x].</summary>
    public static QuantityInterval Point(double value) => new(value, value, true, true, false);

    /// <summary>True when <paramref name="value"/> lies in the interval.</summary>
    public bool Contains(double value) =>
        (value > Low || (LowInclusive && value == Low)) && (value < High || (HighInclusive && value == High));

    /// <summary>Mathematical notation, e.g. "(10000, ∞)" or "[0, 10000]", with a trailing "~" when approximate.</summary>
    public override string ToString()
    {
        var low = double.IsNegativeInfinity(Low) ? "-∞" : Low.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var high = double.IsPositiveInfinity(High) ? "∞" : High.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return $"{(LowInclusive ? '[' : '(')}{low}, {high}{(HighInclusive ? ']' : ')')}{(Approximate ? "~" : "")}";
    }
}

/// <summary>
/// A number found in the text together with what its qualifier means: "over 10,000" is the
/// interval (10000, ∞). Immutable.
/// </summary>
/// <param name="Span">Half-open span over the qualifier (if any) and the number(s), in UTF-16 code units.</param>
/// <param name="NumberSpan">Half-open span over the number phrase alone ("10,000" in "over 10,000").</param>
/// <param name="Value">The stated value (for a range, its lower end; for a percentage, in percent).</param>
/// <param name="Interval">The values the text allows, after applying the qualifier.</param>
/// <param name="Kind">Cardinal, ordinal, percentage or proportion.</param>
/// <param name="Comparison">The qualifier's meaning.</param>
/// <param name="Qualifier">Span of the qualifier words ("as many as"), or null when there are none.</param>
/// <param name="Unit">A unit glued to the number: a currency symbol such as "$", or null.</param>
/// <param name="IsFraction">True when the number was written as a fraction ("two-thirds", "3/4", "half").</param>
/// <param name="Source">Component and rule that produced it.</param>
public sealed record Quantity(
    TextSpan Span,
    TextSpan NumberSpan,
    double Value,
    QuantityInterval Interval,
    QuantityKind Kind,
    QuantityComparison Comparison,
    TextSpan? Qualifier,
    string? Unit,
    bool IsFraction,
    Provenance Source);
