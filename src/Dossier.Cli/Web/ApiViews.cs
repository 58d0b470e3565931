using Dossier.Storage;

namespace Dossier.Cli.Web;

// The shapes the API returns. Names are written snake_case (the JSON options in WebServer), like the
// analysis JSON of docs/json-format.md. Open interval ends are null: JSON has no infinity.

/// <summary>One page of documents; <see cref="Next"/> is the URL of the next page, null on the last.</summary>
internal sealed record DocumentPage(IReadOnlyList<DocumentSummary> Items, int Offset, int Limit, string? Next);

/// <summary>A quote with its document.</summary>
internal sealed record QuoteView(
    long DocumentId, string DocumentKey, string? Outlet, DateOnly? Published, int Start, int End, string Kind, string? Speaker, string? Cue, string? Channel, string Text)
{
    public static QuoteView Of(StoredQuote quote) => new(
        quote.DocumentId, quote.DocumentKey, quote.Outlet, quote.Published, quote.Content.Start, quote.Content.End, quote.Kind, quote.Speaker, quote.Cue, quote.Channel, quote.Text);
}

/// <summary>A claim in the ledger; <see cref="Claimant"/> is who makes it (the quoted speaker, else the outlet).</summary>
internal sealed record ClaimView(
    string Document, string? Outlet, DateOnly? Published, int Start, int End, string Text, string? Measure, string? Subject, string? Place,
    double? Low, double? High, bool LowInclusive, bool HighInclusive, bool Approximate, string? Trend, string Claimant, string? ClaimantActor, string? Channel, string? Side)
{
    public static ClaimView Of(StoredClaim claim) => new(
        claim.DocumentKey, claim.Outlet, claim.Published, claim.Evidence.Start, claim.Evidence.End, claim.Text, claim.Measure, claim.Subject, claim.Place,
        double.IsInfinity(claim.Interval.Low) ? null : claim.Interval.Low,
        double.IsInfinity(claim.Interval.High) ? null : claim.Interval.High,
        claim.Interval.LowInclusive, claim.Interval.HighInclusive, claim.Interval.Approximate, claim.Trend, claim.ClaimedBy, claim.ClaimantActor, claim.Channel, claim.Side);
}

/// <summary>Two claims that cannot both be true; <see cref="Shift"/> when one claimant changed its figure.</summary>
internal sealed record DisagreementView(string Topic, bool Shift, ClaimView First, ClaimView Second);

/// <summary>A coded event with its document.</summary>
internal sealed record EventView(
    long DocumentId, string DocumentKey, string? Outlet, DateOnly? Published, int Start, int End, string Text, string Code, string Root, string Name,
    double Goldstein, int QuadClass, string? PloverEvent, string? PloverMode, string? Source, string? SourceCode, string? SourceActor,
    string? Target, string? TargetCode, string? TargetActor, string? Place, string? Date, bool Negated, string? ClaimedBy)
{
    public static EventView Of(StoredEvent e) => new(
        e.Document.Id, e.Document.Key, e.Document.Outlet, e.Document.Published, e.Start, e.End, e.Text, e.Code, e.Root, e.Name, e.Goldstein, e.QuadClass,
        e.PloverEvent, e.PloverMode, e.Source, e.SourceCode, e.SourceActor, e.Target, e.TargetCode, e.TargetActor, e.Place, e.Date, e.Negated, e.ClaimedBy);
}

/// <summary>Everything the actor page shows: the actor, its quotes, the claims it makes and those about it, its events.</summary>
internal sealed record ActorPage(StoredActor Actor, IReadOnlyList<QuoteView> Quotes, IReadOnlyList<ClaimView> ClaimsBy, IReadOnlyList<ClaimView> ClaimsAbout, IReadOnlyList<EventView> Events);

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of place mentions.</summary>
internal sealed record PlaceCollection(string Type, IReadOnlyList<PlaceFeature> Features)
{
    public static PlaceCollection Of(IEnumerable<StoredPlace> places) => new("FeatureCollection", [.. places.Select(PlaceFeature.Of)]);
}

/// <summary>One place mention as a GeoJSON Point feature.</summary>
internal sealed record PlaceFeature(string Type, PointGeometry Geometry, PlaceProperties Properties)
{
    public static PlaceFeature Of(StoredPlace place) => new(
        "Feature",
        new PointGeometry("Point", [place.Longitude, place.Latitude]),
        new PlaceProperties(place.Document.Id, place.Document.Key, place.Document.Title, place.Document.Published, place.Start, place.End, place.Text, place.Name, place.Country));
}

/// <summary>A GeoJSON Point: coordinates are [longitude, latitude].</summary>
internal sealed record PointGeometry(string Type, IReadOnlyList<double> Coordinates);

/// <summary>Which document mentions the place, where, and what the gazetteer calls it.</summary>
internal sealed record PlaceProperties(long Document, string DocumentKey, string? Title, DateOnly? Published, int Start, int End, string Text, string Name, string? Country);

/// <summary>What storing an article did.</summary>
internal sealed record IngestResult(string Key, string Outcome);
