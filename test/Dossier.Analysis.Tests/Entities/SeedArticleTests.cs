using Dossier.Analysis.Entities;
using Dossier.Analysis.Linking;
using Dossier.Knowledge.Actors;

namespace Dossier.Analysis.Tests.Entities;

/// <summary>
/// The issue's acceptance checks on the project's reference article
/// (corpus/seed/rt-2017-12-23-isis-afghanistan.txt), run with the committed model. Sentences are
/// copied from the article with punctuation split off as the tokeniser splits it.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly string[] Article =
    [
        "ISIS has over 10,000 fighters in Afghanistan , more arriving from Syria & Iraq – Moscow",
        "The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan , and Moscow believes the US may be underestimating their threat , Russia ’s special envoy says .",
        "Islamic State ( IS , formerly ISIS ) was pushed out of their home base in Syria and Iraq this year by separate military operations of a US-led coalition , and the Syrian Army backed by Russia .",
        "Many of the IS fighters who fled those countries ended up in Afghanistan , where the terrorist group has as many as 10,000 troops at the moment , Zamir Kabulov , the head of the Middle East department in the Russian Foreign Ministry , said .",
        "“ Russia was among the first nations to ring alarm about the expansion of IS into Afghanistan , ” he told RIA Novosti .",
        "“ Lately IS has boosted its presence in the country .",
        "Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow .",
        "That includes new fighters with combat experience received in Syria and Iraq . ”",
        "IS forces are strongest in the north of Afghanistan on the border with Tajikistan and Turkmenistan – a point of concern for Russia , which has close historic ties with both nations , Kabulov added .",
        "“ IS goals are definitely to expand its influence outside of Afghanistan , which they use as a staging ground .",
        "This poses a significant security threat for Central Asia and southern parts of Russia , ” Kabulov stressed .",
        "The diplomat said Russia and the US have a difference of opinion about how big a threat IS poses in Afghanistan and Central Asia .",
        "Washington , he said , is focused on fighting the Taliban and is in the process of alienating other nations in the region , which America criticizes for failing to put enough pressure on the militant movement , while overlooking its own failures .",
        "“ Considering the realities on the ground , which is that the Taliban controls half of the country , one can ask the question : does the US pull its weight ?",
        "Russia stands for cooperation with international partners based on equality and which takes into account national interests of all nations of the region , ” Kabulov said , apparently referring to Washington ’s resent showdown with Pakistan .",
        "The US accused Islamabad of failing to properly fight the Taliban and threatened it with repercussions unless Pakistan ramps up counterinsurgency operations in its tribal areas .",
        "The criticism sparked some anti-America sentiment among Pakistani military commanders .",
        "Kabulov said Moscow was prepared to work together with Washington to foster stability in Afghanistan , and said it was America ’s decision to stop such cooperation , not Russia ’s .",
        "In April , Moscow invited the US to take part in Russia-hosted Afghanistan peace talks , but the US declined to participate .",
    ];

    // The model alone follows CoNLL-2003 (Taliban MISC; "Russian" MISC + "Foreign Ministry" ORG; "Syrian" MISC +
    // "Army" ORG); Dossier's mentions come from the model and the knowledge-based MentionRefiner after it.
    private static readonly Lazy<List<(string Text, string Type)>> Found = new(() =>
    {
        var recognizer = EntityRecognizer.LoadDefault();
        var refiner = new MentionRefiner(new Lazy<KnowledgeBase>(() => KnowledgeBase.Load(KnowledgeBase.DefaultDirectory)));
        var document = recognizer.Process(EntityFixture.Document(Article), TestContext.Current.CancellationToken);
        return EntityFixture.MentionsOf(refiner.Process(document, TestContext.Current.CancellationToken));
    });

    [Theory]
    [InlineData("Zamir Kabulov", "PER")]
    [InlineData("RIA Novosti", "ORG")]
    [InlineData("Taliban", "ORG")]
    [InlineData("Russian Foreign Ministry", "ORG")]
    [InlineData("Syrian Army", "ORG")]
    [InlineData("Islamic State", "ORG")]
    [InlineData("Afghanistan", "LOC")]
    [InlineData("Syria", "LOC")]
    [InlineData("Iraq", "LOC")]
    [InlineData("Tajikistan", "LOC")]
    [InlineData("Turkmenistan", "LOC")]
    [InlineData("Pakistan", "LOC")]
    [InlineData("Islamabad", "LOC")]
    [InlineData("Moscow", "LOC")]
    [InlineData("Washington", "LOC")]
    [InlineData("Central Asia", "LOC")]
    public void Finds_the_issue_s_seed_mentions(string text, string type)
    {
        Assert.Contains((text, type), Found.Value);
    }

    [Fact]
    public void Every_mention_lies_on_token_boundaries_and_does_not_overlap()
    {
        var document = EntityRecognizer.LoadDefault().Process(EntityFixture.Document(Article), TestContext.Current.CancellationToken);
        var previousEnd = 0;
        foreach (var mention in document.Mentions)
        {
            Assert.True(mention.FirstToken >= previousEnd && mention.EndToken > mention.FirstToken);
            Assert.Equal(document.Tokens[mention.FirstToken].Span.Start, mention.Span.Start);
            Assert.Equal(document.Tokens[mention.EndToken - 1].Span.End, mention.Span.End);
            previousEnd = mention.EndToken;
        }
    }
}
