using Dossier.Storage;
using Dossier.Text;
using Dossier.Text.Attribution;
using Dossier.Text.Knowledge;

namespace Dossier.Storage.Tests.Relational;

/// <summary>Repeated quotes and re-reported events are counted once, with their independent sources, on every engine.</summary>
public sealed class CountingOnceTests
{
    private const string Story =
        "The Islamic State has more than ten thousand fighters in Afghanistan, the Russian envoy Zamir Kabulov told the news agency on Friday, "
        + "adding that the group was spreading across the northern provinces and that Moscow was worried about the border with Tajikistan. ";

    private static readonly Provenance Test = new("test", "fixture");

    /// <summary>An article whose last sentence is a quote by <paramref name="speaker"/> and which reports one strike near Kabul on <paramref name="eventDate"/>.</summary>
    private static (Document Document, string Json) Article(string lead, string outlet, DateOnly published, string speaker, string quote, string eventDate)
    {
        var text = lead + $"{speaker} said that {quote}. Russia struck targets near Kabul.";
        var speakerStart = lead.Length;
        var contentStart = text.IndexOf(quote, StringComparison.Ordinal);
        var strike = text.IndexOf("Russia struck", StringComparison.Ordinal);
        var speakerSpan = new TextSpan(speakerStart, speakerStart + speaker.Length);
        var document = new Document(outlet, text, new DocumentMetadata(Outlet: outlet, Published: published))
        {
            Links = speaker.Contains("Kabulov", StringComparison.Ordinal)
                ? [new EntityLink(speakerSpan, "per:zamir-kabulov", "Zamir Kabulov", "RUSGOV", "per:zamir-kabulov", "RUS", Test)]
                : [],
            Quotes =
            [
                new Quote(new TextSpan(contentStart, contentStart + quote.Length), QuoteKind.Indirect, null, speakerSpan, speakerSpan, null, Test),
            ],
        };
        var json = $$"""
            {"events": [{"start": {{strike}}, "end": {{strike + 32}}, "code": "195", "name": "Employ aerial weapons", "goldstein": -10, "quad_class": 4,
              "source": {"actor": "RUS", "cameo": "RUS", "text": "Russia"}, "target": {"text": "targets near Kabul"}, "place": "Kabul", "date": "{{eventDate}}"}]}
            """;
        return (document, json);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Engines), MemberType = typeof(StoreUnderTest))]
    public void Counts_a_repeated_quote_and_a_re_reported_event_once_with_independent_sources(string engine)
    {
        using var test = StoreUnderTest.Open(engine);
        var store = test.Store;
        const string quote = "the group was growing fast in the north of the country and along the border";
        var saves = new[]
        {
            Article(Story, "RT", new DateOnly(2017, 12, 23), "Zamir Kabulov", quote, "2017-12-22"),
            // A syndicated copy of RT: same text with a line added, so it is linked as a near-duplicate.
            Article(Story + "Reprinted with permission. ", "ABNA", new DateOnly(2017, 12, 26), "Zamir Kabulov", quote, "2017-12-22"),
            // An independent rewrite quoting a cut of the same words, by surname; the strike dated a day later.
            Article("A different report entirely, written from scratch by another newsroom about the same week. ", "Ariana", new DateOnly(2017, 12, 24),
                "Kabulov", "the group was growing fast in the north of the country", "2017-12-23"),
            // Another speaker saying the same words is another quote; a strike a month later is another event.
            Article("Yet another unrelated article with its own wording and nothing copied from the others at all. ", "Wire", new DateOnly(2018, 1, 30),
                "John Nicholson", quote, "2018-01-29"),
        };
        foreach (var (index, (document, json)) in saves.Index())
        {
            store.Save(document, $"{index}.txt", json);
        }

        Assert.Single(store.NearDuplicates(10));
        var quotes = store.QuoteClusters(null, 10);
        Assert.Equal(2, quotes.Count);
        var kabulov = quotes[0];
        Assert.Equal(("Zamir Kabulov", "RT", 3, 3, 2), (kabulov.First.Speaker, kabulov.First.Outlet, kabulov.Reports, kabulov.Documents, kabulov.IndependentSources));
        Assert.Equal(("John Nicholson", 1, 1), (quotes[1].First.Speaker, quotes[1].Documents, quotes[1].IndependentSources));
        Assert.Equal(kabulov, Assert.Single(store.QuoteClusters("kabulov", 10)));

        var events = store.EventClusters(new EventFilter(), 10);
        Assert.Equal(2, events.Count);
        Assert.Equal(("2017-12-22", "RT", 3, 2), (events[0].First.Date, events[0].First.Document.Outlet, events[0].Documents, events[0].IndependentSources));
        Assert.Equal(("2018-01-29", 1, 1), (events[1].First.Date, events[1].Documents, events[1].IndependentSources));
        Assert.Single(store.EventClusters(new EventFilter(From: new DateOnly(2018, 1, 1)), 10));
        Assert.Equal(4, store.Events(new EventFilter(Root: "19"), 10).Count); // every report is kept as evidence
    }
}
