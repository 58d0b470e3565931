using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Text;
using Dossier.Text.Attribution;

namespace Dossier.Analysis.Tests.Attribution;

/// <summary>The rules that read the dependency parse: sources from the subject phrase, the clausal and actor sieves.</summary>
public sealed class ParsedAttributionTests
{
    private static readonly Lazy<Analysis.Pipeline.Pipeline> Parsing = new(() => new PipelineBuilder()
        .Add(new ParagraphSegmenter(ArticleLayout.Plain))
        .Add(new Tokenizer())
        .Add(new SentenceSplitter())
        .Add(new PosTagger())
        .Add(new DependencyParser())
        .Add(new QuoteAttributor())
        .Build());

    private static Document Analyze(string text) => Parsing.Value.Process(new Document("t", text), TestContext.Current.CancellationToken);

    private static string Describe(Document document, Quote quote) =>
        $"{Text(document, quote.Source)} | {Text(document, quote.Cue)} | {quote.Origin.Rule} | {document.TextOf(quote.Content)}";

    private static string Text(Document document, TextSpan? span) => span is { } value ? document.TextOf(value) : "-";

    private static Quote QuoteWithCue(Document document, string cue) =>
        Assert.Single(document.Quotes, quote => quote.Cue is { } span && document.TextOf(span) == cue);

    [Fact]
    public void The_source_is_the_subject_phrase_without_its_relative_clause()
    {
        var document = Analyze("The governor of the northern province, who spoke after the vote, said the budget would pass next week.");
        Assert.Equal("The governor of the northern province", Text(document, QuoteWithCue(document, "said").Source));
    }

    [Fact]
    public void A_participle_without_a_subject_takes_the_subject_of_the_verb_it_hangs_on()
    {
        var document = Analyze("The mayor left the meeting early, saying the council had failed the city.");
        Assert.Equal("The mayor", Text(document, QuoteWithCue(document, "saying").Source));
    }

    [Fact]
    public void A_verb_outside_the_lexicon_with_a_clause_and_a_personal_subject_attributes_the_clause()
    {
        var document = Analyze("The senator figures the bill will pass before the summer recess.");
        Assert.Equal("The senator | figures | parse/ccomp | the bill will pass before the summer recess", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void What_a_pronoun_subject_floats_is_attributed_to_it()
    {
        var document = Analyze("He floated a plan to cut the sales tax by half.");
        Assert.Equal("He | floated | parse/actor | a plan to cut the sales tax by half", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_noun_of_saying_with_a_that_clause_attributes_the_clause_to_its_possessor()
    {
        var document = Analyze("The engineers studied the mayor's claim that the bridge would pay for itself.");
        Assert.Equal("the mayor's | claim | parse/nominal | that the bridge would pay for itself",
            Describe(document, QuoteWithCue(document, "claim")));
    }

    [Fact]
    public void A_common_noun_for_a_group_can_be_the_actor()
    {
        var document = Analyze("The committee floated a plan to cut the sales tax by half.");
        Assert.Equal("The committee | floated | parse/actor | a plan to cut the sales tax by half", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_stance_adjective_after_be_attributes_what_it_governs_to_the_subject()
    {
        var document = Analyze("The senator has been critical of the new toll on the bridge.");
        Assert.Equal("The senator | critical | parse/predicate | the new toll on the bridge", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_controlled_stance_verb_takes_the_subject_of_the_verb_it_hangs_on()
    {
        var document = Analyze("The mayor avoided criticizing the new toll on the bridge.");
        Assert.Equal("The mayor | criticizing | parse/stance | the new toll on the bridge", Describe(document, QuoteWithCue(document, "criticizing")));
    }

    [Fact]
    public void A_passive_stance_verb_attributes_its_subject_to_the_agent()
    {
        var document = Analyze("The new toll was criticized by the city council.");
        Assert.Equal("the city council | criticized | parse/passive | The new toll", Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_relative_pronoun_subject_is_the_source_as_PolNeAR_marks_it()
    {
        var document = Analyze("The plan was drawn up by the mayor, who said the bridge would pay for itself.");
        Assert.Equal("who", Text(document, QuoteWithCue(document, "said").Source));
    }

    [Theory]
    [InlineData("He moved to Virginia with his family in 2010.")]
    [InlineData("She bought a small farm near the river.")]
    [InlineData("The city remains under a state of emergency.")]
    public void Verbs_of_action_are_not_attributions(string text) => Assert.Empty(Analyze(text).Quotes);

    [Fact]
    public void Verbs_inside_a_quotation_are_not_attributed_again()
    {
        var document = Analyze("“We floated a plan to cut the sales tax by half and nobody listened,” she said.");
        Assert.Equal("she | said | direct/cue-after", string.Join(" | ", Describe(document, Assert.Single(document.Quotes)).Split(" | ")[..3]));
    }
    [Fact]
    public void An_age_between_the_speaker_and_the_cue_does_not_hide_the_cue()
    {
        var document = Analyze("“We will not stop until the plant is closed,” Jane Roe, 34, said on Sunday.");
        var quote = Assert.Single(document.Quotes);
        Assert.Equal("said | direct/cue-after", string.Join(" | ", Describe(document, quote).Split(" | ")[1..3]));
        Assert.StartsWith("Jane Roe", Text(document, quote.Source), StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_cue_followed_by_a_time_and_an_adverbial_clause_is_post_posed()
    {
        var document = Analyze("The new toll is an insult to every commuter in the county, two council members said on Friday, as they left the chamber.");
        Assert.Equal("two council members | said | indirect/postposed | The new toll is an insult to every commuter in the county",
            Describe(document, QuoteWithCue(document, "said")));
    }
    [Fact]
    public void A_stance_participle_modifying_a_noun_attributes_to_that_noun()
    {
        var document = Analyze("The council sent residents a letter opposing the new toll on the bridge.");
        Assert.Equal("a letter | opposing | parse/stance | the new toll on the bridge", Describe(document, QuoteWithCue(document, "opposing")));
    }
    [Theory]
    [InlineData("The mayor laid out a plan to rebuild the old bridge.", "The mayor | laid out | parse/stance | a plan to rebuild the old bridge")]
    [InlineData("The senator went after the mayor over the toll.", "The senator | went after | parse/stance | the mayor over the toll")]
    public void A_phrasal_verb_of_stance_attributes_what_follows_its_particle(string text, string expected)
    {
        var document = Analyze(text);
        Assert.Equal(expected, Describe(document, Assert.Single(document.Quotes)));
    }

    [Fact]
    public void A_gerund_clause_after_a_preposition_is_what_the_stance_verb_is_about()
    {
        var document = Analyze("The council called for cutting the toll on the bridge.");
        Assert.Equal("The council | called for | parse/stance | cutting the toll on the bridge", Describe(document, Assert.Single(document.Quotes)));
    }
    [Fact]
    public void A_noun_of_stance_attributes_its_about_phrase_to_the_subject_of_the_verb_it_is_the_object_of()
    {
        var document = Analyze("The agency has questions about the cost of the new bridge.");
        Assert.Equal("The agency | questions about | parse/nominal | the cost of the new bridge", Describe(document, Assert.Single(document.Quotes)));
    }
    [Fact]
    public void A_participle_on_a_text_someone_issued_speaks_for_the_issuer()
    {
        var document = Analyze("The union issued a statement opposing the new toll on the bridge.");
        Assert.Equal("The union | opposing | parse/stance | the new toll on the bridge", Describe(document, QuoteWithCue(document, "opposing")));
    }

    [Fact]
    public void A_participle_on_a_text_someone_only_read_does_not_speak_for_the_reader()
    {
        var document = Analyze("Residents read a report opposing the new toll on the bridge.");
        Assert.Equal("a report", Text(document, QuoteWithCue(document, "opposing").Source));
    }
}
