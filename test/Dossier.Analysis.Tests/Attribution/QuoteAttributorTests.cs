using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Analysis.Tests.Attribution;

public sealed class QuoteAttributorTests
{
    private static Document Analyze(string text, ArticleLayout layout = ArticleLayout.Plain) =>
        new PipelineBuilder()
            .Add(new ParagraphSegmenter(layout))
            .Add(new Tokenizer())
            .Add(new SentenceSplitter())
            .Add(new QuoteAttributor())
            .Build()
            .Process(new Document("test", text));

    private static string Describe(Document document, Quote quote) =>
        $"{Text(document, quote.Speaker)} | {Text(document, quote.Source)} | {Text(document, quote.Cue)} | {Text(document, quote.Channel)} | {quote.Kind} | {document.TextOf(quote.Content)}";

    private static string Text(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : "-";

    [Theory]
    [InlineData("Kabulov said Moscow was prepared to work with Washington.", "Kabulov | Kabulov | said | - | Indirect | Moscow was prepared to work with Washington")]
    [InlineData("The fighters fled to Afghanistan, Zamir Kabulov, the head of the department, said.", "Zamir Kabulov | Zamir Kabulov, the head of the department | said | - | Indirect | The fighters fled to Afghanistan")]
    [InlineData("The group is growing fast, said Zamir Kabulov.", "Zamir Kabulov | Zamir Kabulov | said | - | Indirect | The group is growing fast")]
    [InlineData("The group is growing fast, according to Zamir Kabulov.", "Zamir Kabulov | Zamir Kabulov | according to | - | Indirect | The group is growing fast")]
    [InlineData("Zamir Kabulov said that more fighters had arrived in the north, according to RIA Novosti.", "Zamir Kabulov | Zamir Kabulov | said | RIA Novosti | Indirect | more fighters had arrived in the north")]
    [InlineData("According to TASS, the talks will resume in April.", "TASS | TASS | According to | - | Indirect | the talks will resume in April")]
    [InlineData("“The threat is real,” Zamir Kabulov told RIA Novosti.", "Zamir Kabulov | Zamir Kabulov | told | RIA Novosti | Direct | “The threat is real,”")]
    [InlineData("Zamir Kabulov said: “The threat is real.”", "Zamir Kabulov | Zamir Kabulov | said | - | Direct | “The threat is real.”")]
    [InlineData("Rep. Gwen Moore (D-Wis.) said “It’s a dog whistle to all Americans.”", "Gwen Moore | Rep. Gwen Moore (D-Wis.) | said | - | Direct | “It’s a dog whistle to all Americans.”")]
    [InlineData("He said that, if elected, he would leave such decisions to commanders.", "- | He | said | - | Indirect | if elected, he would leave such decisions to commanders")]
    [InlineData("“Subpoenas are not a suggestion,” Rep. Ann Lee (R-Ohio) said.", "Ann Lee | Rep. Ann Lee (R-Ohio) | said | - | Direct | “Subpoenas are not a suggestion,”")]
    [InlineData("“Why would anyone vote for this budget?” Lee asked.", "Lee | Lee | asked | - | Direct | “Why would anyone vote for this budget?”")]
    [InlineData("“We will keep the library open all summer,” she continued.", "- | she | continued | - | Direct | “We will keep the library open all summer,”")]
    public void Attributes_newswire_patterns(string text, string expected)
    {
        var document = Analyze(text);
        Assert.Equal(expected, Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void Attributes_a_quotation_signed_with_a_dash_to_the_name_after_it()
    {
        var document = Analyze("Readers wrote in after the debate.\n\n“The plan will not work. Nobody believes it.” ― Jane Roe\n\n“We need new ideas.” ― Tom Poe");
        Assert.Equal(
            ["Jane Roe | Jane Roe | ― | - | Direct | “The plan will not work. Nobody believes it.”", "Tom Poe | Tom Poe | ― | - | Direct | “We need new ideas.”"],
            document.Quotes.Select(quote => Describe(document, quote)));
    }

    [Fact]
    public void A_cue_ending_the_paragraph_before_a_quotation_attributes_it()
    {
        var document = Analyze("The council met on Monday.\n\nJane Roe continued:\n\n“The bridge will be finished before the winter, whatever the council decides.”");
        Assert.Equal(
            "Jane Roe | Jane Roe | continued | - | Direct | “The bridge will be finished before the winter, whatever the council decides.”",
            Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_sentence_after_a_question_that_says_more_than_the_cue_is_not_its_cue()
    {
        var document = Analyze("“Is the bridge plan dead?” Lee said the council would vote on the plan again next week.");
        Assert.DoesNotContain(document.Quotes, quote => quote.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void A_quotation_inside_another_sentence_does_not_continue_the_previous_speaker()
    {
        var document = Analyze("Jane Roe said: “The bridge will open in May.”\n\nCouncil members called the plan “a reckless waste of public money, start to finish.”");
        Assert.DoesNotContain(document.Quotes, quote => quote.Origin.Rule == "direct/continuation");
    }

    [Fact]
    public void Attributes_each_turn_of_a_transcript_to_the_speaker_in_capitals()
    {
        var document = Analyze("The interview ran on Sunday.\n\nHOST: Will the library stay open this summer?\n\nROE: It will stay open, and two reading rooms will open in May.");
        Assert.Equal(
            ["HOST | Direct | Will the library stay open this summer?", "ROE | Direct | It will stay open, and two reading rooms will open in May."],
            document.Quotes.Select(quote => $"{Text(document, quote.Source)} | {quote.Kind} | {document.TextOf(quote.Content)}"));
    }

    [Fact]
    public void A_plain_text_title_with_a_name_and_a_colon_is_attributed()
    {
        var document = Analyze("Senator Ann Lee: Budget cuts will close two libraries\n\nThe city council meets on Monday.");
        Assert.Equal("Ann Lee | Senator Ann Lee | : | - | Indirect | Budget cuts will close two libraries", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_colon_after_the_title_is_not_a_headline_attribution_further_down()
    {
        var document = Analyze("Council meets\n\nThe agenda: budget cuts and two new libraries for the north of the city.");
        Assert.Empty(document.Quotes);
    }

    [Theory]
    [InlineData("The letter was first reported by The Washington Post on Monday.")]
    [InlineData("An attorney did not immediately respond to requests for comment.")]
    [InlineData("She was a “great” friend.")]
    public void Finds_no_attribution_where_there_is_none(string text) =>
        Assert.Empty(Analyze(text).Quotes);

    [Fact]
    public void Marks_reported_speech_with_a_quoted_phrase_as_mixed()
    {
        var document = Analyze("The Post said that her team wanted to “keep the details under wraps,” in the end.");
        Assert.Equal(QuoteKind.Mixed, Assert.Single(document.Quotes).Kind);
    }

    [Fact]
    public void Seed_article_quotes_are_found_and_attributed_to_Kabulov()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt"));
        var document = Analyze(text, ArticleLayout.Article);
        var quotes = document.Quotes.Select(quote => Describe(document, quote)).ToList();
        string[] expected =
        [
            "Moscow | Moscow | – | - | Indirect | ISIS has over 10,000 fighters in Afghanistan, more arriving from Syria & Iraq",
            "Zamir Kabulov | Russia’s special envoy | says | - | Indirect | The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan, and Moscow believes the US may be underestimating their threat",
            "Moscow | Moscow | believes | - | Indirect | the US may be underestimating their threat",
            "Zamir Kabulov | Zamir Kabulov, the head of the Middle East department in the Russian Foreign Ministry | said | - | Indirect | Many of the IS fighters who fled those countries ended up in Afghanistan, where the terrorist group has as many as 10,000 troops at the moment",
            "Zamir Kabulov | he | told | RIA Novosti | Direct | “Russia was among the first nations to ring alarm about the expansion of IS into Afghanistan,”",
            "Zamir Kabulov | he | told | RIA Novosti | Direct | “Lately IS has boosted its presence in the country. Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow. That includes new fighters with combat experience received in Syria and Iraq.”",
            "Zamir Kabulov | Kabulov | added | - | Indirect | IS forces are strongest in the north of Afghanistan on the border with Tajikistan and Turkmenistan – a point of concern for Russia, which has close historic ties with both nations",
            "Zamir Kabulov | Kabulov | stressed | - | Direct | “IS goals are definitely to expand its influence outside of Afghanistan, which they use as a staging ground. This poses a significant security threat for Central Asia and southern parts of Russia,”",
            "Zamir Kabulov | The diplomat | said | - | Indirect | Russia and the US have a difference of opinion about how big a threat IS poses in Afghanistan and Central Asia",
            "Zamir Kabulov | he | said | - | Indirect | Washington, he said, is focused on fighting the Taliban and is in the process of alienating other nations in the region, which America criticizes for failing to put enough pressure on the militant movement, while overlooking its own failures",
            "Zamir Kabulov | Kabulov | said | - | Direct | “Considering the realities on the ground, which is that the Taliban controls half of the country, one can ask the question: does the US pull its weight? Russia stands for cooperation with international partners based on equality and which takes into account national interests of all nations of the region,”",
            "Zamir Kabulov | Kabulov | said | - | Indirect | Moscow was prepared to work together with Washington to foster stability in Afghanistan",
            "Zamir Kabulov | Kabulov | said | - | Indirect | it was America’s decision to stop such cooperation, not Russia’s",
        ];
        Assert.Equal(expected, quotes);
        Assert.All(document.Quotes, quote => Assert.Equal("quotes", quote.Origin.Component));
    }
}
