using Dossier.Text;

namespace Dossier.Analysis.Pipeline;

/// <summary>
/// Collects components in order and checks, when <see cref="Build"/> is called, that each one's
/// requirements are produced by an earlier one. Not thread-safe; the <see cref="Pipeline"/> it
/// builds is.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineComponent> _components = [];

    /// <summary>Appends <paramref name="component"/> to the pipeline.</summary>
    public PipelineBuilder Add(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    /// <summary>Checks the component order and returns an immutable pipeline.</summary>
    /// <exception cref="InvalidOperationException">A component requires a layer that no earlier component produces.</exception>
    public Pipeline Build()
    {
        var available = Layers.None;
        foreach (var component in _components)
        {
            var missing = component.Requires & ~available;
            if (missing != Layers.None)
            {
                throw new InvalidOperationException(
                    $"Component '{component.Name}' requires {missing}, which no earlier component produces. " +
                    $"Add a component that produces {missing} before '{component.Name}'.");
            }

            available |= component.Produces;
        }

        return new Pipeline([.. _components]);
    }
}
