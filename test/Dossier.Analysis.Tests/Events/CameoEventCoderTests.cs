using Dossier.Analysis.Attribution;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Entities;
using Dossier.Analysis.Events;
using Dossier.Analysis.Geoparsing;
using Dossier.Analysis.Linking;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Syntax;
using Dossier.Analysis.Tokenization;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Events;
using Dossier.Text;
using Dossier.Text.Events;

namespace Dossier.Analysis.Tests.Events;

public sealed class CameoEventCoderTests
{
    private static readonly Lazy<Analysis.Pipeline.Pipeline> Full = new(() => Build(KnowledgeBase.Load(KnowledgeBase.DefaultDirectory)));

    private static Analysis.Pipeline.Pipeline Build(KnowledgeBase knowledge)
    {
        var codebook = CameoCodebook.Load(CameoCodebook.DefaultDirectory);
        return new PipelineBuilder()
            .Add(new ParagraphSegmenter(ArticleLayout.Article))
            .Add(new Tokenizer())
            .Add(new SentenceSplitter())
            .Add(new PosTagger())
            .Add(new DependencyParser())
            .Add(EntityRecognizer.LoadDefault())
            .Add(new MentionRefiner(new Lazy<KnowledgeBase>(knowledge)))
            .Add(new EntityLinker(new Lazy<ActorLinker>(new ActorLinker(knowledge))))
            .Add(new Geoparser(new Lazy<PlaceResolver>(new PlaceResolver(Knowledge.Places.Gazetteer.Load(Knowledge.Places.Gazetteer.DefaultPath), knowledge))))
            .Add(new TimeExpressionFinder())
            .Add(new QuoteAttributor())
            .Add(new CameoEventCoder(EventLexicon.Load(CameoCodebook.DefaultDirectory), codebook, knowledge))
            .Build();
    }

    [Fact]
    public void A_users_own_actor_list_codes_its_actors()
    {
        var layer = Directory.CreateTempSubdirectory("dossier-events-");
        try
        {
            File.WriteAllText(Path.Combine(layer.FullName, "actors-mine.tsv"),
                "id\ttype\tcameo\tname\taliases\tcountry\taffiliations\tqid\n"
                + "grp:red-hand\tarmed group\tNGAREB\tRed Hand Brigade\tRed Hand\tNGA\t\t\n");
            var pipeline = Build(KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [layer.FullName]));
            var document = pipeline.Process(new Document("user", "Headline\nStandfirst.\nThe Red Hand Brigade attacked Nigeria on Monday.",
                new DocumentMetadata(Published: new DateOnly(2020, 5, 5))), CancellationToken.None);
            var attacked = Find(document, "attacked");
            Assert.Equal(("grp:red-hand", "NGAREB", "NGA"), (attacked.Source!.ActorId, attacked.Source.Cameo, attacked.Target!.Country));
        }
        finally
        {
            layer.Delete(recursive: true);
        }
    }

    private static readonly Lazy<Document> Seed = new(() => Analyze(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "rt-2017-12-23-isis-afghanistan.txt"))));

    private static Document Analyze(string text) =>
        Full.Value.Process(new Document("test", text, new DocumentMetadata(Outlet: "RT", Published: new DateOnly(2017, 12, 23))), CancellationToken.None);

    private static Document Body(string sentence) => Analyze("Headline\nStandfirst.\n" + sentence);

    private static string Describe(Document document, PoliticalEvent coded) =>
        $"{coded.Source?.Cameo ?? "-"} {coded.Code} {coded.Target?.Cameo ?? "-"} [{document.TextOf(coded.Trigger)}]";

    private static PoliticalEvent Find(Document document, string trigger)
    {
        var found = document.Events.Where(e => document.TextOf(e.Trigger) == trigger).ToList();
        Assert.True(found.Count > 0, $"no event on '{trigger}'; coded: {string.Join("; ", document.Events.Select(e => Describe(document, e)))}");
        return found[0];
    }

    [Fact]
    public void Seed_US_accused_Pakistan()
    {
        var accused = Find(Seed.Value, "accused");
        Assert.Equal("112", accused.Code);
        Assert.StartsWith("USA", accused.Source!.Cameo, StringComparison.Ordinal);
        Assert.StartsWith("PAK", accused.Target!.Cameo, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_US_threatened_Pakistan_through_the_coordinated_subject_and_the_pronoun()
    {
        var threatened = Find(Seed.Value, "threatened");
        Assert.StartsWith("13", threatened.Code, StringComparison.Ordinal);
        Assert.StartsWith("USA", threatened.Source!.Cameo, StringComparison.Ordinal);
        Assert.StartsWith("PAK", threatened.Target!.Cameo, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_Moscow_invited_the_US_to_talks_in_April_2017()
    {
        var invited = Find(Seed.Value, "invited");
        Assert.Equal("036", invited.Code);
        Assert.StartsWith("RUS", invited.Source!.Cameo, StringComparison.Ordinal);
        Assert.StartsWith("USA", invited.Target!.Cameo, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2017, 4, 1), new DateOnly(2017, 5, 1), false), (invited.Date!.Start, invited.Date.End, invited.Date.FromPublication));
        Assert.DoesNotContain(Seed.Value.Events, e => Seed.Value.TextOf(e.Trigger) is "take" or "talks" or "participate");
    }

    [Fact]
    public void Seed_US_declined()
    {
        var declined = Find(Seed.Value, "declined");
        Assert.StartsWith("12", declined.Code, StringComparison.Ordinal);
        Assert.StartsWith("USA", declined.Source!.Cameo, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_Russia_prepared_to_work_with_Washington_is_intent_to_cooperate_claimed_by_Kabulov()
    {
        var prepared = Find(Seed.Value, "prepared");
        Assert.StartsWith("03", prepared.Code, StringComparison.Ordinal);
        Assert.StartsWith("RUS", prepared.Source!.Cameo, StringComparison.Ordinal);
        Assert.StartsWith("USA", prepared.Target!.Cameo, StringComparison.Ordinal);
        Assert.EndsWith("Kabulov", Seed.Value.TextOf(prepared.ClaimedBy!.Value), StringComparison.Ordinal);
    }

    // The parse hangs "and the Syrian Army" under the final full stop rather than coordinating it with the by-agent; the
    // coder must find the stranded conjunct (and the other readings: see the Coordinated_source_* tests).
    [Fact]
    public void Seed_coalition_and_Syrian_Army_pushed_IS_out_one_event_per_source()
    {
        var pushed = Seed.Value.Events.Where(e => Seed.Value.TextOf(e.Trigger) == "pushed").ToList();
        Assert.Equal(2, pushed.Count);
        Assert.All(pushed, e => Assert.StartsWith("19", e.Code, StringComparison.Ordinal));
        Assert.All(pushed, e => Assert.Equal("grp:islamic-state", e.Target!.ActorId));
        Assert.Equal(["SYR", "USA"], pushed.Select(e => e.Source!.Country!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("The rebels were pushed out of the town by operations of the Nigerian army, and the Cameroonian army.")]
    [InlineData("The rebels were pushed out of the town by the Nigerian army and the Cameroonian army.")]
    [InlineData("The Nigerian army and the Cameroonian army pushed the rebels out of the town.")]
    public void Coordinated_source_gives_one_event_per_conjunct_in_every_reading(string sentence)
    {
        var document = Body(sentence);
        var pushed = document.Events.Where(e => document.TextOf(e.Trigger) == "pushed").ToList();
        Assert.True(pushed.Count == 2, string.Join("; ", document.Events.Select(e => Describe(document, e))));
        Assert.Equal(["CMR", "NGA"], pushed.Select(e => e.Source!.Country!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Kenyan police arrested twenty protesters on Monday.", "arrested", "KENCOP")]
    [InlineData("Soldiers attacked a village in Nigeria on Monday.", "attacked", "NGAMIL")]
    [InlineData("Bolivian President Juan Ortega Vidal accused Chile of spying.", "accused", "BOLGOV")]
    public void Generic_and_unknown_actors_take_their_country_from_the_phrase_or_the_document(string sentence, string trigger, string source)
    {
        var document = Body(sentence);
        Assert.Equal(source, Find(document, trigger).Source!.Cameo);
    }

    [Theory]
    [InlineData("rioted", "riot")]
    [InlineData("shelled", "shell")]
    [InlineData("mobilized", "mobilize")]
    [InlineData("stopped", "stop")]
    [InlineData("denies", "deny")]
    public void Regular_inflections_give_the_base_form_among_their_candidates(string word, string lemma)
    {
        Assert.Contains(lemma, CameoEventCoder.Uninflected(word));
    }

    [Fact]
    public void A_verb_the_lemmatiser_gets_wrong_is_still_found_in_the_lexicon()
    {
        var document = Body("Kenyan students rioted in Nairobi on Friday.");
        Assert.Equal("145", Find(document, "rioted").Code);
    }

    [Fact]
    public void The_target_is_the_first_argument_that_names_an_actor()
    {
        var document = Body("Norway offered to hand over the two suspects to Sweden on Monday.");
        var offered = Find(document, "offered");
        Assert.Equal(("NOR", "SWE"), (offered.Source!.Country, offered.Target!.Country));
    }

    [Fact]
    public void An_event_with_nobody_acted_on_has_the_sources_country_as_implicit_target()
    {
        var document = Body("Tunisian farmers began a hunger strike outside the ministry on Monday.");
        var strike = Find(document, "began");
        Assert.Equal("142", strike.Code);
        Assert.Equal(("TUN", "TUN"), (strike.Source!.Country, strike.Target!.Country));
        Assert.EndsWith("+implicit-target", strike.Origin.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_target_is_another_actor_rather_than_the_sources_own_forces()
    {
        var document = Body("Chad offered its troops to Niger on Monday.");
        Assert.Equal("NER", Find(document, "offered").Target!.Country);
    }

    [Theory]
    [InlineData("Protesters marched in Accra, where two people were killed last year.", "killed")]
    [InlineData("The Ghanaian minister resigned as protesters threatened to storm the parliament.", "threatened")]
    public void Background_clauses_are_not_events(string sentence, string background)
    {
        var document = Body(sentence);
        Assert.NotEmpty(document.Events);
        Assert.DoesNotContain(document.Events, e => document.TextOf(e.Trigger) == background);
    }

    [Theory]
    [InlineData("Israel reimposed the blockade on Gaza on Friday.", "reimposed", "191")]
    [InlineData("Norway began the suspension of aid to Eritrea on Monday.", "began", "162")]
    public void Repeated_acts_and_event_nouns_under_light_verbs_are_coded(string sentence, string trigger, string code)
    {
        var document = Body(sentence);
        Assert.Equal(code, Find(document, trigger).Code);
    }

    [Fact]
    public void An_announced_act_is_the_act_not_an_intention()
    {
        var document = Body("Ghana announced on Monday that it had lifted the curfew.");
        Assert.Equal("0813", Find(document, "lifted").Code);
        Assert.DoesNotContain(document.Events, e => e.Code.StartsWith("03", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resignation_is_a_retreat()
    {
        var document = Body("The Peruvian prime minister resigned on Friday.");
        var resigned = Find(document, "resigned");
        Assert.Equal("0831", resigned.Code);
        Assert.Equal("PER", resigned.Source!.Country);
        Assert.Equal("RETREAT", CameoCodebook.Load(CameoCodebook.DefaultDirectory).Get(resigned.Code).PloverEvent);
    }

    [Theory]
    [InlineData("Chad accused the rebels of violating the ceasefire on Sunday.", "accused", "violating")]
    [InlineData("Serbia lifted the curfew in the town where ten people were killed.", "lifted", "killed")]
    [InlineData("Israel rejected French mediation in the talks with Syria.", "rejected", "talks")]
    public void An_event_inside_another_events_arguments_is_not_coded_on_its_own(string sentence, string outer, string inner)
    {
        var document = Body(sentence);
        Find(document, outer);
        Assert.DoesNotContain(document.Events, e => document.TextOf(e.Trigger) == inner);
    }

    [Fact]
    public void Seed_Washington_fighting_the_Taliban()
    {
        var fighting = Find(Seed.Value, "fighting");
        Assert.Equal("190", fighting.Code);
        Assert.StartsWith("USA", fighting.Source!.Cameo, StringComparison.Ordinal);
        Assert.Equal("grp:taliban", fighting.Target!.ActorId);
    }

    [Fact]
    public void Seed_may_be_underestimating_and_failing_to_fight_are_not_events()
    {
        Assert.DoesNotContain(Seed.Value.Events, e => Seed.Value.TextOf(e.Trigger) is "underestimating" or "fight" or "ramps");
    }

    [Fact]
    public void Negation_is_flagged()
    {
        var document = Body("Russia did not attack Ukraine on Monday.");
        var attack = Find(document, "attack");
        Assert.True(attack.Negated);
        Assert.Equal(("RUS", "UKR"), (attack.Source!.Country, attack.Target!.Country));
    }

    [Theory]
    [InlineData("Russia may attack Ukraine next year.")]
    [InlineData("If Russia attacks Ukraine, the West will respond.")]
    public void Hypothetical_and_conditional_clauses_are_not_events(string sentence) =>
        Assert.DoesNotContain(Body(sentence).Events, e => e.Code.StartsWith("19", StringComparison.Ordinal));

    [Theory]
    [InlineData("Gunmen attempted to assassinate the Kenyan interior minister on Friday.", "assassinate", "186")]
    [InlineData("Rebels tried to storm the presidential palace in Bangui on Monday.", "storm", "190")]
    public void An_attempt_at_force_is_the_act(string sentence, string trigger, string code)
    {
        var document = Body(sentence);
        var coded = Find(document, trigger);
        Assert.Equal(code, coded.Code);
        Assert.EndsWith("+attempt", coded.Origin.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The Kenyan government tried to win support from Uganda.", "win")]
    [InlineData("The Kenyan government tried to sign a trade agreement with Uganda.", "sign")]
    [InlineData("The Kenyan army failed to capture the town from the rebels.", "capture")]
    public void An_attempt_at_anything_but_force_and_a_failure_are_not_events(string sentence, string trigger)
    {
        var document = Body(sentence);
        Assert.DoesNotContain(document.Events, e => document.TextOf(e.Trigger) == trigger);
    }

    [Fact]
    public void A_possible_hostile_act_under_a_condition_is_a_threat()
    {
        var document = Body("Norway may suspend its aid to Eritrea if the fighting continues.");
        var suspend = Find(document, "suspend");
        Assert.Equal(("1311", "NOR", "ERI"), (suspend.Code, suspend.Source!.Country, suspend.Target!.Country));
        Assert.DoesNotContain(Body("Norway may suspend its aid to Eritrea.").Events, e => e.Code.StartsWith('1'));
    }

    [Fact]
    public void Of_a_split_subject_the_part_that_holds_the_name_is_the_source()
    {
        // The parse splits the title off as a passive subject and the first name as an object of "declined".
        var document = Body("Vice-President Moody Kamau has declined to step down.");
        var declined = Find(document, "declined");
        Assert.StartsWith("12", declined.Code, StringComparison.Ordinal);
        Assert.Contains("Kamau", document.TextOf(declined.Source!.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kenya complained to the United Nations over Ugandan air raids on its border towns.", "complained", "UGA")]
    [InlineData("Ghana is investigating alleged abuses by Ghanaian police against Togolese traders.", "investigating", "GHA")]
    [InlineData("Kenya is investigating killings by Ugandan soldiers in the border region.", "investigating", "UGA")]
    public void A_complaint_or_investigation_targets_whom_it_is_about(string sentence, string trigger, string target)
    {
        var document = Body(sentence);
        Assert.Equal(target, Find(document, trigger).Target!.Country);
    }

    [Fact]
    public void A_complaint_with_the_actor_as_object_or_passive_subject_keeps_it()
    {
        var document = Body("Kenya accused Uganda of abuses against Sudanese refugees.");
        Assert.Equal("UGA", Find(document, "accused").Target!.Country);
    }

    [Fact]
    public void The_target_may_sit_in_nested_purpose_clauses()
    {
        var document = Body("Norway is willing to send medical supplies to help rebuild Kenya.");
        Assert.Equal(("NOR", "KEN"), (Find(document, "willing").Source!.Country, Find(document, "willing").Target!.Country));
    }

    [Theory]
    [InlineData("The Hizbollah (Party of God) movement declared a truce on Monday.", "declared", "grp:hezbollah")]
    [InlineData("European Community foreign ministers condemned the Ugandan attack on Kenya.", "condemned", "igo:eu")]
    public void An_organisation_the_knowledge_base_knows_is_found_by_its_name_in_the_phrase(string sentence, string trigger, string actor)
    {
        var document = Body(sentence);
        Assert.Equal(actor, Find(document, trigger).Source!.ActorId);
    }

    [Theory]
    [InlineData("The Kenyan army prepared to resume shelling rebel positions near the border.", "prepared", "150", "MOBILIZE")]
    [InlineData("The Kenyan army prepared to resume the shelling of rebel positions.", "prepared", "150", "MOBILIZE")]
    [InlineData("Nigerian troops remained on alert in the northern city of Kano on Sunday.", "remained", "152", "MOBILIZE")]
    [InlineData("Kenya and Uganda signed a treaty of friendship on Monday.", "signed", "057", "SUPPORT")]
    public void Readiness_alerts_and_signed_treaties_code_as_their_PLOVER_types(string sentence, string trigger, string code, string plover)
    {
        var document = Body(sentence);
        var coded = Find(document, trigger);
        Assert.Equal(code, coded.Code);
        Assert.Equal(plover, CameoCodebook.Load(CameoCodebook.DefaultDirectory).Get(coded.Code).PloverEvent);
    }

    [Fact]
    public void Getting_ready_for_anything_but_force_is_an_intention()
    {
        var document = Body("Kenya is prepared to negotiate with Uganda over the border.");
        Assert.StartsWith("03", Find(document, "prepared").Code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The United Nations on Tuesday reduced food aid to the camps in Kenya.", "reduced", "162", "IGOUNO")]
    [InlineData("Kenyan troops fired shells at targets in Kismayo on Monday.", "fired", "190", "KENMIL")]
    public void A_clause_the_parse_read_as_a_noun_phrase_is_still_coded(string sentence, string trigger, string code, string source)
    {
        // The parse takes the verb for an adjective on its object ("reduced food aid", "fired shells").
        var document = Body(sentence);
        var coded = Find(document, trigger);
        Assert.Equal((code, source), (coded.Code, coded.Source!.Cameo));
    }

    [Fact]
    public void A_resolved_place_without_an_actor_stands_for_its_country()
    {
        var document = Body("Kenyan troops fired shells at targets in Kismayo on Monday.");
        Assert.Equal("SOM", Find(document, "fired").Target!.Country);
    }

    [Fact]
    public void Repairing_misread_clauses_leaves_a_real_participle_alone()
    {
        var document = Body("The arrested protesters were released on Monday.");
        Assert.DoesNotContain(document.Events, e => document.TextOf(e.Trigger) == "arrested");
    }

    [Theory]
    [InlineData("A Kenyan minister threatened today to expel the Ugandan ambassador.", "threatened", "KENGOV")]
    [InlineData("The Ugandan rebel group issued a statement demanding that the Kenyan government release its fighters.", "demanding", "UGAREB")]
    public void The_source_is_found_behind_a_bare_noun_phrase_or_an_issued_statement(string sentence, string trigger, string source)
    {
        var document = Body(sentence);
        Assert.Equal(source, Find(document, trigger).Source!.Cameo);
    }

    [Fact]
    public void Passive_with_a_by_agent_swaps_source_and_target()
    {
        var document = Body("Pakistan was criticized by India on Tuesday.");
        var criticized = Find(document, "criticized");
        Assert.Equal(("111", "IND", "PAK"), (criticized.Code, criticized.Source!.Country, criticized.Target!.Country));
    }

    [Fact]
    public void Coordinated_verbs_share_their_subject()
    {
        var document = Body("Iran condemned Israel and threatened Saudi Arabia.");
        Assert.Equal("IRN", Find(document, "condemned").Source!.Country);
        Assert.Equal("IRN", Find(document, "threatened").Source!.Country);
        Assert.Equal("SAU", Find(document, "threatened").Target!.Country);
    }

    [Fact]
    public void Nominal_events_with_a_named_actor_are_coded()
    {
        var document = Body("Turkey's attack on Syria drew wide condemnation.");
        var attack = Find(document, "attack");
        Assert.Equal(("190", "TUR", "SYR"), (attack.Code, attack.Source!.Country, attack.Target!.Country));
    }

    [Fact]
    public void Light_verbs_take_the_code_of_their_event_noun()
    {
        var document = Body("Egypt and Jordan held talks in Cairo on Sunday.");
        Assert.Equal("046", Find(document, "held").Code);
    }

    [Fact]
    public void Events_inside_quotes_are_claimed_by_the_speaker()
    {
        var document = Body("“China has threatened Taiwan,” the Japanese defence minister said.");
        var threatened = Find(document, "threatened");
        Assert.NotNull(threatened.ClaimedBy);
    }

    [Theory]
    [InlineData("Tuesday the Kenyan parliament approved a new electoral law.", "approved", "KEN")]
    [InlineData("A senior U.S. official today criticized Kenya's handling of the election.", "criticized", "USA")]
    [InlineData("The Kenyan Union of Nurses announced on Monday that it has called off a strike.", "called", "KEN")]
    [InlineData("Five hundred Malian rebels surrendered last week in the northern town of Kidal, a local official said.", "surrendered", "MLI")]
    [InlineData("Doctors from two Swedish charities donated and delivered medicine to a hospital in Gaza.", "donated", "SWE")]
    public void The_source_survives_common_misparses(string sentence, string trigger, string country)
    {
        // A bare day taken for a subject, a noun phrase coordinated with its verb, a pronoun subject of a reported
        // clause, and a participle clause on a noun that stands where the main clause belongs.
        var document = Body(sentence);
        var coded = document.Events.Where(e => document.TextOf(e.Trigger) == trigger).ToList();
        Assert.True(coded.Count == 1, string.Join("; ", document.Events.Select(e => Describe(document, e))));
        Assert.Equal(country, coded[0].Source?.Country);
    }

    [Fact]
    public void A_person_the_knowledge_base_does_not_know_takes_the_documents_main_country()
    {
        var document = Body("Lt. Col. Amadou Sanogo resigned yesterday to allow Mali's first free elections to take place.");
        var resigned = Find(document, "resigned");
        Assert.Equal(("0831", "MLI"), (resigned.Code, resigned.Source?.Country));
    }

    [Theory]
    [InlineData("The Kenyan president resigned on Sunday as the opposition threatened to storm the parliament.", "threatened")]
    [InlineData("Kenya complained to the United Nations over two Ugandan raids in which it said ten people were killed or wounded.", "wounded")]
    [InlineData("Chad expelled the French ambassador after Nigerian officials alleged that he had funded the rebels.", "alleged")]
    [InlineData("The Malian army declared a state of emergency in Mali on Friday, suspending the constitution and arresting opposition leaders.", "suspending")]
    [InlineData("The Malian army declared a state of emergency in Mali on Friday, suspending the constitution and arresting opposition leaders.", "arresting")]
    public void Circumstances_of_another_event_are_not_events_of_their_own(string sentence, string background)
    {
        // Adverbial clauses the parse left without their subordinator, conjuncts inside a relative clause, and
        // participial adverbials describe the sentence's event; the gold codes one event per such sentence.
        var document = Body(sentence);
        Assert.NotEmpty(document.Events);
        Assert.DoesNotContain(document.Events, e => document.TextOf(e.Trigger) == background);
    }

    [Fact]
    public void A_non_restrictive_relative_on_a_person_describes_them_and_is_no_event()
    {
        var described = Body("Thousands gathered in Kampala to hear the Ugandan president, who has refused to meet opposition leaders.");
        Assert.DoesNotContain(described.Events, e => described.TextOf(e.Trigger) == "refused");
        var restricted = Body("Thousands gathered in Kampala to hear the Ugandan president who has refused to meet opposition leaders.");
        Assert.Equal("125", Find(restricted, "refused").Code);
    }

    [Fact]
    public void A_meeting_without_a_counterpart_is_no_consultation()
    {
        var alone = Body("Kenya's cabinet met on Sunday and approved the budget.");
        Assert.DoesNotContain(alone.Events, e => e.Code.StartsWith("04", StringComparison.Ordinal));
        var together = Body("Kenya's foreign minister met his Ugandan counterpart on Sunday.");
        Assert.Equal(("040", "UGA"), (Find(together, "met").Code, Find(together, "met").Target?.Country));
    }

    [Theory]
    [InlineData("The Kenyan government ordered the newspaper to suspend publication for a month.", "ordered", "172")]
    [InlineData("The police dispersed the protesters with tear gas in Nairobi.", "dispersed", "175")]
    public void Coercion_by_authorities_is_coded_as_coercion(string sentence, string trigger, string code)
    {
        var document = Body(sentence);
        Assert.Equal(code, Find(document, trigger).Code);
    }

    [Fact]
    public void A_place_link_without_a_code_does_not_hide_the_demonym_behind_it()
    {
        var document = Body("Druze inhabitants of the Syrian Golan Heights staged a strike on Monday.");
        Assert.Equal("SYR", Find(document, "staged").Source?.Country);
    }

    [Theory]
    [InlineData("Settlers set fire to a Palestinian school on Sunday.", "set", "1712")]
    [InlineData("The United Nations reiterated its demand that Israel lift the blockade of Gaza.", "reiterated", "100")]
    public void Phrasal_and_repeated_acts_are_coded(string sentence, string trigger, string code)
    {
        var document = Body(sentence);
        Assert.Equal(code, Find(document, trigger).Code);
    }

    [Theory]
    [InlineData("04", PredicateFrameName.Intent, "036")]
    [InlineData("190", PredicateFrameName.Intent, "138")]
    [InlineData("0874", PredicateFrameName.Demand, "1056")]
    [InlineData("072", PredicateFrameName.Appeal, "0232")]
    [InlineData("046", PredicateFrameName.Reject, "125")]
    [InlineData("194", PredicateFrameName.Prepare, "150")]
    [InlineData("060", PredicateFrameName.Prepare, "031")]
    public void Complement_frames_recode_along_CAMEO_parallels(string code, PredicateFrameName frame, string expected) =>
        Assert.Equal(expected, CameoEventCoder.Recode((PredicateFrame)frame, code));

    /// <summary>Mirrors <see cref="PredicateFrame"/> so xunit can show the cases by name.</summary>
    public enum PredicateFrameName
    {
        Verb = PredicateFrame.Verb,
        Noun = PredicateFrame.Noun,
        Intent = PredicateFrame.Intent,
        Demand = PredicateFrame.Demand,
        Appeal = PredicateFrame.Appeal,
        Reject = PredicateFrame.Reject,
        Prepare = PredicateFrame.Prepare,
    }
}
