namespace Dossier.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in <see cref="Document.Text"/>.
/// UTF-16 code units are what .NET strings and JavaScript strings both index by, so a span can be
/// highlighted in a browser without conversion.
/// </summary>
public readonly record struct TextSpan
{
    /// <summary>Creates a span; <paramref name="start"/> must not exceed <paramref name="end"/>.</summary>
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>First code unit of the span (inclusive).</summary>
    public int Start { get; }

    /// <summary>One past the last code unit of the span (exclusive).</summary>
    public int End { get; }

    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the span covers no text.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
