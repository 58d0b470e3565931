using Dossier.Analysis.Dates;
using Dossier.Analysis.Tests.Numbers;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Tests.Dates;

public sealed class TimeExpressionFinderTests
{
    [Fact]
    public void Resolves_the_seed_article_against_its_publication_date()
    {
        var doc = new TimeExpressionFinder().Process(QuantityFinderTests.SeedDocument(), CancellationToken.None);
        var byText = doc.TimeExpressions.ToDictionary(e => doc.TextOf(e.Span), StringComparer.Ordinal);

        Assert.Equal(new DateOnly(2017, 1, 1), byText["this year"].Start);
        Assert.Equal(new DateOnly(2018, 1, 1), byText["this year"].End);
        Assert.Equal(new DateOnly(2017, 4, 1), byText["April"].Start);
        Assert.Equal(TimeGranularity.Month, byText["April"].Granularity);
        Assert.True(byText["at the moment"].Start <= new DateOnly(2017, 12, 23) && byText["at the moment"].End > new DateOnly(2017, 12, 23));
        Assert.True(byText["Lately"].Start < new DateOnly(2017, 12, 23) && byText["Lately"].End > new DateOnly(2017, 12, 23));
    }

    [Fact]
    public void Keeps_only_absolute_dates_without_a_publication_date()
    {
        const string text = "The base fell in April 2017 and was retaken this year.";
        var doc = new Document("d", text) { Sentences = [new Sentence(new TextSpan(0, text.Length), 0, 0)] };
        var e = Assert.Single(new TimeExpressionFinder().Process(doc, CancellationToken.None).TimeExpressions);
        Assert.Equal("April 2017", doc.TextOf(e.Span));
    }

    [Fact]
    public void Declares_its_layers()
    {
        var finder = new TimeExpressionFinder();
        Assert.Equal(Layers.Sentences, finder.Requires);
        Assert.Equal(Layers.TimeExpressions, finder.Produces);
    }
}
