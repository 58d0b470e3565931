using System.Collections.Immutable;
using Dossier.Text;

namespace Dossier.Analysis.Pipeline;

/// <summary>
/// An ordered, validated list of components. Immutable and thread-safe: run many documents through
/// one instance in parallel. Build one with <see cref="PipelineBuilder"/>.
/// </summary>
public sealed class Pipeline
{
    internal Pipeline(ImmutableArray<IPipelineComponent> components) => Components = components;

    /// <summary>The components in the order they run.</summary>
    public ImmutableArray<IPipelineComponent> Components { get; }

    /// <summary>Runs every component over <paramref name="document"/> in order.</summary>
    public Document Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var component in Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document = component.Process(document, cancellationToken);
        }

        return document;
    }
}
