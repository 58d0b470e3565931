using System.Collections.Immutable;
using Dossier.Analysis.Numbers;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Tests.Numbers;

/// <summary>The project's reference article (RT, 23 December 2017): one number stated five ways.</summary>
public sealed class QuantityFinderTests
{
    internal static readonly string[] SeedSentences =
    [
        "ISIS has over 10,000 fighters in Afghanistan, more arriving from Syria & Iraq – Moscow",
        "The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan, and Moscow believes the US may be underestimating their threat, Russia’s special envoy says.",
        "Islamic State (IS, formerly ISIS) was pushed out of their home base in Syria and Iraq this year by separate military operations of a US-led coalition, and the Syrian Army backed by Russia.",
        "Many of the IS fighters who fled those countries ended up in Afghanistan, where the terrorist group has as many as 10,000 troops at the moment, Zamir Kabulov, the head of the Middle East department in the Russian Foreign Ministry, said.",
        "“Lately IS has boosted its presence in the country.",
        "Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow.",
        "“Considering the realities on the ground, which is that the Taliban controls half of the country, one can ask the question: does the US pull its weight?",
        "In April, Moscow invited the US to take part in Russia-hosted Afghanistan peace talks, but the US declined to participate.",
    ];

    internal static Document SeedDocument()
    {
        var text = string.Join("\n", SeedSentences);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int at = 0;
        foreach (var s in SeedSentences)
        {
            sentences.Add(new Sentence(new TextSpan(at, at + s.Length), 0, 0));
            at += s.Length + 1;
        }

        return new Document("rt-2017-12-23-isis-afghanistan", text, new DocumentMetadata(Outlet: "RT", Published: new DateOnly(2017, 12, 23)))
        {
            Sentences = sentences.ToImmutable(),
        };
    }

    [Fact]
    public void Finds_all_five_mentions_of_ten_thousand_with_their_intervals()
    {
        var doc = new QuantityFinder().Process(SeedDocument(), CancellationToken.None);
        var tenThousands = doc.Quantities.Where(q => q.Value == 10000).ToList();
        Assert.Equal(
            ["over 10,000", "over 10,000", "as many as 10,000", "stronger than 10,000"],
            tenThousands.Select(q => doc.TextOf(q.Span)));
        Assert.Equal("(10000, ∞)", tenThousands[0].Interval.ToString());
        Assert.Equal("(10000, ∞)", tenThousands[1].Interval.ToString());
        Assert.Equal("[0, 10000]", tenThousands[2].Interval.ToString());
        Assert.Equal("(10000, ∞)", tenThousands[3].Interval.ToString());
        Assert.Equal("as many as", doc.TextOf(tenThousands[2].Qualifier!.Value));
    }

    [Fact]
    public void Finds_half_of_the_country_as_a_proportion()
    {
        var doc = new QuantityFinder().Process(SeedDocument(), CancellationToken.None);
        var half = Assert.Single(doc.Quantities, q => q.Kind == QuantityKind.Proportion);
        Assert.Equal("half", doc.TextOf(half.Span));
        Assert.Equal(0.5, half.Value);
    }

    [Fact]
    public void Declares_its_layers_and_builds_after_sentences()
    {
        var finder = new QuantityFinder();
        Assert.Equal(Layers.Sentences, finder.Requires);
        Assert.Equal(Layers.Quantities, finder.Produces);
        var error = Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Add(finder).Build());
        Assert.Contains("Sentences", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_years_to_the_date_finder()
    {
        var doc = new Document("d", "In 2017 the group had 2,017 members.", DocumentMetadata.Empty)
        {
            Sentences = [new Sentence(new TextSpan(0, 36), 0, 0)],
        };
        var q = Assert.Single(new QuantityFinder().Process(doc, CancellationToken.None).Quantities);
        Assert.Equal("2,017", doc.TextOf(q.Span));
    }
}
