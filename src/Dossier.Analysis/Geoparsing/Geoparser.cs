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

        var places = new List<PlaceReference>();
        foreach (var resolved in resolver.Value.Resolve(document))
        {
            if (resolved.Place is { } place)
            {
                places.Add(new PlaceReference(resolved.Span, place.Name, place.Latitude, place.Longitude, place.Country, place.Admin1, place.Population,
                    new Provenance(Name, resolved.Rule)));
            }
        }

        // Relative phrases hang on the place they are anchored to; the anchor keeps its own coordinates.
        var relatives = RelativePlaceFinder.Find(document.Text, [.. places.Select(p => p.Span)]);
        foreach (var relative in relatives)
        {
            var index = places.FindIndex(p => p.Span == relative.Anchor);
            places[index] = places[index] with { Relative = new RelativeLocation(relative.Span, relative.Direction, relative.DistanceKm) };
        }

        return document with { Places = [.. places] };
    }
}
