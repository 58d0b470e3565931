using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Dates;

/// <summary>
/// Pipeline component that finds dates and periods in each sentence and resolves them against the
/// document's publication date (<see cref="DocumentMetadata.Published"/>). Without a publication
/// date only absolute expressions ("23 December 2017") are kept, since relative ones ("this year")
/// cannot be resolved. Stateless and thread-safe.
/// </summary>
public sealed class TimeExpressionFinder : IPipelineComponent
{
    private readonly TimeReadingOptions _options;

    /// <summary>Creates the component with <paramref name="options"/> (newswire defaults when null).</summary>
    public TimeExpressionFinder(TimeReadingOptions? options = null) => _options = options ?? TimeReadingOptions.Default;

    /// <inheritdoc />
    public string Name => "time-expressions";

    /// <inheritdoc />
    public Layers Requires => Layers.Sentences;

    /// <inheritdoc />
    public Layers Produces => Layers.TimeExpressions;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var published = document.Metadata.Published;
        var reference = published ?? new DateOnly(2000, 1, 1);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var e in TimeExpressionRecognizer.Find(document.Text, sentence.Span.Start, sentence.Span.End, reference, _options))
            {
                if (published is not null || !e.IsRelative)
                {
                    result.Add(e);
                }
            }
        }

        return document with { TimeExpressions = result.ToImmutable() };
    }
}
