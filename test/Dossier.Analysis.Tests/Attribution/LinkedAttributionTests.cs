using Dossier.Analysis.Attribution;
using Dossier.Analysis.Entities;
using Dossier.Analysis.Linking;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Knowledge.Actors;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Analysis.Tests.Attribution;

/// <summary>
/// Quotes and roles over the full pipeline (tags, parse, entities, linking): speaker and channel actor ids, and who
/// holds which office for whom.
/// </summary>
public sealed class LinkedAttributionTests
{
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultDirectory));

    private static readonly Lazy<Analysis.Pipeline.Pipeline> Plain = new(() => Build(ArticleLayout.Plain));
    private static readonly Lazy<Analysis.Pipeline.Pipeline> Article = new(() => Build(ArticleLayout.Article));

    private static Analysis.Pipeline.Pipeline Build(ArticleLayout layout) => new PipelineBuilder()
        .Add(new ParagraphSegmenter(layout))
        .Add(new Tokenizer())
        .Add(new SentenceSplitter())
        .Add(new PosTagger())
        .Add(new DependencyParser())
        .Add(EntityRecognizer.LoadDefault())
        .Add(new MentionRefiner(Knowledge))
        .Add(new EntityLinker(new Lazy<ActorLinker>(() => new ActorLinker(Knowledge.Value))))
        .Add(new QuoteAttributor())
        .Add(new RoleFinder())
        .Build();

    private static Document AnalyzeSeed() => Article.Value.Process(
        new Document("seed", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt"))),
        TestContext.Current.CancellationToken);

    private static Document Analyze(string text) => Plain.Value.Process(new Document("test", text), TestContext.Current.CancellationToken);

    private static string Describe(Document document, Role role) =>
        $"{document.TextOf(role.Span)} | {role.HolderActor ?? document.TextOf(role.Holder)} | {role.AffiliationActor ?? "-"} | {role.Origin.Rule}";

    [Fact]
    public void Seed_quotes_by_Kabulov_carry_his_actor_id_and_the_RIA_Novosti_channel()
    {
        var document = AnalyzeSeed();
        var quotes = document.Quotes;
        Assert.Equal(13, quotes.Length);

        // The headline's "– Moscow" and "Moscow believes" are attributed to Moscow, the Russian state; every other one to Kabulov.
        Assert.Equal("RUS", quotes[0].SpeakerActor);
        Assert.Equal("RUS", quotes[2].SpeakerActor);
        Assert.All(quotes.RemoveAt(2).RemoveAt(0), quote => Assert.Equal("per:zamir-kabulov", quote.SpeakerActor));

        // “…,” he told RIA Novosti. — and the quote that continues it in the same paragraph.
        var told = quotes.Where(quote => quote.ChannelActor is not null).ToList();
        Assert.Equal(2, told.Count);
        Assert.All(told, quote => Assert.Equal("media:ria-novosti", quote.ChannelActor));
        Assert.StartsWith("“Russia was among the first nations", document.TextOf(told[0].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_roles_name_Kabulovs_offices_and_the_Pakistani_commanders()
    {
        var document = AnalyzeSeed();
        string[] expected =
        [
            "Russia’s special envoy | per:zamir-kabulov | RUS | description",
            "head of the Middle East department in the Russian Foreign Ministry | per:zamir-kabulov | gov:rus-mfa | apposition",
            "diplomat | per:zamir-kabulov | - | description",
            "Pakistani military commanders | Pakistani military commanders | PAK | description",
        ];
        Assert.Equal(expected, document.Roles.Select(role => Describe(document, role)));
        Assert.All(document.Roles, role => Assert.Equal("roles", role.Origin.Component));
        Assert.True(document.Layers.HasFlag(Layers.Roles));
    }

    [Theory]
    [InlineData("Russian Foreign Minister Sergey Lavrov met his counterpart in Ankara on Monday.", "Russian Foreign Minister | per:sergey-lavrov | RUS | premodifier")]
    [InlineData("Zalmay Khalilzad, the US special envoy for Afghanistan, arrived in Doha on Monday.", "US special envoy for Afghanistan | per:zalmay-khalilzad | USA | apposition")]
    [InlineData("Several Afghan officials declined to comment on the report.", "Afghan officials | Afghan officials | AFG | description")]
    public void Finds_roles_in_appositions_premodifiers_and_descriptions(string text, string expected)
    {
        var document = Analyze(text);
        Assert.Equal(expected, Describe(document, Assert.Single(document.Roles)));
    }

    [Theory]
    [InlineData("The army said the road was closed for repairs.")]
    [InlineData("Zamir Kabulov, who arrived on Friday, left Kabul.")]
    public void Finds_no_role_where_none_is_given(string text) =>
        Assert.Empty(Analyze(text).Roles);

    [Fact]
    public void A_channel_is_linked_to_its_outlet()
    {
        var document = Analyze("“The border is closed,” Zamir Kabulov told RIA Novosti on Friday.");
        var quote = Assert.Single(document.Quotes);
        Assert.Equal("per:zamir-kabulov", quote.SpeakerActor);
        Assert.Equal("media:ria-novosti", quote.ChannelActor);
    }

    [Fact]
    public void An_unknown_speaker_has_no_actor_id()
    {
        var document = Analyze("“The border is closed,” said Jonathan Q. Ferriwether, a local farmer.");
        var quote = Assert.Single(document.Quotes);
        Assert.Null(quote.SpeakerActor);
        Assert.Null(quote.ChannelActor);
    }
}
