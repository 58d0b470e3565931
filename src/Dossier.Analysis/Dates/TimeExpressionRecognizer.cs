using System.Collections.Immutable;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

/// <summary>Switches for <see cref="TimeExpressionRecognizer"/>; the defaults are the ones for newswire.</summary>
public sealed record TimeReadingOptions
{
    /// <summary>The newswire defaults.</summary>
    public static TimeReadingOptions Default { get; } = new();

    /// <summary>
    /// Whether "from 2014 to 2018" includes 2018 (ends 2019-01-01). Default true, as a reader takes
    /// it; the reference specs end such ranges where the second operand starts.
    /// </summary>
    public bool RangeEndInclusive { get; init; } = true;

    /// <summary>Read vague present expressions ("at the moment", "currently", "lately"). Default true.</summary>
    public bool VaguePresent { get; init; } = true;

    /// <summary>Days either side of the reference date that "at the moment" covers. Default 7.</summary>
    public int PresentWindowDays { get; init; } = 7;

    /// <summary>Days before the reference date that "lately", "recently" cover. Default 30.</summary>
    public int RecentWindowDays { get; init; } = 30;
}

/// <summary>
/// Finds dates and periods and resolves them against a reference date (the publication date) to
/// half-open day intervals. Underspecified dates take the most recent reading not after the
/// reference ("in April" in December 2017 is April 2017), unless the clause is in the future tense
/// ("will", "'ll", "going to"), when they take the next one. Stateless and thread-safe.
/// </summary>
public static class TimeExpressionRecognizer
{
    private const string Component = "time-expressions";

    /// <summary>Finds time expressions in <paramref name="text"/>.</summary>
    public static ImmutableArray<TimeExpression> Find(string text, DateOnly reference, TimeReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, 0, text.Length, reference, options);
    }

    /// <summary>Finds time expressions in <c>text[start..end)</c>; spans are offsets into the whole <paramref name="text"/>.</summary>
    public static ImmutableArray<TimeExpression> Find(string text, int start, int end, DateOnly reference, TimeReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= TimeReadingOptions.Default;
        var tokens = DateTokenizer.Tokenize(text, start, end);
        var parser = new DateParser(text, tokens, reference, options);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        int i = 0;
        while (i < tokens.Count)
        {
            if (parser.TryAt(i, out var found, out int next))
            {
                result.Add(found with { Source = new Provenance(Component, found.Source.Rule) });
                i = next;
            }
            else
            {
                i++;
            }
        }

        return result.ToImmutable();
    }
}
