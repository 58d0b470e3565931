using System.Collections.Frozen;

namespace Dossier.Analysis.Attribution;

/// <summary>
/// Verbs that introduce reported speech or thought, by inflected form. Written for English news from
/// the verbs that attribute statements in wire copy ("said", "told", "added", "stressed", "warned",
/// "according to" is handled as a phrase). Forms are matched case-insensitively.
/// </summary>
internal static class ReportingCues
{
    private static readonly string[] Lemmas =
    [
        "say", "tell", "add", "stress", "warn", "claim", "insist", "believe", "note", "explain", "argue", "state",
        "announce", "report", "write", "tweet", "acknowledge", "admit", "deny", "suggest", "reply", "respond", "ask",
        "urge", "predict", "estimate", "allege", "confirm", "declare", "maintain", "mention", "recall", "remark",
        "reveal", "testify", "assert", "contend", "concede", "complain", "caution", "emphasize", "emphasise", "indicate",
        "comment", "conclude", "observe", "think", "argue", "promise", "vow", "pledge", "agree", "disclose", "point",
        "underline", "underscore", "reiterate", "repeat", "question", "wonder", "speculate", "charge", "boast", "joke",
        "quip", "counter", "retort", "acknowledge", "predict", "forecast", "signal", "hint", "assure", "inform",
        // Verbs that take a reported clause. Verbs that take an object instead ("accused Islamabad of …",
        // "criticized", "praised") are events, coded by the event coder, not quotes.
        "propose", "recommend", "insist", "complain", "fear", "hope", "worry", "expect", "lament", "concede", "contend",
        "speculate", "guess", "suspect", "doubt",
    ];

    /// <summary>Irregular or spelling-changing forms, each with its lemma.</summary>
    private static readonly (string Form, string Lemma)[] Irregular =
    [
        ("said", "say"), ("says", "say"), ("saying", "say"), ("told", "tell"), ("tells", "tell"), ("telling", "tell"),
        ("wrote", "write"), ("written", "write"), ("writes", "write"), ("writing", "write"), ("thought", "think"),
        ("thinks", "think"), ("thinking", "think"), ("denied", "deny"), ("denies", "deny"), ("denying", "deny"),
        ("replied", "reply"), ("replies", "reply"), ("replying", "reply"), ("testified", "testify"), ("testifies", "testify"),
        ("testifying", "testify"), ("stressed", "stress"), ("stresses", "stress"), ("stressing", "stress"),
        ("admitted", "admit"), ("admits", "admit"), ("admitting", "admit"), ("quipped", "quip"), ("quips", "quip"),
        ("quipping", "quip"), ("vowed", "vow"), ("vows", "vow"), ("vowing", "vow"),
    ];

    /// <summary>Reporting forms that are not speech when they head a noun phrase or mean something else.</summary>
    private static readonly FrozenSet<string> Excluded = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "point", "points", "report", "reports", "question", "questions", "charge", "charges", "counter", "signal",
        "signals", "hint", "hints", "state", "states", "estimate", "estimates", "forecast", "forecasts", "comment",
        "comments", "promise", "promises", "pledge", "pledges", "claim", "claims", "joke", "jokes", "note", "notes",
        "repeat", "observe", "maintain", "inform", "think", "thinking", "agree", "agreed", "agrees", "ask", "asks",
        "concluded", "conclude");

    private static readonly FrozenDictionary<string, string> FormsToLemma = BuildForms();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        FormsToLemma.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Lemmas that attribute a clausal complement when the parse shows one ("the poll shows that …",
    /// "officials found that …", "she thinks the plan will fail"): the speech verbs above plus verbs of
    /// cognition and evidence whose inflected forms are too ambiguous to trust without a parse.
    /// </summary>
    private static readonly FrozenSet<string> ClausalLemmas = FrozenSet.Create(StringComparer.Ordinal,
        [.. Lemmas, "show", "find", "think", "feel", "know", "realize", "realise", "learn", "hear", "agree", "conclude", "ask",
            "indicate", "reveal", "suggest", "demonstrate", "prove", "signal", "hint", "estimate", "report", "state", "claim",
            "note", "observe", "maintain", "inform", "question", "answer", "promise", "pledge", "vow", "threaten", "predict"]);

    /// <summary>
    /// Lemmas of evaluation, intention, support and evidence that attribute a view even without a clausal complement
    /// ("called it a disaster", "wants a wall", "criticized the ruling", "the poll shows a lead"). Written for Dossier
    /// from the kinds of attribution news analysis counts (PolNeAR's guidelines include cognition and evaluation);
    /// verbs that mostly describe physical action ("attack", "hit") and acts between actors ("accuse", "threaten",
    /// "decline": events for the event coder) are left out.
    /// </summary>
    private static readonly FrozenSet<string> StanceLemmas = FrozenSet.Create(StringComparer.Ordinal,
        "call", "criticize", "criticise", "condemn", "praise", "cite", "want", "support", "oppose", "reject", "blame",
        "describe", "defend", "demand", "urge", "welcome", "dismiss", "endorse", "applaud", "slam", "deny", "pledge",
        "promise", "vow", "refuse", "propose", "recommend", "question", "challenge", "liken",
        "characterize", "characterise", "label", "brand", "dub", "hail", "echo", "reiterate", "emphasize", "emphasise",
        "highlight", "show", "find", "reveal", "indicate", "document", "estimate", "predict", "expect", "fear", "favor",
        "favour", "prefer", "back", "seek", "acknowledge", "lament", "decry", "blast", "fault", "tout", "laud",
        "credit", "concede", "dispute", "doubt", "rule", "rate", "announce", "confirm",
        // Agreement, plans and views ("agreed to lend", "plans to veto", "views the deal as a mistake").
        "agree", "plan", "intend", "bemoan", "denounce", "champion", "view", "consider", "regard", "mock", "ridicule",
        "celebrate", "embrace", "lambaste", "assail", "chide", "scold", "rebuke", "warn", "vow", "insist", "pitch", "push",
        "advocate", "promote", "pledge", "tout", "recommend", "discuss", "address", "raise");

    /// <summary>
    /// Verbs of possession, motion, routine action and life events: what an actor does with them ("took over the mines",
    /// "moved to Virginia", "filed for bankruptcy", "met the executives") is an event, not a view it holds.
    /// </summary>
    private static readonly FrozenSet<string> ActionLemmas = FrozenSet.Create(StringComparer.Ordinal,
        "have", "take", "make", "get", "go", "come", "move", "live", "meet", "run", "appear", "spend", "buy", "sell", "file",
        "begin", "start", "leave", "return", "travel", "visit", "arrive", "die", "collapse", "bring", "carry", "hold", "put",
        "pay", "receive", "own", "work", "serve", "join", "win", "lose", "fly", "walk", "sit", "stand", "stay", "enter",
        "play", "perform", "compete", "grow", "rise", "fall", "spend", "earn", "raise", "build", "create", "open", "close",
        "sign", "use", "give", "send", "put", "set", "keep", "let", "help", "try", "need", "pause", "interview", "catch",
        "fail", "choose", "finish", "end", "continue", "release", "unveil", "seal", "form", "found", "marry", "attend",
        "host", "lead", "manage", "hire", "fire", "shoot", "kill", "arrest", "eat", "drink", "sleep", "love", "like",
        // States and circumstances: what happens to an actor, or what it is ("remains under a state of emergency").
        "remain", "become", "experience", "include", "involve", "require", "apply", "face", "enjoy", "share", "invest",
        "donate", "acquire", "board", "spot", "watch", "assume", "qualify", "emerge", "expire", "recuse", "scramble",
        "shift", "swing", "sweep", "muster", "lay", "reach", "see");

    /// <summary>Nouns of saying, thinking and evidence that take a "that" clause ("the claim that …", "her warning that …").</summary>
    private static readonly FrozenSet<string> NominalLemmas = FrozenSet.Create(StringComparer.Ordinal,
        "claim", "statement", "assertion", "argument", "suggestion", "warning", "promise", "pledge", "belief", "view", "allegation",
        "accusation", "charge", "contention", "insistence", "notion", "announcement", "admission", "acknowledgment",
        "acknowledgement", "remark", "comment", "concern", "fear", "hope", "prediction", "estimate", "finding", "conclusion",
        "message", "assurance", "complaint", "denial", "report", "reports", "speculation", "suspicion", "theory", "insinuation",
        "assessment", "expectation", "impression", "sense", "recognition", "confidence", "doubt", "doubts", "opinion", "position");

    /// <summary>
    /// Forms that introduce a quotation only when they stand next to its marks (",” she continued", "the sign read: “…",
    /// "protesters chanted “…”"): elsewhere they mostly mean something else ("the council continued its work").
    /// </summary>
    private static readonly FrozenSet<string> DirectQuoteForms = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "continued", "continues", "continuing", "asked", "asks", "asking", "read", "reads", "reading", "shouted", "shouts",
        "shouting", "chanted", "chants", "chanting", "yelled", "yells", "yelling", "screamed", "exclaimed", "reports", "notes",
        "wondered", "wonders", "recalled", "recalls", "sang", "sings", "declared", "posted", "posts", "texted", "tweeted",
        "responded", "added", "adds", "put");

    /// <summary>True when <paramref name="form"/> introduces a quotation when it stands next to the quotation marks.</summary>
    public static bool IsDirectQuoteForm(ReadOnlySpan<char> form) => DirectQuoteForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(form);

    /// <summary>
    /// Common nouns for those who hold and voice views in political news: people by role or group, institutions, and the
    /// texts, studies and media through which they speak. Written for Dossier; lemmas as the tagger gives them.
    /// </summary>
    private static readonly FrozenSet<string> AgentNouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        // people by role
        "official", "officer", "leader", "president", "candidate", "nominee", "senator", "lawmaker", "legislator",
        "congressman", "congresswoman", "representative", "governor", "mayor", "minister", "secretary", "chairman",
        "chairwoman", "chair", "director", "chief", "executive", "spokesman", "spokeswoman", "spokesperson", "aide",
        "adviser", "advisor", "strategist", "consultant", "staffer", "surrogate", "ambassador", "diplomat", "envoy",
        "general", "commander", "judge", "justice", "lawyer", "attorney", "prosecutor", "investigator", "detective",
        "economist", "analyst", "expert", "scholar", "researcher", "scientist", "professor", "historian", "pollster",
        "doctor", "physician", "critic", "supporter", "opponent", "ally", "rival", "advocate", "activist", "protester",
        "protestor", "demonstrator", "voter", "resident", "citizen", "taxpayer", "worker", "employee", "member",
        "people", "person", "man", "woman", "student", "parent", "teacher", "journalist", "reporter", "editor",
        "columnist", "commentator", "host", "anchor", "author", "writer", "witness", "source", "victim", "family",
        "republican", "democrat", "conservative", "liberal", "progressive", "independent", "american", "manager",
        "owner", "founder", "president-elect", "incumbent", "challenger", "operative", "donor", "fan",
        // groups and institutions
        "campaign", "committee", "panel", "group", "organization", "organisation", "party", "government",
        "administration", "agency", "department", "ministry", "office", "court", "congress", "senate", "house",
        "council", "board", "union", "company", "firm", "bank", "corporation", "university", "institute", "center",
        "centre", "foundation", "coalition", "alliance", "caucus", "police", "military", "army", "regime", "state",
        "country", "nation", "city", "county", "district", "team", "staff", "leadership", "establishment", "industry",
        "network", "newspaper", "paper", "magazine", "outlet", "station", "website", "site", "channel", "press", "media",
        // texts, studies and media that state findings
        "poll", "survey", "study", "report", "analysis", "review", "audit", "investigation", "data", "statistic",
        "estimate", "forecast", "model", "research", "article", "story", "editorial", "op-ed", "column",
        "letter", "memo", "document", "filing", "lawsuit", "complaint", "ruling", "order", "decision", "bill", "law",
        "plan", "proposal", "platform", "statement", "release", "ad", "advertisement", "commercial", "spot", "video",
        "footage", "tweet", "post", "message", "email", "book", "film", "documentary", "transcript", "record");

    /// <summary>
    /// Nouns of stance, speech and intention that attribute what their "of", "about", "on", "over" or "against" phrase or
    /// their "to" clause names ("criticism of the plan", "questions about the deal", "a pledge to cut taxes"). Written for
    /// Dossier.
    /// </summary>
    private static readonly FrozenSet<string> StanceNouns = FrozenSet.Create(StringComparer.Ordinal,
        "criticism", "question", "claim", "allegation", "accusation", "complaint", "concern", "doubt", "skepticism", "scepticism",
        "theory", "assessment", "implication", "thought", "opinion", "idea",
        "praise", "condemnation", "denunciation", "defense", "defence", "support", "opposition", "endorsement", "rejection",
        "admiration", "adulation", "illusion", "fear", "warning", "comment", "remark", "statement", "announcement", "assertion",
        "denial", "description", "characterization", "portrayal", "definition", "understanding", "interpretation", "critique",
        "attack", "pledge", "promise", "vow", "plan", "proposal", "call", "demand", "effort", "bid", "push", "determination",
        "eagerness", "willingness", "refusal", "commitment", "desire", "intention", "agreement", "hope");

    /// <summary>Texts a person or body puts out and that speak for their author ("a series of tweets saying …").</summary>
    private static readonly FrozenSet<string> PublishedTexts = FrozenSet.Create(StringComparer.Ordinal,
        "tweet", "statement", "letter", "post", "message", "email", "memo", "ad", "advertisement", "video", "release", "op-ed",
        "column", "editorial", "note", "speech", "report", "paper", "filing", "complaint", "brief", "petition");

    /// <summary>Verbs of putting a text out: its author is their subject ("Trump sent tweets …", "the union issued a statement …").</summary>
    private static readonly FrozenSet<string> PublishingVerbs = FrozenSet.Create(StringComparer.Ordinal,
        "send", "issue", "release", "publish", "post", "write", "file", "tweet", "unleash", "fire", "air", "run", "sign", "pen",
        "circulate", "deliver", "give", "put", "launch", "unveil", "submit", "distribute");

    /// <summary>True when <paramref name="lemma"/> is a verb of putting a text out ("sent a letter", "issued a statement").</summary>
    public static bool IsPublishingVerb(string lemma) => PublishingVerbs.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> names a text that speaks for whoever put it out.</summary>
    public static bool IsPublishedText(string lemma) => PublishedTexts.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> is a noun of stance whose "of"/"about" phrase or "to" clause is attributed.</summary>
    public static bool IsStanceNoun(string lemma) => StanceNouns.Contains(lemma);

    /// <summary>
    /// Verbs that state a view only with a particular particle or preposition ("lay out a plan", "go after a rival", "speak
    /// of the need", "vote against the bill"), as "lemma particle". Written for Dossier.
    /// </summary>
    private static readonly FrozenSet<string> PhrasalCues = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "call on", "call for", "call out", "lay out", "spell out", "point out", "point to", "speak of", "speak about", "speak out",
        "speak against", "speak on", "talk about", "talk of", "double down", "go after", "single out", "weigh in", "follow up",
        "sum up", "back off", "back away", "vote against", "vote for", "campaign for", "campaign against", "rail against",
        "complain about", "complain of", "argue for", "argue against", "brag about", "boast about", "boast of", "agree with",
        "agree on", "disagree with", "disagree on", "care about", "worry about", "push back", "push for", "lash out", "play down",
        "cry out", "rule against", "rule out", "hit back", "hit out", "plead for", "advocate for", "testify about",
        "warn of", "warn about", "warn against", "insist on", "believe in", "object to", "moralize about", "wonder about");

    /// <summary>True when <paramref name="lemma"/> with <paramref name="particle"/> states a view ("lay out", "go after").</summary>
    public static bool IsPhrasalCue(string lemma, ReadOnlySpan<char> particle) =>
        PhrasalCues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(string.Concat(lemma, " ", particle));

    /// <summary>True when <paramref name="lemma"/> is a common noun for a person, group, institution or publication that can hold or voice a view.</summary>
    public static bool IsAgentNoun(string lemma) => AgentNouns.Contains(lemma);

    /// <summary>
    /// Adjectives and role nouns that, after "be", state a view held by the subject ("is critical of the plan", "was
    /// confident that …", "is a staunch opponent of the tax"). Written for Dossier.
    /// </summary>
    private static readonly FrozenSet<string> StancePredicates = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "critical", "supportive", "skeptical", "sceptical", "confident", "concerned", "worried", "optimistic", "pessimistic",
        "opposed", "proud", "angry", "furious", "happy", "unhappy", "pleased", "sure", "certain", "convinced", "aware", "wary",
        "hopeful", "adamant", "frustrated", "upset", "disappointed", "passionate", "enthusiastic", "eager", "reluctant",
        "dismissive", "fond", "afraid", "fearful", "nervous", "anxious", "unsure", "uncertain", "doubtful", "bullish", "bearish",
        "comfortable", "uncomfortable", "satisfied", "dissatisfied", "outraged", "alarmed", "troubled", "receptive", "hostile",
        "sympathetic", "favorable", "favourable", "ambivalent", "determined", "committed", "willing", "unwilling", "keen",
        "insistent", "vocal", "outspoken", "careful", "mindful", "suspicious", "grateful", "thankful",
        "supporter", "opponent", "critic", "advocate", "proponent", "champion", "fan", "defender", "believer", "skeptic",
        "sceptic", "admirer", "foe", "backer", "ally");

    /// <summary>True when <paramref name="lemma"/> states a view after "be" ("is critical of", "is an opponent of").</summary>
    public static bool IsStancePredicate(string lemma) => StancePredicates.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> is a noun of saying or thinking that can take a "that" clause.</summary>
    public static bool IsNominalLemma(string lemma) => NominalLemmas.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> names an action or event rather than a stance (see <see cref="ActionLemmas"/>).</summary>
    public static bool IsActionLemma(string lemma) => ActionLemmas.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> (from the tagger) attributes a view to its subject even without a clause.</summary>
    public static bool IsStanceLemma(string lemma) => StanceLemmas.Contains(lemma);

    /// <summary>True when <paramref name="lemma"/> (from the tagger) can introduce a reported clause.</summary>
    public static bool IsClausalLemma(string lemma) => ClausalLemmas.Contains(lemma);

    /// <summary>True when <paramref name="form"/> is an inflected reporting verb; gives its lemma.</summary>
    public static bool TryGetLemma(ReadOnlySpan<char> form, out string lemma)
    {
        if (Lookup.TryGetValue(form, out var found))
        {
            lemma = found;
            return true;
        }

        lemma = string.Empty;
        return false;
    }

    private static FrozenDictionary<string, string> BuildForms()
    {
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var lemma in Lemmas)
        {
            foreach (var form in RegularForms(lemma))
            {
                forms.TryAdd(form, lemma);
            }
        }

        foreach (var (form, lemma) in Irregular)
        {
            forms[form] = lemma;
        }

        foreach (var form in Excluded)
        {
            forms.Remove(form);
        }

        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    // Regular English inflection: -s/-es, -ed/-d, -ing (with final-e drop).
    private static IEnumerable<string> RegularForms(string lemma)
    {
        yield return lemma;
        var sibilant = lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x');
        yield return sibilant ? lemma + "es" : lemma + "s";
        if (lemma.EndsWith('e'))
        {
            yield return lemma + "d";
            yield return lemma[..^1] + "ing";
        }
        else if (lemma.EndsWith('y') && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal))
        {
            yield return lemma[..^1] + "ied";
            yield return lemma + "ing";
        }
        else
        {
            yield return lemma + "ed";
            yield return lemma + "ing";
        }
    }
}
