using System.Collections.Immutable;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Numbers;

/// <summary>
/// Pipeline component that finds numbers in each sentence and records their interval semantics
/// (<see cref="QuantityRecognizer"/>). Numbers that are part of a date ("March 15", "in 2017",
/// "two weeks ago") are left to <see cref="TimeExpressionFinder"/>. Stateless and thread-safe.
/// </summary>
public sealed class QuantityFinder : IPipelineComponent
{
    private readonly QuantityReadingOptions _options;

    /// <summary>Creates the component with <paramref name="options"/> (newswire defaults when null).</summary>
    public QuantityFinder(QuantityReadingOptions? options = null) => _options = options ?? QuantityReadingOptions.Default;

    /// <inheritdoc />
    public string Name => "quantities";

    /// <inheritdoc />
    public Layers Requires => Layers.Sentences;

    /// <inheritdoc />
    public Layers Produces => Layers.Quantities;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Quantities = Find(document.Text, document.Sentences, _options, cancellationToken) };
    }

    internal static ImmutableArray<Quantity> Find(string text, ImmutableArray<Sentence> sentences, QuantityReadingOptions options, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<Quantity>();
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Numbers inside dates ("March 15", "2017-12-20", "two weeks ago") belong to the date,
            // not to a count; any reference date finds the same spans.
            var dates = TimeExpressionRecognizer.Find(text, sentence.Span.Start, sentence.Span.End, DateSpansReference, DateSpanOptions);
            foreach (var q in QuantityRecognizer.Find(text, sentence.Span.Start, sentence.Span.End, options))
            {
                if (!IsYear(text, q) && !InsideDate(q, dates))
                {
                    result.Add(q);
                }
            }
        }

        return result.ToImmutable();
    }

    private static readonly DateOnly DateSpansReference = new(2000, 1, 1);

    private static readonly TimeReadingOptions DateSpanOptions = new() { VaguePresent = false };

    private static bool InsideDate(Quantity q, ImmutableArray<TimeExpression> dates)
    {
        if (q.Comparison != QuantityComparison.Exact || q.Kind is not (QuantityKind.Cardinal or QuantityKind.Ordinal))
        {
            return false;
        }

        foreach (var d in dates)
        {
            if (d.Span.Contains(q.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A plain four-digit number from 1900 to 2099 with no qualifier is a year, not a count.</summary>
    private static bool IsYear(string text, Quantity q)
    {
        if (q.Kind != QuantityKind.Cardinal || q.Comparison != QuantityComparison.Exact || q.NumberSpan.Length != 4 || q.Value is < 1900 or > 2099)
        {
            return false;
        }

        var s = text.AsSpan(q.NumberSpan.Start, 4);
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
