namespace Dossier.Text.Quantities;

/// <summary>The unit a <see cref="TimeExpression"/> was stated in.</summary>
public enum TimeGranularity
{
    /// <summary>A calendar day ("23 December 2017", "yesterday").</summary>
    Day,

    /// <summary>An ISO week, Monday to Sunday ("last week").</summary>
    Week,

    /// <summary>A weekend, Saturday and Sunday.</summary>
    Weekend,

    /// <summary>A calendar month ("April 2017", "in April").</summary>
    Month,

    /// <summary>A quarter ("Q1 2017").</summary>
    Quarter,

    /// <summary>A half year ("H2 2019").</summary>
    HalfYear,

    /// <summary>A calendar year ("this year", "2017").</summary>
    Year,

    /// <summary>A decade ("the 1990s").</summary>
    Decade,

    /// <summary>A century ("the 21st century").</summary>
    Century,

    /// <summary>A span between two stated dates ("from 2014 to 2018").</summary>
    Range,

    /// <summary>A vague present ("at the moment", "lately", "currently"): a window around the reference date.</summary>
    Vague,
}

/// <summary>
/// A date or period found in the text, resolved against a reference date (the publication date)
/// to the half-open interval of days <c>[Start, End)</c>. Immutable.
/// </summary>
/// <param name="Span">Half-open span of the expression in UTF-16 code units.</param>
/// <param name="Start">First day of the interval (inclusive), or null when open to the past ("before 2010").</param>
/// <param name="End">Day after the last day (exclusive), or null when open to the future ("since August").</param>
/// <param name="Granularity">The unit the expression was stated in.</param>
/// <param name="IsRelative">True when the reference date was needed to resolve it ("this year", "in April").</param>
/// <param name="Source">Component and rule that produced it.</param>
public sealed record TimeExpression(
    TextSpan Span,
    DateOnly? Start,
    DateOnly? End,
    TimeGranularity Granularity,
    bool IsRelative,
    Provenance Source);
