using Dossier.Analysis.Attribution;
using Dossier.Analysis.Claims;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Entities;
using Dossier.Analysis.Numbers;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Claims;

public sealed class ClaimBinderTests
{
    private static readonly Lazy<Analysis.Pipeline.Pipeline> Full = new(() => new PipelineBuilder()
            .Add(new ParagraphSegmenter(ArticleLayout.Article))
            .Add(new Tokenizer())
            .Add(new SentenceSplitter())
            .Add(new PosTagger())
            .Add(new DependencyParser())
            .Add(EntityRecognizer.LoadDefault())
            .Add(new QuantityFinder())
            .Add(new TimeExpressionFinder())
            .Add(new QuoteAttributor())
            .Add(new ClaimBinder())
            .Build());

    private static Document Analyze(string text) =>
        Full.Value.Process(new Document("seed", text, new DocumentMetadata(Outlet: "RT", Published: new DateOnly(2017, 12, 23))), TestContext.Current.CancellationToken);

    private static Document AnalyzeSeed() =>
        Analyze(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt")));

    [Theory]
    [InlineData("Headline\nStandfirst.\nThe Islamic State does not have 10,000 fighters in Afghanistan.")]
    [InlineData("Headline\nStandfirst.\nThe Islamic State could have 10,000 fighters in Afghanistan by next year.")]
    [InlineData("Headline\nStandfirst.\nIt is the first time the Islamic State has attacked Kabul.")]
    public void Negated_hypothetical_and_ordinal_numbers_are_not_claims(string text) =>
        Assert.Empty(Analyze(text).Claims);

    [Fact]
    public void A_plain_statement_is_a_claim()
    {
        var document = Analyze("Headline\nStandfirst.\nThe Islamic State has 10,000 fighters in Afghanistan.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal(("fighters", "Islamic State", "Afghanistan"), (claim.Measure, document.TextOf(claim.Subject!.Value), document.TextOf(claim.Place!.Value)));
    }

    private static string Text(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : "-";

    [Fact]
    public void Seed_article_yields_the_five_strength_claims_with_intervals_places_and_claimants()
    {
        var document = AnalyzeSeed();
        var claims = document.Claims.Select(claim =>
            $"{Text(document, claim.Subject)} | {claim.Measure} | {claim.Quantity.Interval} | {Text(document, claim.Place)} | {(claim.Time is { } time ? document.TextOf(time.Span) : "-")} | {claim.Trend} | {Text(document, claim.Claimant)}");
        Assert.Equal(
        [
            "ISIS | fighters | (10000, ∞) | Afghanistan | - | None | Moscow",
            "Islamic State | fighters | (10000, ∞) | Afghanistan | - | None | Zamir Kabulov",
            "ISIS | fighters | [0, 10000] | Afghanistan | at the moment | None | Zamir Kabulov",
            "ISIS | fighters | (10000, ∞) | Afghanistan | - | Increasing | Zamir Kabulov",
            "Taliban | territory-share | [0.5, 0.5] | Afghanistan | - | None | Zamir Kabulov",
        ], claims);
    }
}
