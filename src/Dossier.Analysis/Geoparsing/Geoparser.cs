using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Knowledge;

namespace Dossier.Analysis.Geoparsing;

/// <summary>Pipeline component: resolves place mentions to gazetteer entries with <see cref="PlaceResolver"/>. Thread-safe.</summary>
public sealed class Geoparser(Lazy<PlaceResolver> resolver) : IPipelineComponent
{
    /// <inheritdoc />
    public string Name => "geoparser";

    /// <inheritdoc />
    public Layers Requires => Layers.Mentions;

    /// <inheritdoc />
    public Layers Produces => Layers.Places;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mentions.IsDefaultOrEmpty)
        {
            return document;
        }

        var places = ImmutableArray.CreateBuilder<PlaceReference>();
        foreach (var resolved in resolver.Value.Resolve(document))
        {
            if (resolved.Place is { } place)
            {
                places.Add(new PlaceReference(resolved.Span, place.Name, place.Latitude, place.Longitude, place.Country, place.Admin1, place.Population,
                    new Provenance(Name, resolved.Rule)));
            }
        }

        return document with { Places = places.ToImmutable() };
    }
}
