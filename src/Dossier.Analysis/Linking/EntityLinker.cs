using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Knowledge;

namespace Dossier.Analysis.Linking;

/// <summary>Pipeline component: links entity mentions to actors with <see cref="ActorLinker"/>. Thread-safe.</summary>
public sealed class EntityLinker(Lazy<ActorLinker> linker) : IPipelineComponent
{
    /// <inheritdoc />
    public string Name => "linker";

    /// <inheritdoc />
    public Layers Requires => Layers.Mentions;

    /// <inheritdoc />
    public Layers Produces => Layers.Links;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mentions.IsDefaultOrEmpty)
        {
            return document;
        }

        var links = ImmutableArray.CreateBuilder<EntityLink>();
        foreach (var link in linker.Value.Link(document))
        {
            var country = link.Actor is null ? null : link.Actor.Country ?? (link.Actor.Type == Knowledge.Actors.ActorType.Country ? link.Actor.Id.Value : null);
            links.Add(new EntityLink(link.Span, link.Actor?.Id.Value, link.Actor?.Name, link.Cameo, link.Cluster, country, new Provenance(Name, link.Rule)));
        }

        return document with { Links = links.ToImmutable() };
    }
}
