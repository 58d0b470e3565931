using System.Text.Json;
using Dossier.Storage;
using Dossier.Text;
using Dossier.Text.Attribution;
using Dossier.Text.Claims;
using Dossier.Text.Knowledge;
using Dossier.Text.Quantities;

namespace Dossier.Storage.Tests.Relational;

/// <summary>Mentions, links, places, events, quote provenance and the queries over them, on every engine.</summary>
public sealed class StoredFactsTests
{
    private static readonly string FixtureJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "events.json"));

    /// <summary>The fixture's text: its events' offsets point into it.</summary>
    private static readonly string KabulovText = JsonDocument.Parse(FixtureJson).RootElement.GetProperty("text").GetString()!;

    private static readonly Provenance Test = new("test", "fixture");

    private static TextSpan Find(string text, string part, int from = 0)
    {
        var start = text.IndexOf(part, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{part}' is not in the text");
        return new TextSpan(start, start + part.Length);
    }

    /// <summary>Kabulov's claim with every layer the store keeps, published on <paramref name="published"/> by <paramref name="outlet"/>.</summary>
    private static Document Kabulov(string outlet, DateOnly published, string tail = "")
    {
        var text = KabulovText + tail;
        var speaker = Find(text, "Zamir Kabulov");
        var channel = Find(text, "RIA Novosti");
        var group = Find(text, "IS");
        var country = Find(text, "Afghanistan");
        var russia = Find(text, "Russia");
        var kabul = Find(text, "Kabul", country.End);
        var amount = Find(text, "over 10,000");
        var quantity = new Quantity(amount, Find(text, "10,000"), 10000, new QuantityInterval(10000, double.PositiveInfinity, false, false, false),
            QuantityKind.Cardinal, QuantityComparison.GreaterThan, Find(text, "over"), null, false, Test);
        return new Document(outlet, text, new DocumentMetadata(Title: $"{outlet} on Kabulov", Outlet: outlet, Published: published))
        {
            Mentions =
            [
                new Mention(speaker, 0, 2, "PER", Test), new Mention(channel, 3, 5, "ORG", Test), new Mention(group, 8, 9, "ORG", Test),
                new Mention(country, 12, 13, "GPE", Test), new Mention(russia, 16, 17, "GPE", Test), new Mention(kabul, 20, 21, "GPE", Test),
            ],
            Links =
            [
                new EntityLink(speaker, "per:zamir-kabulov", "Zamir Kabulov", "RUSGOV", "per:zamir-kabulov", "RUS", Test),
                new EntityLink(group, "grp:islamic-state", "Islamic State", "IMGMOSISI", "grp:islamic-state", null, Test),
                new EntityLink(country, "AFG", "Afghanistan", "AFG", "AFG", "AFG", Test),
                new EntityLink(russia, "RUS", "Russia", "RUS", "RUS", "RUS", Test),
            ],
            Places =
            [
                new PlaceReference(country, "Afghanistan", 33.93911, 67.709953, "AFG", "", 0, Test),
                new PlaceReference(kabul, "Kabul", 34.52813, 69.17233, "AFG", "13", 3_140_853, Test),
            ],
            Quotes =
            [
                new Quote(Find(text, "over 10,000 IS fighters are in Afghanistan"), QuoteKind.Indirect, Find(text, "told"), speaker, speaker, channel, Test),
            ],
            Claims =
            [
                new Claim(amount, quantity, "fighters", Find(text, "fighters"), group, country, null, ClaimTrend.None, speaker, 0, Test),
            ],
        };
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Pages_documents_newest_first_with_ties_by_id(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", "{}");
        store.Save(Kabulov("Sputnik", new DateOnly(2017, 12, 24), " One."), "sputnik.txt", "{}");
        store.Save(Kabulov("TASS", new DateOnly(2017, 12, 23), " Two."), "tass.txt", "{}");
        store.Save(new Document("u", "An undated note about nothing."), "undated.txt", "{}");

        Assert.Equal(["sputnik.txt", "tass.txt", "rt.txt", "undated.txt"], store.Documents(0, 10).Select(d => d.Key));
        Assert.Equal(["rt.txt", "undated.txt"], store.Documents(2, 10).Select(d => d.Key));
        var first = store.Documents(0, 1)[0];
        Assert.Equal(first, store.DocumentById(first.Id));
        Assert.Equal("Sputnik on Kabulov", first.Title);
        Assert.Equal(KabulovText.Length + 5, first.Length);
        Assert.Null(store.DocumentById(first.Id + 1000));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Keeps_the_byline_author(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var article = Kabulov("RT", new DateOnly(2017, 12, 23));
        test.Store.Save(article with { Metadata = article.Metadata with { Author = "Jane Doe, John Roe" } }, "rt.txt", "{}");
        test.Store.Save(Kabulov("TASS", new DateOnly(2017, 12, 24), " Two."), "tass.txt", "{}");

        var stored = test.Reopen().Documents(0, 10);
        Assert.Equal("Jane Doe, John Roe", test.Store.DocumentById(stored.Single(d => d.Key == "rt.txt").Id)?.Author);
        Assert.Null(test.Store.DocumentById(stored.Single(d => d.Key == "tass.txt").Id)?.Author);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Counts_actors_across_documents_most_mentioned_first(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", "{}");
        var again = Kabulov("Sputnik", new DateOnly(2017, 12, 24), " Russia again.");
        var second = new TextSpan(KabulovText.Length + 1, KabulovText.Length + 7);
        again = again with
        {
            Mentions = [.. again.Mentions, new Mention(second, 30, 31, "GPE", Test)],
            Links = [.. again.Links, new EntityLink(second, "RUS", "Russia", "RUS", "RUS", "RUS", Test)],
        };
        store.Save(again, "sputnik.txt", "{}");

        var actors = store.Actors(null, 10);
        Assert.Equal("RUS", actors[0].Id); // three mentions against two for everyone else
        Assert.Equal(new StoredActor("RUS", "Russia", "GPE", "RUS", "RUS", 2, 3, 0, 0), actors[0]);
        var kabulov = Assert.Single(store.Actors("kabulov", 10));
        Assert.Equal(new StoredActor("per:zamir-kabulov", "Zamir Kabulov", "PER", "RUSGOV", "RUS", 2, 2, 2, 2), kabulov);
        Assert.Equal(["AFG", "grp:islamic-state", "per:zamir-kabulov"], actors.Skip(1).Select(a => a.Id));
        Assert.Empty(store.Actors("_", 10)); // a LIKE wildcard is literal
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Keeps_places_with_coordinates_and_evidence(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", "{}");
        store.Save(Kabulov("Sputnik", new DateOnly(2017, 12, 24), " More."), "sputnik.txt", "{}");

        Assert.Equal(4, store.Places(null, 10).Count);
        var sputnik = store.Documents(0, 1)[0];
        var places = store.Places(sputnik.Id, 10);
        Assert.Equal(["Afghanistan", "Kabul"], places.Select(p => p.Name));
        var kabul = places[1];
        Assert.Equal(("Kabul", "AFG", 34.52813, 69.17233), (kabul.Text, kabul.Country, kabul.Latitude, kabul.Longitude));
        Assert.Equal("Kabul", KabulovText[kabul.Start..kabul.End]);
        Assert.Equal(sputnik, kabul.Document);
        Assert.Single(store.Places(null, 1));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Reads_events_from_the_analysis_json_and_filters_them(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", FixtureJson);
        store.Save(Kabulov("Sputnik", new DateOnly(2017, 12, 24), " No events."), "sputnik.txt", "{\"text\":\"x\"}");
        store.Save(Kabulov("TASS", new DateOnly(2017, 12, 25), " Broken."), "tass.txt", "not json");

        var events = store.Events(new EventFilter(), 10);
        Assert.Equal(2, events.Count); // the fixture's two events with offsets inside the text; the others are skipped
        var strike = events[0];
        Assert.Equal("Russia struck targets near Kabul", strike.Text);
        Assert.Equal(("195", "19", "Employ aerial weapons", -10.0, 4), (strike.Code, strike.Root, strike.Name, strike.Goldstein, strike.QuadClass));
        Assert.Equal(("ASSAULT", "aerial"), (strike.PloverEvent, strike.PloverMode));
        Assert.Equal(("Russia", "RUS", "targets near Kabul", "AFG"), (strike.Source, strike.SourceCode, strike.Target, strike.TargetCode));
        Assert.Equal(("Kabul", "2017-12-22", false, "officials"), (strike.Place, strike.Date, strike.Negated, strike.ClaimedBy));
        Assert.Equal(("RUS", null), (strike.SourceActor, strike.TargetActor));
        Assert.Equal("rt.txt", strike.Document.Key);

        var statement = events[1]; // numbers given as strings, root taken from the code
        Assert.Equal(("told", "010", "01", 1, "Zamir Kabulov"), (statement.Text, statement.Code, statement.Root, statement.QuadClass, statement.Source));

        Assert.Equal([strike], store.Events(new EventFilter(Actor: "RUS"), 10));
        Assert.Equal([statement], store.Events(new EventFilter(Actor: "kabulov"), 10));
        Assert.Equal([strike], store.Events(new EventFilter(Root: "19"), 10));
        Assert.Equal([statement], store.Events(new EventFilter(From: new DateOnly(2017, 12, 23)), 10));
        Assert.Equal([strike], store.Events(new EventFilter(To: new DateOnly(2017, 12, 22)), 10));
        Assert.Empty(store.Events(new EventFilter(Actor: "RUS", Root: "01"), 10));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Reads_the_event_coders_contract_with_span_objects_and_date_ranges(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var strike = Find(KabulovText, "Russia struck targets near Kabul");
        var json = $$"""
            {"events": [{"start": {{strike.Start}}, "end": {{strike.End}}, "text": "Russia struck targets near Kabul", "code": "195", "root": "19",
              "name": "Employ aerial weapons", "goldstein": -10, "quad_class": 4, "plover": {"event": "ASSAULT", "mode": "aerial"},
              "source": {"start": {{strike.Start}}, "end": {{strike.Start + 6}}, "text": "Russia", "actor_id": "RUS", "cameo": "RUS", "country": "RUS"},
              "target": null, "place": {"start": {{strike.End - 5}}, "end": {{strike.End}}, "text": "Kabul"},
              "date": {"from": "2017-12-22", "until": "2017-12-23", "from_publication": false}, "negated": false,
              "claimed_by": {"start": 0, "end": 13, "text": "Zamir Kabulov"}, "rule": "events/lexicon:strike"}]}
            """;
        test.Store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", json);
        var stored = Assert.Single(test.Store.Events(new EventFilter(Actor: "RUS"), 10));
        Assert.Equal(("Russia", "RUS", "RUS", null, "Kabul", "2017-12-22", "Zamir Kabulov"),
            (stored.Source, stored.SourceActor, stored.SourceCode, stored.Target, stored.Place, stored.Date, stored.ClaimedBy));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Filters_claims_by_claimant_and_dates(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", "{}");
        store.Save(Kabulov("Sputnik", new DateOnly(2018, 2, 5), " Later."), "sputnik.txt", "{}");

        var all = store.Claims(new ClaimFilter(About: ["Islamic State"], Measure: "fighters", Place: "afghan"), 10);
        Assert.Equal(["RT", "Sputnik"], all.Select(c => c.Outlet));
        var claim = all[0];
        Assert.Equal(("over 10,000", "Islamic State", "Zamir Kabulov", "RIA Novosti", "per:zamir-kabulov", "RUS"),
            (claim.Text, claim.Subject, claim.Claimant, claim.Channel, claim.ClaimantActor, claim.Side));
        Assert.Equal(new QuantityInterval(10000, double.PositiveInfinity, false, false, false), claim.Interval);

        Assert.Equal(2, store.Claims(new ClaimFilter(Claimant: "per:zamir-kabulov"), 10).Count);
        Assert.Equal(2, store.Claims(new ClaimFilter(Claimant: "KABULOV"), 10).Count);
        Assert.Empty(store.Claims(new ClaimFilter(Claimant: "Nicholson"), 10));
        Assert.Equal(["Sputnik"], store.Claims(new ClaimFilter(From: new DateOnly(2018, 1, 1)), 10).Select(c => c.Outlet));
        Assert.Equal(["RT"], store.Claims(new ClaimFilter(To: new DateOnly(2017, 12, 23)), 10).Select(c => c.Outlet));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Stores_the_provenance_chain_of_each_quote(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        test.Store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", "{}");
        var quote = Assert.Single(test.Store.Quotes(null, 10));
        var chain = test.Store.ProvenanceChain(quote.DocumentId, quote.Content.Start);
        Assert.Equal(
            [("speaker", "Zamir Kabulov", "per:zamir-kabulov", (int?)0), ("channel", "RIA Novosti", null, 19), ("outlet", "RT", null, null)],
            chain.Select(hop => (hop.Role, hop.Name, hop.ActorId, hop.Start)));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Replacing_a_document_removes_its_facts(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        store.Save(Kabulov("RT", new DateOnly(2017, 12, 23)), "rt.txt", FixtureJson);
        store.Save(new Document("rt", "A correction with no facts in it."), "rt.txt", "{}");
        Assert.Empty(store.Actors(null, 10));
        Assert.Empty(store.Places(null, 10));
        Assert.Empty(store.Events(new EventFilter(), 10));
        Assert.Empty(store.Claims(new ClaimFilter(), 10));
    }
}
