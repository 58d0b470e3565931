using Dossier.Text;

namespace Dossier.Analysis.Pipeline;

/// <summary>
/// One step of analysis. A component reads the layers it <see cref="Requires"/> and returns a new
/// document with the layers it <see cref="Produces"/>; it changes nothing else, keeps no state
/// between calls and does no I/O, so one instance can serve many threads.
/// </summary>
public interface IPipelineComponent
{
    /// <summary>Short lower-case name used in provenance and error messages ("tokenizer").</summary>
    string Name { get; }

    /// <summary>Layers that must be present before this component runs.</summary>
    Layers Requires { get; }

    /// <summary>Layers this component adds.</summary>
    Layers Produces { get; }

    /// <summary>Returns <paramref name="document"/> with this component's layers added.</summary>
    Document Process(Document document, CancellationToken cancellationToken);
}
