using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Syntax;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Events;
using Dossier.Text;
using Dossier.Text.Events;
using Dossier.Text.Knowledge;

namespace Dossier.Analysis.Events;

/// <summary>
/// Codes political events in CAMEO over Dossier's own dependency parse: who (source) did what (a CAMEO code from
/// the predicate lexicon <c>data/cameo/verbs.tsv</c>) to whom (target), where and when.
/// <list type="bullet">
/// <item>predicates: verbs and adjectives matched on lemma, particle/preposition and argument lemmas, most specific
/// entry first; light verbs ("held talks", "imposed a curfew") take their code from the event noun they govern;
/// event nouns with a linked actor ("Russia's criticism", "talks between X and Y") are coded on their own;</item>
/// <item>complement frames: intent ("prepared to work with" → 03x; "vowed to attack" → 13x), demand (10x),
/// appeal (02x) and rejection (12x) recode the complement they govern, which is then not coded twice;</item>
/// <item>actors: subject (shared across coordinated verbs; the controller for a subjectless complement), or the
/// "by" agent of a passive; target: object, passive subject, or the object of a with/against/on/to oblique;
/// each resolved to its <see cref="EntityLink"/> (country + sector role from the knowledge base: "Pakistani
/// military commanders" → PAKMIL); a source coordination ("a US-led coalition and the Syrian Army") gives one
/// event per conjunct;</item>
/// <item>not coded: clauses under may/might/could/should, conditionals (if, unless) and complements of
/// "fail"; negated events are kept and flagged;</item>
/// <item>reported speech: an event inside a quote is claimed by the quote's speaker.</item>
/// </list>
/// Place is the sentence's place reference nearest the trigger that is not an actor; date its time expression
/// (the clause's own first), else the publication date. Output depends only on the document; thread-safe.
/// </summary>
public sealed class CameoEventCoder : IPipelineComponent
{
    private static readonly FrozenSet<string> Hypothetical = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "may", "might", "could", "should", "can", "ought");

    private static readonly FrozenSet<string> FutureModals = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "will", "would", "shall", "'ll");

    private static readonly FrozenSet<string> MustModals = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "must");

    /// <summary>Words that open an adverbial clause of time or reason, whatever tag the parse gave them.</summary>
    private static readonly FrozenSet<string> Subordinators = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "after", "before", "since", "until", "because", "as", "while", "when", "once");

    /// <summary>Bare time words the parse sometimes takes for a subject ("Tuesday the parliament approved").</summary>
    private static readonly FrozenSet<string> TimeWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    private static readonly FrozenSet<string> Conditionals = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "if", "unless", "whether");

    /// <summary>Governors under which a complement did not happen ("failed to fight").</summary>
    private static readonly FrozenSet<string> NonFactive = FrozenSet.Create(StringComparer.Ordinal,
        "fail", "try", "attempt", "want", "hope", "wish", "seek", "need", "consider", "underestimate", "avoid", "deny", "stop");

    /// <summary>Nouns for what someone issues or publishes: a participle on one says what its issuer does ("a statement demanding …").</summary>
    private static readonly FrozenSet<string> Statements = FrozenSet.Create(StringComparer.Ordinal,
        "statement", "declaration", "communique", "communiqué", "letter", "resolution", "message", "note", "appeal", "report");

    /// <summary>Verbs of beginning, going on and resuming, through which a complement's event shows ("resumed shelling").</summary>
    private static readonly FrozenSet<string> Aspectual = FrozenSet.Create(StringComparer.Ordinal, "begin", "start", "continue", "resume", "keep");

    /// <summary>Governors that report an attempt: its complement was set in motion, whether or not it succeeded.</summary>
    private static readonly FrozenSet<string> Attempts = FrozenSet.Create(StringComparer.Ordinal, "try", "attempt");

    /// <summary>Verbs whose meaning lies in the event noun they govern ("held talks", "staged a demonstration").</summary>
    private static readonly FrozenSet<string> LightVerbs = FrozenSet.Create(StringComparer.Ordinal,
        "hold", "conduct", "launch", "stage", "begin", "start", "continue", "resume", "mount", "open", "impose", "declare",
        "issue", "carry", "make", "take", "give", "reach", "wage", "announce", "order", "go", "join", "attend",
        "speed", "accelerate", "complete", "extend", "step", "reiterate", "renew", "repeat");

    private static readonly FrozenSet<string> TargetPrepositions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "with", "against", "on", "to", "at", "upon", "into", "between", "toward", "towards");

    private static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "it", "they", "them", "he", "him", "she", "her", "its", "their");

    private static readonly string[] InflectionSuffixes = ["ed", "ing", "es", "s"];

    private static readonly FrozenSet<string> RelativePronouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "which", "who", "whom", "that");

    private readonly EventLexicon _lexicon;
    private readonly CameoCodebook _codebook;
    private readonly FrozenDictionary<string, string> _sectorRoles;
    private readonly ActorIndex _names;

    /// <summary>Creates a coder over the lexicon, the codebook and the knowledge base's sector nouns.</summary>
    public CameoEventCoder(EventLexicon lexicon, CameoCodebook codebook, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(knowledge);
        _lexicon = lexicon;
        _codebook = codebook;
        _names = knowledge.Index;
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sector in knowledge.Sectors)
        {
            foreach (var head in sector.Heads)
            {
                if (!head.Contains(' ', StringComparison.Ordinal))
                {
                    roles.TryAdd(head, sector.Role);
                }
            }
        }

        _sectorRoles = roles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public Layers Requires => Layers.Tags | Layers.Dependencies | Layers.Mentions | Layers.Links | Layers.Places | Layers.TimeExpressions | Layers.Quotes;

    /// <inheritdoc />
    public Layers Produces => Layers.Events;

    /// <summary>The codebook events are coded against.</summary>
    public CameoCodebook Codebook => _codebook;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Dependencies.IsDefaultOrEmpty || document.Tags.IsDefaultOrEmpty)
        {
            return document;
        }

        var context = new CodingContext(RepairMisreadClauses(document));
        var events = ImmutableArray.CreateBuilder<PoliticalEvent>();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var consumed = new HashSet<int>();
            var coded = new List<(int Trigger, Match Match)>();
            for (var token = sentence.FirstToken; token < sentence.EndToken; token++)
            {
                if (consumed.Contains(token))
                {
                    continue;
                }

                if (TryCode(context, token, consumed) is { } match)
                {
                    coded.Add((token, match));
                }
            }

            var kept = new Dictionary<int, Match>();
            foreach (var (trigger, match) in coded)
            {
                if (!consumed.Contains(trigger))
                {
                    kept[trigger] = match;
                }
            }

            foreach (var (trigger, match) in kept)
            {
                if (!IsNestedInAnother(context.Document, trigger, kept))
                {
                    AddEvents(context, sentence, trigger, match, events);
                }
            }
        }

        return document with { Events = events.ToImmutable() };
    }

    /// <summary>
    /// The document with clauses the parse misread as noun phrases turned back into clauses, for coding only (the
    /// document's own parse is left as it is). A past participle taken for an adjective that opens the phrase of a noun
    /// which has a subject of its own ("Israel Friday reimposed blockades": "reimposed" on "blockades", "Israel" the
    /// noun's nsubj) is the clause's verb, since a noun takes a subject only with a copula: the participle takes the
    /// noun's place, the subject and what else stood before it hang on the participle, and the noun is its object.
    /// </summary>
    internal static Document RepairMisreadClauses(Document document)
    {
        Dependency[]? repaired = null;
        for (var token = 0; token < document.Dependencies.Length; token++)
        {
            var arc = document.Dependencies[token];
            if (arc.Relation is not "amod" || arc.Head <= token || document.Tags[token].Upos is not "VERB"
                || document.Tags[token].Xpos is not ("VBD" or "VBN") || document.Tags[arc.Head].Upos is not ("NOUN" or "PROPN"))
            {
                continue;
            }

            var noun = arc.Head;
            var children = DependencyTree.Children(document, noun);
            var subject = children.FirstOrDefault(child => child < token && document.Dependencies[child].Relation is "nsubj", -1);
            if (subject < 0 || children.Any(child => document.Dependencies[child].Relation is "cop")
                || children.Any(child => child > subject && child < token && document.Dependencies[child].Relation is "det" or "amod" or "nummod" or "nmod:poss" or "compound"))
            {
                continue;
            }

            repaired ??= [.. document.Dependencies];
            var nounArc = document.Dependencies[noun];
            repaired[token] = new Dependency(nounArc.Head, nounArc.Relation is "root" or "ccomp" or "conj" or "parataxis" or "advcl" ? nounArc.Relation : "parataxis");
            repaired[noun] = new Dependency(token, "obj");
            foreach (var child in children)
            {
                if (child < token)
                {
                    repaired[child] = new Dependency(token, document.Dependencies[child].Relation);
                }
            }
        }

        // The same with the subject above: a noun heading the object ("Kenyan troops fired shells": "troops" the root,
        // "shells" its obj, "fired" on "shells") is the subject; a noun takes no object.
        for (var token = 0; token < document.Dependencies.Length; token++)
        {
            var arc = (repaired?[token]) ?? document.Dependencies[token];
            if (arc.Relation is not "amod" || arc.Head != token + 1 || document.Tags[token].Upos is not "VERB"
                || document.Tags[token].Xpos is not ("VBD" or "VBN") || document.Tags[arc.Head].Upos is not ("NOUN" or "PROPN"))
            {
                continue;
            }

            var noun = arc.Head;
            var nounArc = (repaired?[noun]) ?? document.Dependencies[noun];
            var subject = nounArc.Head;
            if (nounArc.Relation is not "obj" || subject < 0 || subject != token - 1 || document.Tags[subject].Upos is not ("NOUN" or "PROPN"))
            {
                continue;
            }

            repaired ??= [.. document.Dependencies];
            var subjectArc = repaired[subject];
            repaired[token] = subjectArc;
            repaired[subject] = new Dependency(token, "nsubj");
            repaired[noun] = new Dependency(token, "obj");
            for (var other = 0; other < repaired.Length; other++)
            {
                // What hung on the misread noun after it (obliques, the final stop) belongs to the clause.
                if (repaired[other].Head == subject && other > token)
                {
                    repaired[other] = new Dependency(token, repaired[other].Relation);
                }
            }
        }

        return repaired is null ? document : document with { Dependencies = [.. repaired] };
    }

    /// <summary>
    /// True when <paramref name="trigger"/> lies inside another coded event's arguments and so is part of what that
    /// event is about, not an event of its own: the content of a verbal event (CAMEO QuadClass 1 and 3: "accused the
    /// rebels of violating the truce", "demanded an admission that troops murdered …"), an event noun in any event's
    /// arguments ("agreed to US mediation in the talks", "refusing to lift the curfew"), and a relative or participle
    /// clause on one of its nouns ("lifted a curfew in Montenegro, where 28 people have been killed"). A path through a
    /// subject or a coordination with the other event leaves it independent ("accused Islamabad … and threatened it").
    /// </summary>
    private bool IsNestedInAnother(Document document, int trigger, Dictionary<int, Match> coded)
    {
        var isNoun = document.Tags[trigger].Upos is "NOUN" or "PROPN";

        // "expelled inspectors after U.S. officials alleged that …": the parse may read the subordinator as a preposition
        // on the subject and coordinate the clause or take it for a complement; it is still an adverbial clause,
        // background to the other event.
        var throughModifier = !isNoun && document.Dependencies[trigger].Relation is "conj" or "ccomp"
            && DependencyTree.Subjects(document, trigger).Any(subject => DependencyTree.Children(document, subject, "case")
                .Any(marker => Subordinators.Contains(document.TokenText(marker).ToString())));
        for (var child = trigger; document.Dependencies[child].Head >= 0; child = document.Dependencies[child].Head)
        {
            var (head, relation) = (document.Dependencies[child].Head, document.Dependencies[child].Relation);
            if (relation is "conj" && child == trigger && throughModifier && coded.ContainsKey(head))
            {
                return true;
            }

            // Coordinated with a coded event, it shares that event's standing ("killed or wounded" in a relative clause
            // is background twice; "accused Islamabad … and threatened it" is news twice).
            if (relation is "conj" && coded.ContainsKey(head))
            {
                return IsNestedInAnother(document, head, coded);
            }

            if (relation.StartsWith("nsubj", StringComparison.Ordinal) || relation is "csubj" or "parataxis")
            {
                return false;
            }

            // Relative and participle clauses on a noun, and adverbial clauses with a subordinator ("resigned as the
            // opposition threatened to storm …"), give the circumstances of the other event.
            // A finite adverbial clause the parse left without its subordinator ("resigned as the opposition threatened
            // …" with "as" on the noun) is one too.
            throughModifier |= relation is "acl" or "acl:relcl" or "advcl:relcl"
                || (relation is "advcl" && document.Tags[child].Xpos is "VBD" or "VBZ" or "VBP")
                || (relation is "advcl" && DependencyTree.Children(document, child, "mark").Any(marker => !document.TokenText(marker).Equals("to", StringComparison.OrdinalIgnoreCase)))
                || (relation is "advcl" && child > head && string.Equals(document.Tags[child].Xpos, "VBG", StringComparison.Ordinal)
                    && DependencyTree.Children(document, child, "mark", "nsubj").IsEmpty);
            if (coded.TryGetValue(head, out var outer))
            {
                return isNoun || throughModifier || (_codebook.TryGet(outer.Code, out var cameo) && cameo.QuadClass is 1 or 3);
            }
        }

        return false;
    }

    /// <summary>A coded predicate before actors are attached: the code, the clause whose arguments count, and the rule.</summary>
    private sealed record Match(string Code, int ArgumentHead, bool KeepSubjectAsSource, string Rule);

    private Match? TryCode(CodingContext context, int token, HashSet<int> consumed)
    {
        var document = context.Document;
        var tags = document.Tags[token];
        var upos = tags.Upos;
        if (upos is "VERB" or "ADJ" or "AUX")
        {
            // A participle used as an adjective ("Russia-hosted talks") modifies a noun; it is no event of its own.
            if (document.Dependencies[token].Relation is "amod")
            {
                return null;
            }

            if (!IsSuppressed(document, token))
            {
                return CodeVerb(context, token, consumed);
            }

            return CodeUnrealised(context, token, consumed);
        }

        if (upos is "NOUN" or "PROPN" && _lexicon.NounEntries(Lower(tags.Lemma)) is { IsEmpty: false } nounEntries)
        {
            // A free-standing event noun is coded only when the text names who was involved ("Russia's criticism").
            var relation = document.Dependencies[token].Relation;
            if (relation is "compound" || IsSuppressed(document, token))
            {
                return null;
            }

            var entry = Best(context, token, nounEntries);
            if (entry is null || !HasLinkedArgument(context, token))
            {
                return null;
            }

            return new Match(entry.Code, token, KeepSubjectAsSource: false, "noun:" + entry.Lemma);
        }

        return null;
    }

    /// <summary>
    /// Two kinds of clause that did not happen as stated are still events in CAMEO's sense. An attempt at force or
    /// coercion ("tried to storm the building", "attempted to assassinate the minister") is the hostile act: CAMEO
    /// codes attempted violence as the violence (186 includes attempted assassinations), while an attempt at anything
    /// else ("tried to secure support") stays uncoded like "failed to …". And a possible hostile act tied to a
    /// condition ("may halt its aid if the talks fail", "could expel the envoys unless …") is a threat: the conditional
    /// hostile statement CAMEO's 13x codes, as "will … if" already is through the future modal.
    /// </summary>
    private Match? CodeUnrealised(CodingContext context, int verb, HashSet<int> consumed)
    {
        var document = context.Document;
        var attempt = !IsSuppressed(document, verb, attemptIsAct: true);
        var conditional = !attempt && HasModal(document, verb, Hypothetical) && HasConditionalClause(document, verb)
            && !IsSuppressed(document, verb, attemptIsAct: false, ignoreOwnModal: true);
        if (!attempt && !conditional)
        {
            return null;
        }

        // Code on a scratch set: a clause left uncoded must not hide its complements from the rest of the sentence.
        var scratch = new HashSet<int>(consumed);
        if (CodeVerb(context, verb, scratch) is not { } match || !_codebook.TryGet(match.Code, out var cameo) || cameo.QuadClass != 4)
        {
            return null;
        }

        if (attempt && cameo.Root is not ("17" or "18" or "19" or "20"))
        {
            return null;
        }

        consumed.UnionWith(scratch);
        return attempt
            ? match with { Rule = match.Rule + "+attempt" }
            : match with { Code = Recode(PredicateFrame.Intent, match.Code) ?? match.Code, Rule = match.Rule + "+conditional-threat" };
    }

    /// <summary>True when an adverbial clause under <paramref name="predicate"/> opens with if or unless.</summary>
    private static bool HasConditionalClause(Document document, int predicate) =>
        DependencyTree.Children(document, predicate, "advcl").Any(clause => DependencyTree.Children(document, clause, "mark")
            .Any(marker => document.TokenText(marker).Equals("if", StringComparison.OrdinalIgnoreCase)
                || document.TokenText(marker).Equals("unless", StringComparison.OrdinalIgnoreCase)));

    private Match? CodeVerb(CodingContext context, int verb, HashSet<int> consumed)
    {
        var document = context.Document;
        var lemma = VerbLemma(document, verb);
        var entry = Best(context, verb, _lexicon.VerbEntries(lemma));
        string? code = entry?.Code;
        var rule = entry is null ? null : "lexicon:" + entry.Lemma + (entry.Second is null ? string.Empty : " " + entry.Second);

        if (entry is { Frame: not PredicateFrame.Verb and not PredicateFrame.Noun })
        {
            // Complement frames recode what their complement (a verb or an event noun) says.
            var (complement, complementCode) = CodeComplement(context, verb, consumed);
            if (complement >= 0 && complementCode is not null)
            {
                consumed.Add(complement);
                code = Recode(entry.Frame, complementCode) ?? entry.Code;
                rule += "+" + Lower(document.Tags[complement].Lemma);
            }
        }
        else if (LightVerbs.Contains(lemma))
        {
            foreach (var noun in DependencyTree.Children(document, verb, "obj", "nsubj:pass"))
            {
                var nounEntry = Best(context, noun, _lexicon.NounEntries(Lower(document.Tags[noun].Lemma)));
                if (nounEntry is not null && (entry is null || nounEntry.Specificity >= entry.Specificity))
                {
                    consumed.Add(noun);
                    code = nounEntry.Code;
                    rule = "light-verb:" + lemma + "+" + nounEntry.Lemma;
                    break;
                }
            }
        }

        if (code is null)
        {
            if (!HasModal(document, verb, MustModals))
            {
                return null;
            }

            code = "100";
            rule = "must:" + lemma;
        }

        // Controlled complements and purpose clauses belong to this event, not events of their own ("invited … to take
        // part in talks", "willing to send material to help defend").
        foreach (var argument in DependencyTree.Children(document, verb, "xcomp", "advcl"))
        {
            if (document.Dependencies[argument].Relation is "xcomp" || HasMarker(document, argument, "to"))
            {
                consumed.Add(argument);
                foreach (var purpose in DependencyTree.Children(document, argument, "xcomp", "advcl"))
                {
                    consumed.Add(purpose);
                }
            }
        }

        // "X must return the helicopter": a demand that the subject act (CAMEO 10x).
        if (HasModal(document, verb, MustModals))
        {
            code = Recode(PredicateFrame.Demand, code) ?? code;
            rule += "+must";
        }

        // "will meet", "would blockade": a future or conditional statement of intent, not the act itself.
        if (HasModal(document, verb, FutureModals))
        {
            code = Recode(PredicateFrame.Intent, code) ?? code;
            rule += "+future";
        }

        var keepSubject = entry is { Frame: PredicateFrame.Intent or PredicateFrame.Demand or PredicateFrame.Appeal or PredicateFrame.Reject or PredicateFrame.Prepare };
        return new Match(code, verb, keepSubject, rule ?? "lexicon");
    }

    /// <summary>
    /// The verb's lemma for the lexicon: the tagger's, unless the lexicon does not know it and a regular inflection of
    /// the word itself gives a lemma it knows (the lemmatiser's "rioted" → "riote", "shelled" → "shel", "mobilized" →
    /// "mobile" are read as "riot", "shell", "mobilize").
    /// </summary>
    private string VerbLemma(Document document, int verb)
    {
        var lemma = Lower(document.Tags[verb].Lemma);
        if (!_lexicon.VerbEntries(lemma).IsEmpty)
        {
            return lemma;
        }

        foreach (var candidate in Uninflected(Lower(document.TokenText(verb).ToString())))
        {
            if (!_lexicon.VerbEntries(candidate).IsEmpty)
            {
                return candidate;
            }
        }

        // A repeated act is the act ("reimposed blockades", "re-opened its borders").
        foreach (var prefix in (string[])["re-", "re"])
        {
            if (lemma.Length > prefix.Length + 3 && lemma.StartsWith(prefix, StringComparison.Ordinal)
                && (!_lexicon.VerbEntries(lemma[prefix.Length..]).IsEmpty || LightVerbs.Contains(lemma[prefix.Length..])))
            {
                return lemma[prefix.Length..];
            }
        }

        return lemma;
    }

    /// <summary>Candidate base forms of an English verb form by the regular suffix rules, most likely first.</summary>
    internal static IEnumerable<string> Uninflected(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal) || word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        foreach (var suffix in InflectionSuffixes)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                yield return stem;
                if (suffix is "ed" or "ing")
                {
                    yield return stem + "e";
                    if (stem[^1] == stem[^2])
                    {
                        yield return stem[..^1];
                    }
                }
            }
        }
    }

    /// <summary>The complement a frame verb governs and its code: an xcomp/ccomp verb, else an object or oblique event noun.</summary>
    private (int Token, string? Code) CodeComplement(CodingContext context, int verb, HashSet<int> consumed)
    {
        var document = context.Document;
        foreach (var complement in DependencyTree.Children(document, verb, "xcomp", "ccomp", "advcl"))
        {
            var lemma = VerbLemma(document, complement);
            var entry = Best(context, complement, _lexicon.VerbEntries(lemma));
            if (entry is not null)
            {
                if (entry.Frame is not PredicateFrame.Verb and not PredicateFrame.Noun)
                {
                    var (inner, innerCode) = CodeComplement(context, complement, consumed);
                    if (inner >= 0 && innerCode is not null)
                    {
                        consumed.Add(inner);
                        return (complement, Recode(entry.Frame, innerCode) ?? entry.Code);
                    }
                }

                return (complement, HasModal(document, complement, MustModals) ? Recode(PredicateFrame.Demand, entry.Code) : entry.Code);
            }

            if (HasModal(document, complement, MustModals))
            {
                return (complement, "100"); // "announced that Kagame must agree to changes"
            }

            // An aspectual verb is transparent: "prepared to resume shelling" readies the shelling.
            if (Aspectual.Contains(lemma))
            {
                foreach (var inner in DependencyTree.Children(document, complement, "xcomp"))
                {
                    if (Best(context, inner, _lexicon.VerbEntries(VerbLemma(document, inner))) is { Frame: PredicateFrame.Verb } innerEntry)
                    {
                        consumed.Add(inner);
                        return (complement, innerEntry.Code);
                    }
                }

                // The gerund may be tagged as a noun: the object ("resume the shelling") or, when the tagger reads
                // "resume shelling rebel positions" as a noun phrase, a compound of the object.
                foreach (var obj in DependencyTree.Children(document, complement, "obj"))
                {
                    foreach (var gerund in (int[])[obj, .. DependencyTree.Children(document, obj, "compound")])
                    {
                        if (document.TokenText(gerund).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                            && Best(context, gerund, _lexicon.VerbEntries(VerbLemma(document, gerund))) is { Frame: PredicateFrame.Verb } gerundEntry)
                        {
                            consumed.Add(gerund);
                            return (complement, gerundEntry.Code);
                        }
                    }
                }
            }

            foreach (var noun in DependencyTree.Children(document, complement, "obj", "obl"))
            {
                var nounEntry = Best(context, noun, _lexicon.NounEntries(Lower(document.Tags[noun].Lemma)));
                if (nounEntry is not null)
                {
                    consumed.Add(noun);
                    return (complement, nounEntry.Code);
                }
            }
        }

        foreach (var noun in DependencyTree.Children(document, verb, "obj", "obl", "nsubj:pass"))
        {
            var nounEntry = Best(context, noun, _lexicon.NounEntries(Lower(document.Tags[noun].Lemma)));
            if (nounEntry is not null)
            {
                return (noun, nounEntry.Code);
            }
        }

        return (-1, null);
    }

    /// <summary>
    /// What a complement's code becomes under a frame: intent to cooperate (03x) or a threat (13x), a demand (10x), an
    /// appeal (02x) or a rejection (12x). CAMEO parallels the sub-categories across these roots (031 ~ 101 ~ 121 …).
    /// </summary>
    internal static string? Recode(PredicateFrame frame, string code)
    {
        var root = code[..2];
        var category = code.Length >= 3 ? code[..3] : code + "0";
        return frame switch
        {
            // Readying force is a show of it: "troops prepared to attack" is a force posture, not yet a threat.
            PredicateFrame.Prepare => root is "17" or "18" or "19" or "20" ? "150" : Recode(PredicateFrame.Intent, code),
            PredicateFrame.Intent => root switch
            {
                "03" or "01" or "02" or "10" or "11" or "12" or "13" => code,
                "04" => category == "045" ? "039" : "036",
                "05" => "032",
                "06" => category switch { "061" => "0311", "062" => "0312", "063" => "0313", "064" => "0314", _ => "031" },
                "07" => category switch { "071" => "0331", "072" => "0332", "073" => "0333", "074" => "0334", _ => "033" },
                "08" => category switch
                {
                    "081" => "0351", "082" => "0352", "083" => "034", "084" => "0353", "085" => "0354", "086" => "0355",
                    "087" => "0356", _ => "035",
                },
                "09" => "030",
                "14" => "133",
                "15" or "18" or "19" or "20" => category switch { "191" => "1381", "192" => "1382", _ => root == "18" ? "1383" : root == "20" ? "1385" : "138" },
                "16" => category switch { "161" => "1313", "162" => "1311", "163" => "1312", "164" => "134", "165" => "135", "166" => "136", _ => "131" },
                "17" => category switch { "172" => "132", _ => "137" },
                _ => null,
            },
            PredicateFrame.Demand => root switch
            {
                "04" => category == "045" ? "108" : "106",
                "03" or "05" => "102",
                "06" => category switch { "061" => "1011", "062" => "1012", "063" => "1013", "064" => "1014", _ => "101" },
                "07" => category switch { "071" => "1031", "072" => "1032", "073" => "1033", "074" => "1034", _ => "103" },
                "08" => category switch
                {
                    "081" => "1051", "082" => "1052", "083" => "104", "084" => "1053", "085" => "1054", "086" => "1055",
                    "087" => "1056", _ => "105",
                },
                "10" => code,
                _ => "100",
            },
            PredicateFrame.Appeal => root switch
            {
                "04" => category == "045" ? "028" : "026",
                "03" or "05" => "022",
                "06" => category switch { "061" => "0211", "062" => "0212", "063" => "0213", "064" => "0214", _ => "021" },
                "07" => category switch { "071" => "0231", "072" => "0232", "073" => "0233", "074" => "0234", _ => "023" },
                "08" => category switch
                {
                    "081" => "0251", "082" => "0252", "083" => "024", "084" => "0253", "085" => "0254", "086" => "0255",
                    "087" => "0256", _ => "025",
                },
                "02" => code,
                _ => "020",
            },
            PredicateFrame.Reject => root switch
            {
                "04" => category == "045" ? "126" : "125",
                "06" => category switch { "061" => "1211", "062" => "1212", _ => "121" },
                "07" => category switch { "071" => "1221", "072" => "1222", "073" => "1223", "074" => "1224", _ => "122" },
                "08" => category switch
                {
                    "081" => "1241", "082" => "1242", "083" => "123", "084" => "1243", "085" => "1244", "086" => "1245",
                    "087" => "1246", _ => "124",
                },
                "03" or "05" or "057" => "127",
                "12" => code,
                _ => "120",
            },
            _ => code,
        };
    }

    private static PredicateEntry? Best(CodingContext context, int predicate, ImmutableArray<PredicateEntry> entries)
    {
        if (entries.IsEmpty)
        {
            return null;
        }

        var document = context.Document;
        HashSet<string>? arguments = null;
        foreach (var entry in entries)
        {
            if (entry.Particle is { } particle && !HasParticle(document, predicate, particle))
            {
                continue;
            }

            if (entry.Second is { } second && !HasParticle(document, predicate, second))
            {
                arguments ??= ArgumentLemmas(document, predicate);
                if (!arguments.Contains(second))
                {
                    continue;
                }
            }

            if (!entry.Arguments.IsEmpty)
            {
                arguments ??= ArgumentLemmas(document, predicate);
                var found = false;
                foreach (var argument in entry.Arguments)
                {
                    if (arguments.Contains(argument))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    continue;
                }
            }

            return entry;
        }

        return null;
    }

    /// <summary>True when <paramref name="predicate"/> has the particle ("push out") or a preposition heading one of its obliques ("threaten with").</summary>
    private static bool HasParticle(Document document, int predicate, string particle)
    {
        foreach (var child in DependencyTree.Children(document, predicate))
        {
            var relation = document.Dependencies[child].Relation;
            if (relation is "compound:prt" or "compound" or "advmod" && document.TokenText(child).Equals(particle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (relation.StartsWith("obl", StringComparison.Ordinal) || relation.StartsWith("nmod", StringComparison.Ordinal) || relation is "advcl" or "obj")
            {
                foreach (var marker in DependencyTree.Children(document, child, "case", "mark"))
                {
                    if (document.TokenText(marker).Equals(particle, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // obl:unmarked too: the parse sometimes takes a bare date for the verb's argument and hangs the object on it in
    // apposition ("lifted Friday a day-old blockade").
    private static ImmutableArray<int> ArgumentTokens(Document document, int predicate) =>
        DependencyTree.Children(document, predicate, "obj", "iobj", "obl", "xcomp", "ccomp", "advcl", "nmod", "nsubj:pass", "compound", "amod", "obl:agent", "obl:unmarked");

    /// <summary>Lemmas of the predicate's arguments and of their own objects, obliques and modifiers, lower case.</summary>
    private static HashSet<string> ArgumentLemmas(Document document, int predicate)
    {
        var lemmas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in ArgumentTokens(document, predicate))
        {
            lemmas.Add(Lower(document.Tags[argument].Lemma));
            lemmas.Add(Lower(document.TokenText(argument).ToString()));
            foreach (var inner in DependencyTree.Children(document, argument, "obj", "obl", "xcomp", "compound", "amod", "nmod", "advmod", "conj", "appos", "acl"))
            {
                lemmas.Add(Lower(document.Tags[inner].Lemma));
                foreach (var deeper in DependencyTree.Children(document, inner, "obj", "obl", "compound", "nmod"))
                {
                    lemmas.Add(Lower(document.Tags[deeper].Lemma));
                }
            }
        }

        return lemmas;
    }

    /// <summary>
    /// Hypothetical or conditional clauses, and complements of "fail", "try" and the like, state no event. With
    /// <paramref name="attemptIsAct"/> a complement of "try"/"attempt" counts as stated; with
    /// <paramref name="ignoreOwnModal"/> the predicate's own may/could is not looked at (only what it sits in).
    /// </summary>
    private static bool IsSuppressed(Document document, int predicate, bool attemptIsAct = false, bool ignoreOwnModal = false)
    {
        if (!ignoreOwnModal && HasModal(document, predicate, Hypothetical))
        {
            return true;
        }

        for (var current = predicate; current >= 0;)
        {
            foreach (var marker in DependencyTree.Children(document, current, "mark"))
            {
                if (Conditionals.Contains(document.TokenText(marker).ToString()))
                {
                    return true;
                }
            }

            // A relative clause of place ("Montenegro, where 28 people have been killed"; "raids in which 20 people were
            // killed") is background to the sentence's event, not news of its own.
            if (IsRelativeOfPlace(document, current))
            {
                return true;
            }

            var arc = document.Dependencies[current];
            if (IsDescriptiveRelative(document, current))
            {
                return true;
            }

            if (arc.Head < 0 || arc.Relation is not ("xcomp" or "advcl" or "ccomp" or "csubj" or "conj"))
            {
                return false;
            }

            if (arc.Relation is "xcomp" or "ccomp" or "csubj" && NonFactive.Contains(Lower(document.Tags[arc.Head].Lemma))
                && !(attemptIsAct && Attempts.Contains(Lower(document.Tags[arc.Head].Lemma))))
            {
                return true;
            }

            if (arc.Relation is "ccomp" or "advcl")
            {
                return false; // reported or adverbial clauses keep their own modality
            }

            current = arc.Head;
        }

        return false;
    }

    /// <summary>
    /// A non-restrictive relative clause on a person (", who has vowed not to return the Golan Heights") tells what is
    /// known about them, not what the sentence reports.
    /// </summary>
    private static bool IsDescriptiveRelative(Document document, int clause)
    {
        if (document.Dependencies[clause].Relation is not "acl:relcl")
        {
            return false;
        }

        foreach (var subject in DependencyTree.Children(document, clause, "nsubj", "nsubj:pass"))
        {
            if (document.TokenText(subject).Equals("who", StringComparison.OrdinalIgnoreCase) && subject > 0 && document.TokenText(subject - 1) is ",")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRelativeOfPlace(Document document, int clause)
    {
        foreach (var child in DependencyTree.Children(document, clause, "advmod", "obl", "mark"))
        {
            var text = document.TokenText(child);
            if ((text.Equals("where", StringComparison.OrdinalIgnoreCase) && child < clause)
                || ((text.Equals("which", StringComparison.OrdinalIgnoreCase) || text.Equals("whom", StringComparison.OrdinalIgnoreCase)) && HasCase(document, child, "in")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMarker(Document document, int clause, string marker)
    {
        foreach (var child in DependencyTree.Children(document, clause, "mark"))
        {
            if (document.TokenText(child).Equals(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasModal(Document document, int predicate, FrozenSet<string> modals)
    {
        foreach (var auxiliary in DependencyTree.Children(document, predicate, "aux"))
        {
            if (modals.Contains(document.TokenText(auxiliary).ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLinkedArgument(CodingContext context, int noun)
    {
        foreach (var child in DependencyTree.Children(context.Document, noun, "nmod:poss", "nmod", "compound", "amod"))
        {
            if (context.LinkAt(child) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private void AddEvents(CodingContext context, Sentence sentence, int trigger, Match match, ImmutableArray<PoliticalEvent>.Builder events)
    {
        var document = context.Document;
        var isNoun = document.Tags[trigger].Upos is "NOUN" or "PROPN";
        var (sources, targetToken) = isNoun ? NounArguments(document, trigger) : VerbArguments(document, trigger, match.KeepSubjectAsSource);
        if (targetToken < 0 && !isNoun && match.KeepSubjectAsSource)
        {
            // "demanded that the government end curbs": who is asked to act is the target; "prepared to work
            // together with Washington": the complement's partner is.
            foreach (var complement in DependencyTree.Children(document, trigger, "xcomp", "ccomp"))
            {
                var subjects = DependencyTree.Children(document, complement, "nsubj", "nsubj:pass");
                var (_, inner) = VerbArguments(document, complement, keepSubject: true);
                targetToken = !subjects.IsEmpty && document.Dependencies[complement].Relation is "ccomp" ? subjects[0] : inner;
                if (targetToken >= 0)
                {
                    break;
                }
            }
        }

        if (match.Rule.StartsWith("must:", StringComparison.Ordinal) || match.Rule.EndsWith("+must", StringComparison.Ordinal))
        {
            // "Russia said Sudan must return the helicopter": the speaker demands, the subject is asked.
            var governor = document.Dependencies[trigger].Head;
            if (governor >= 0 && document.Dependencies[trigger].Relation is "ccomp" && SubjectOf(document, governor) is >= 0 and var speaker)
            {
                targetToken = SubjectOf(document, trigger);
                sources = [speaker];
            }
        }

        var target = targetToken >= 0 ? ResolveActor(context, targetToken, trigger, exclude: null) : null;
        var firstSource = !sources.IsEmpty && sources[0] >= 0 ? ResolveActor(context, sources[0], trigger, exclude: null) : null;
        var aboutWhom = false;
        if (!isNoun && match.Code.Length >= 2 && match.Code[..2] is "09" or "11"
            && !(targetToken >= 0 && document.Dependencies[targetToken].Relation is "obj" or "iobj" or "nsubj:pass" && target?.Cameo is not null
                && _lexicon.NounEntries(Lower(document.Tags[targetToken].Lemma)).IsEmpty))
        {
            // Disapproval and investigation are about someone: "complained to the UN over Israeli raids" is about
            // Israel, "investigating crimes by Croatian extremists against Serbs" about the extremists. Unless the
            // object (or a passive's subject) names the actor itself ("accused the United States of …"), the perpetrator of the deplored act
            // and the actor the complaint is over come before the addressee.
            foreach (var candidate in ComplaintTargets(document, trigger))
            {
                if (ResolveActor(context, candidate, trigger, exclude: null) is { Cameo: not null } named && !sources.Contains(candidate))
                {
                    (targetToken, target, aboutWhom) = (candidate, named, true);
                    break;
                }
            }
        }

        if (!isNoun && !aboutWhom && (target?.Cameo is null || SameCountry(target, firstSource)))
        {
            // The first argument may name nobody ("offered to hand over two suspects to Britain") or only the source's
            // own forces ("offered its troops to Lebanon"): the next argument that names another actor is the target,
            // else the first that names any.
            (int Token, EventActor Actor)? other = null, any = null;
            foreach (var candidate in TargetCandidates(document, trigger))
            {
                if (candidate != targetToken && !sources.Contains(candidate)
                    && ResolveActor(context, candidate, trigger, exclude: null) is { Cameo: not null } named)
                {
                    any ??= (candidate, named);
                    if (!SameCountry(named, firstSource))
                    {
                        other = (candidate, named);
                        break;
                    }
                }
            }

            if ((other ?? (target?.Cameo is null ? any : null)) is { } found)
            {
                (targetToken, target) = found;
            }
        }

        var negated = DependencyTree.IsNegated(document, trigger);
        var claimedBy = ClaimantOf(document, document.Tokens[trigger].Span);
        var date = DateOf(context, sentence, trigger);
        if (sources.IsEmpty)
        {
            sources = [-1];
        }

        foreach (var sourceToken in sources)
        {
            var source = sourceToken >= 0 ? ResolveActor(context, sourceToken, trigger, exclude: target) : null;
            if (source is not null && target is not null && source.Span == target.Span)
            {
                continue;
            }

            // Without a named actor on either side there is nobody to code ("more arriving", "this poses a threat").
            if (!IsNamed(context, source, sourceToken) && !IsNamed(context, target, targetToken))
            {
                continue;
            }

            var place = PlaceOf(document, sentence, trigger, source, target);
            var span = EvidenceSpan(document, trigger, sourceToken, targetToken);

            // An implicit target: a verbal predicate that names no one it acts on ("landowners began a hunger strike",
            // "police imposed a curfew") acts within the source's own country.
            var (eventTarget, rule) = (target, match.Rule);

            // A meeting or visit with nobody named to meet ("the cabinet met Sunday", "troops arrived") is no
            // consultation between actors.
            if (!isNoun && target?.Cameo is null && match.Code.StartsWith("04", StringComparison.Ordinal))
            {
                continue;
            }

            if (!isNoun && target?.Cameo is null && source?.Country is { } home)
            {
                (eventTarget, rule) = (new EventActor(source.Span, null, home, home), rule + "+implicit-target");
            }

            events.Add(new PoliticalEvent(span, document.Tokens[trigger].Span, match.Code, source, eventTarget, place, date, negated,
                claimedBy, new Provenance(Name, rule)));
        }
    }

    /// <summary>
    /// Where else a predicate's target may stand, in order: its objects, its with/against/on/to… obliques, then the same
    /// in its complement and purpose clauses ("offered to hand over … to Britain", "demanded that the United States …").
    /// </summary>
    private IEnumerable<int> TargetCandidates(Document document, int predicate)
    {
        foreach (var argument in ArgumentsOf(document, predicate))
        {
            yield return argument;
        }

        // Whose act the object is, or what an event noun is done to: "denounced Serbia's suppression of …", "mounted
        // its invasion of South Lebanon".
        foreach (var argument in DependencyTree.Children(document, predicate, "obj", "obl", "nsubj:pass"))
        {
            foreach (var noun in DependencyTree.Children(document, argument, "nmod").Prepend(argument))
            {
                foreach (var possessor in DependencyTree.Children(document, noun, "nmod:poss"))
                {
                    if (!Pronouns.Contains(document.TokenText(possessor).ToString()))
                    {
                        yield return possessor;
                    }
                }

                if (!_lexicon.NounEntries(Lower(document.Tags[noun].Lemma)).IsEmpty)
                {
                    foreach (var patient in DependencyTree.Children(document, noun, "nmod"))
                    {
                        if (HasCase(document, patient, "of"))
                        {
                            yield return patient;
                        }
                    }
                }
            }
        }

        foreach (var complement in DependencyTree.Children(document, predicate, "xcomp", "ccomp", "advcl"))
        {
            foreach (var subject in DependencyTree.Children(document, complement, "nsubj", "nsubj:pass"))
            {
                yield return subject;
            }

            foreach (var argument in ArgumentsOf(document, complement))
            {
                yield return argument;
            }

            // Purpose clauses nest ("willing to send material to help defend Saudi Arabia"): three levels down.
            foreach (var argument in NestedPurposeArguments(document, complement, depth: 3))
            {
                yield return argument;
            }
        }

        // Last, where the act took place or what it moved away from ("strengthened its forces in Lebanon", "withdraw
        // the force from Chad"), here or in a verb coordinated with this one ("established ties with and opened an
        // embassy in Tehran").
        var coordinated = DependencyTree.Children(document, predicate, "conj").Where(conjunct => document.Tags[conjunct].Upos is "VERB"
            && DependencyTree.Children(document, conjunct, "nsubj", "nsubj:pass").IsEmpty);
        foreach (var conjunct in coordinated)
        {
            foreach (var argument in ArgumentsOf(document, conjunct))
            {
                yield return argument;
            }
        }

        foreach (var head in DependencyTree.Children(document, predicate, "xcomp", "ccomp", "advcl").Prepend(predicate).Concat(coordinated))
        {
            foreach (var argument in DependencyTree.Children(document, head, "obl", "obj"))
            {
                foreach (var place in DependencyTree.Children(document, argument, "nmod").Prepend(argument))
                {
                    if (HasCase(document, place, "from") || HasCase(document, place, "in"))
                    {
                        yield return place;
                    }
                }
            }
        }

        static IEnumerable<int> NestedPurposeArguments(Document document, int clause, int depth)
        {
            foreach (var inner in DependencyTree.Children(document, clause, "xcomp", "advcl"))
            {
                foreach (var argument in ArgumentsOf(document, inner))
                {
                    yield return argument;
                }

                if (depth > 1)
                {
                    foreach (var argument in NestedPurposeArguments(document, inner, depth - 1))
                    {
                        yield return argument;
                    }
                }
            }
        }

        static IEnumerable<int> ArgumentsOf(Document document, int predicate)
        {
            foreach (var argument in DependencyTree.Children(document, predicate, "obj", "iobj", "obl", "obl:arg"))
            {
                var relation = document.Dependencies[argument].Relation;
                if (relation is "obj" or "iobj" || HasTargetPreposition(document, argument))
                {
                    yield return argument;
                    foreach (var conjunct in DependencyTree.Children(document, argument, "conj"))
                    {
                        yield return conjunct;
                    }
                }

                // "hand over the suspects to Sweden": the recipient hung on the object.
                foreach (var attached in DependencyTree.Children(document, argument, "nmod"))
                {
                    if (HasTargetPreposition(document, attached))
                    {
                        yield return attached;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whom a disapproval or investigation is about, in order: the by-agent of its object ("crimes by extremists"; on
    /// an active verb a by-phrase is that agent, whatever the parse hung it on), then an over/about/against oblique,
    /// or such a phrase hung on another argument ("complained to the UN over Israeli raids").
    /// </summary>
    private static IEnumerable<int> ComplaintTargets(Document document, int predicate)
    {
        var arguments = DependencyTree.Children(document, predicate, "obj", "obl");
        var active = !DependencyTree.IsPassive(document, predicate);
        foreach (var argument in arguments)
        {
            if (active && document.Dependencies[argument].Relation is "obl" && HasCase(document, argument, "by"))
            {
                yield return argument;
            }

            foreach (var agent in DependencyTree.Children(document, argument, "nmod"))
            {
                if (HasCase(document, agent, "by"))
                {
                    yield return agent;
                }
            }
        }

        foreach (var argument in arguments)
        {
            foreach (var about in DependencyTree.Children(document, argument, "nmod").Prepend(argument))
            {
                if ((about != argument || document.Dependencies[argument].Relation is "obl")
                    && (HasCase(document, about, "over") || HasCase(document, about, "about") || HasCase(document, about, "against")))
                {
                    yield return about;
                }
            }
        }
    }

    private static bool SameCountry(EventActor? actor, EventActor? other) =>
        actor?.Country is { } country && string.Equals(country, other?.Country, StringComparison.Ordinal);

    private static bool HasTargetPreposition(Document document, int argument) =>
        Children(document, argument, "case").Any(marker => TargetPrepositions.Contains(document.TokenText(marker).ToString()));

    /// <summary>An actor counts as named when it is linked, a proper noun, or a sector noun ("officials", "rebels").</summary>
    private bool IsNamed(CodingContext context, EventActor? actor, int head)
    {
        if (actor is null || head < 0)
        {
            return false;
        }

        if (actor.ActorId is not null)
        {
            return true;
        }

        var tags = context.Document.Tags[head];
        return tags.Upos is "PROPN" || RoleOf(context.Document.TokenText(head).ToString()) is not null || RoleOf(tags.Lemma) is not null;
    }

    /// <summary>Sources (one per coordinated conjunct) and the target of a verbal predicate.</summary>
    private static (ImmutableArray<int> Sources, int Target) VerbArguments(Document document, int verb, bool keepSubject)
    {
        // A participle clause with a by-agent ("the Syrian Army backed by Russia") is passive; its noun is the target.
        // One with an object of its own is active, whatever its tag ("Kenyan police arrested twenty protesters" read as
        // a reduced relative): the noun is its subject.
        // A noun standing where a clause belongs (the sentence's root, a reported clause) with a participle on it is a
        // misread main clause ("Israeli tanks fired four shells …", "… rebels surrendered last week, an official said"),
        // and so is a participle coordinated with a verb that has an object ("doctors … donated and delivered goods").
        var head = document.Dependencies[verb].Head;
        var participle = document.Dependencies[verb].Relation is "acl" && string.Equals(document.Tags[verb].Xpos, "VBN", StringComparison.Ordinal)
            && DependencyTree.Objects(document, verb).IsEmpty
            && document.Dependencies[head].Relation is not ("root" or "ccomp" or "parataxis")
            && DependencyTree.Children(document, verb, "conj").All(conjunct => DependencyTree.Objects(document, conjunct).IsEmpty);
        var passive = !keepSubject && (DependencyTree.IsPassive(document, verb) || participle);
        var source = -1;
        var target = -1;
        if (passive)
        {
            foreach (var child in DependencyTree.Children(document, verb, "obl:agent", "obl"))
            {
                if (HasCase(document, child, "by"))
                {
                    source = child;
                    break;
                }
            }

            var passiveSubjects = DependencyTree.Children(document, verb, "nsubj:pass");
            target = passiveSubjects.IsEmpty ? (participle ? document.Dependencies[verb].Head : -1) : passiveSubjects[0];
        }
        else
        {
            source = SubjectOf(document, verb);
            var objects = DependencyTree.Objects(document, verb);
            target = objects.IsEmpty ? -1 : objects[0];
            if (target < 0)
            {
                foreach (var child in DependencyTree.Children(document, verb, "obl", "obl:arg"))
                {
                    foreach (var marker in DependencyTree.Children(document, child, "case"))
                    {
                        if (TargetPrepositions.Contains(document.TokenText(marker).ToString()))
                        {
                            target = child;
                            break;
                        }
                    }

                    if (target >= 0)
                    {
                        break;
                    }
                }
            }
        }

        if (source < 0)
        {
            return ([], target);
        }

        return (CoordinatedSources(document, source), target);
    }

    /// <summary>
    /// Every actor coordinated with <paramref name="source"/>, whichever of the parser's readings of the coordination
    /// came out: conjuncts of the argument itself ("the coalition and the Syrian Army pushed …"); conjuncts of the
    /// noun an unnamed argument governs ("operations of a coalition and the Syrian Army", attached under "coalition");
    /// and a noun phrase stranded right after the argument behind "and" that the parse hung elsewhere ("by operations of
    /// a coalition, and the Syrian Army backed by Russia" with "Army" under the final punctuation), unless that noun
    /// starts a clause of its own as a subject ("… by the coalition, and the army took control").
    /// </summary>
    private static ImmutableArray<int> CoordinatedSources(Document document, int source)
    {
        // A verb coordinated with the noun ("A U.S. official today criticized …" misread) is the event, not a co-actor.
        var sources = new List<int>(DependencyTree.Conjuncts(document, source).Where(conjunct => document.Tags[conjunct].Upos is not ("VERB" or "AUX")));
        if (document.Tags[source].Upos is "NOUN")
        {
            foreach (var governed in DependencyTree.Children(document, source, "nmod"))
            {
                sources.AddRange(DependencyTree.Children(document, governed, "conj"));
            }
        }

        if (sources.Count == 0)
        {
            // The argument itself was read as a verb, with no noun conjunct: there is no source to name.
            return [];
        }

        var end = sources.Max(token => DependencyTree.Subtree(document, token).End);
        var sentenceEnd = SentenceEnd(document, source);
        var at = end;
        while (at < sentenceEnd && document.TokenText(at) is ",")
        {
            at++;
        }

        if (at < sentenceEnd && document.Tags[at].Upos is "CCONJ" && document.TokenText(at).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            var head = -1;
            for (var token = at + 1; token < sentenceEnd; token++)
            {
                var tags = document.Tags[token];
                if (tags.Upos is "NOUN" or "PROPN")
                {
                    head = token;
                }
                else if (!(tags.Upos is "DET" or "ADJ" or "NUM" || (tags.Upos is "PUNCT" && document.TokenText(token) is "-")))
                {
                    break;
                }
            }

            if (head >= 0 && !sources.Contains(head) && !document.Dependencies[head].Relation.StartsWith("nsubj", StringComparison.Ordinal)
                && !IsInside(document, head, sources))
            {
                sources.Add(head);
            }
        }

        return [.. sources];
    }

    /// <summary>True when <paramref name="token"/> is already a dependent somewhere inside one of <paramref name="heads"/>' subtrees.</summary>
    private static bool IsInside(Document document, int token, List<int> heads)
    {
        for (var ancestor = document.Dependencies[token].Head; ancestor >= 0; ancestor = document.Dependencies[ancestor].Head)
        {
            if (heads.Contains(ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static int SentenceStartOf(Document document, int token)
    {
        foreach (var sentence in document.Sentences)
        {
            if (token >= sentence.FirstToken && token < sentence.EndToken)
            {
                return sentence.FirstToken;
            }
        }

        return 0;
    }

    private static int SentenceEnd(Document document, int token)
    {
        foreach (var sentence in document.Sentences)
        {
            if (token >= sentence.FirstToken && token < sentence.EndToken)
            {
                return sentence.EndToken;
            }
        }

        return document.Tokens.Length;
    }

    /// <summary>An event noun's actor: its possessor or compound ("Russia's criticism"), and a with/against/on target.</summary>
    private static (ImmutableArray<int> Sources, int Target) NounArguments(Document document, int noun)
    {
        var source = -1;
        var target = -1;
        foreach (var child in DependencyTree.Children(document, noun, "nmod:poss", "compound", "amod", "nmod"))
        {
            var relation = document.Dependencies[child].Relation;
            if (relation is "nmod" && !HasCase(document, child, "by"))
            {
                if (target < 0 && Children(document, child, "case").Any(marker => TargetPrepositions.Contains(document.TokenText(marker).ToString())))
                {
                    target = child;
                }

                continue;
            }

            if (source < 0)
            {
                source = child;
            }
        }

        return (source < 0 ? [] : [source], target);
    }

    private static ImmutableArray<int> Children(Document document, int head, string relation) => DependencyTree.Children(document, head, relation);

    /// <summary>
    /// The subject of <paramref name="verb"/>: its own (not a relative pronoun), the first conjunct's, the
    /// controller's for a subjectless complement, or a dislocated name the parse hung on the reporting verb
    /// ("Washington, he said, is focused on fighting …").
    /// </summary>
    private static int SubjectOf(Document document, int verb)
    {
        for (var current = verb; current >= 0;)
        {
            var subjects = DependencyTree.Subjects(document, current);
            var timeSubject = -1;
            foreach (var subject in subjects)
            {
                if (!RelativePronouns.Contains(document.TokenText(subject).ToString()) && document.Dependencies[subject].Relation is not "expl")
                {
                    // "Tuesday the Serbian parliament approved": a bare day is when, not who; a time word with a name
                    // on it ("Pakistan today threatened") still leads to that name.
                    if (TimeWords.Contains(document.TokenText(subject).ToString()) && DependencyTree.Children(document, subject, "compound", "nmod:poss").IsEmpty)
                    {
                        timeSubject = timeSubject < 0 ? subject : timeSubject;
                        continue;
                    }

                    return NamedAmong(document, subjects, subject);
                }
            }

            if (timeSubject >= 0)
            {
                return timeSubject;
            }

            // "A French minister threatened today …" with the subject read as a bare noun-phrase modifier of the verb:
            // a caseless noun phrase before a verb that has no subject is its subject, unless it says when.
            if (subjects.IsEmpty)
            {
                foreach (var child in DependencyTree.Children(document, current, "obl:unmarked"))
                {
                    if (child < current && document.Tags[child].Upos is "NOUN" or "PROPN" && !TimeWords.Contains(document.TokenText(child).ToString())
                        && DependencyTree.Children(document, child, "case", "nummod").IsEmpty)
                    {
                        return child;
                    }
                }
            }

            if (!subjects.IsEmpty && RelativePronouns.Contains(document.TokenText(subjects[0]).ToString())
                && document.Dependencies[current].Relation is "acl:relcl")
            {
                return document.Dependencies[current].Head; // "the nations which accused …"
            }

            var arc = document.Dependencies[current];
            if (arc.Head < 0)
            {
                return -1;
            }

            // "The party issued a statement demanding …": who issued the statement demands.
            if (arc.Relation is "acl" && document.Dependencies[arc.Head].Relation is "obj" && Statements.Contains(Lower(document.Tags[arc.Head].Lemma)))
            {
                current = document.Dependencies[arc.Head].Head;
                continue;
            }

            if ((arc.Relation is "acl" && !HasMarker(document, current, "to") && document.Tags[arc.Head].Upos is "NOUN" or "PROPN")
                || (arc.Relation is "conj" && arc.Head < current && document.Tags[arc.Head].Upos is "NOUN" or "PROPN" or "ADJ"
                    && DependencyTree.Subjects(document, arc.Head).IsEmpty && RoleOrName(document, arc.Head)))
            {
                // "A top U.S. official today praised …" misread as a noun phrase coordinated with the verb: the noun
                // before it is who acted.
                return arc.Head; // "police arrested …" misread as a noun with a participle clause; "troops arriving in …"
            }

            if (arc.Relation is "xcomp" or "advcl" or "conj" or "acl")
            {
                current = arc.Head;
                continue;
            }

            if (arc.Relation is "ccomp")
            {
                foreach (var dislocated in DependencyTree.Children(document, arc.Head, "vocative", "dislocated"))
                {
                    return dislocated;
                }
            }

            return -1;
        }

        return -1;
    }

    /// <summary>
    /// Of several subjects the parse gave one verb (a split noun phrase: "Lt." + "Prosper Avril", "rebel" + "Kurdistan
    /// Workers' Party", "Hezbollah" + "guerrillas"), the first whose phrase holds a named entity, else the last, which is
    /// where English puts the head.
    /// </summary>
    private static int NamedAmong(Document document, ImmutableArray<int> subjects, int first)
    {
        // A passive subject of a verb with no passive auxiliary is a piece of the same split phrase ("Vice-President" +
        // "Moody Awori" in "Vice-President Moody Awori has declined").
        var verb = document.Dependencies[first].Head;
        var active = verb >= 0 && DependencyTree.Children(document, verb, "aux:pass").IsEmpty;
        var candidates = subjects.Where(subject => subject >= first
            && (document.Dependencies[subject].Relation is "nsubj" || (active && document.Dependencies[subject].Relation is "nsubj:pass"))
            && !TimeWords.Contains(document.TokenText(subject).ToString())).ToList();
        if (candidates.Count < 2)
        {
            return first;
        }

        // A mention that reaches into the subject's phrase counts: the split may have left part of the name elsewhere.
        foreach (var subject in candidates)
        {
            var (start, end) = DependencyTree.Subtree(document, subject);
            if (document.Mentions.Any(mention => mention.FirstToken < end && mention.EndToken > start))
            {
                return subject;
            }
        }

        return candidates[^1];
    }

    /// <summary>True when the noun is a name or carries one ("U.S. official"), so it can stand for an actor.</summary>
    private static bool RoleOrName(Document document, int noun) =>
        document.Tags[noun].Upos is "PROPN"
        || DependencyTree.Children(document, noun, "compound", "amod", "nmod:poss").Any(child => document.Tags[child].Upos is "PROPN");

    private static bool HasCase(Document document, int token, string preposition)
    {
        foreach (var marker in DependencyTree.Children(document, token, "case"))
        {
            if (document.TokenText(marker).Equals(preposition, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The actor an argument names: the link on its head, on a modifier ("a US-led coalition", "operations of a
    /// US-led coalition"), or for a pronoun the first conjunct's object or the nearest earlier link in the sentence.
    /// A country link gains a sector role from the head noun or its modifiers ("Pakistani military commanders" → PAKMIL).
    /// </summary>
    private EventActor? ResolveActor(CodingContext context, int head, int trigger, EventActor? exclude)
    {
        var document = context.Document;
        var text = document.TokenText(head).ToString();
        if (Pronouns.Contains(text))
        {
            var governor = document.Dependencies[head].Head;

            // "The union announced that it has called off the strike": the subject of a reported clause refers back to
            // the reporter.
            if (document.Dependencies[head].Relation is "nsubj" && governor >= 0 && document.Dependencies[governor].Relation is "ccomp"
                && SubjectOf(document, document.Dependencies[governor].Head) is >= 0 and var reporter && reporter != head
                && !Pronouns.Contains(document.TokenText(reporter).ToString())
                && ResolveActor(context, reporter, trigger, exclude) is { Cameo: not null } antecedentActor)
            {
                return antecedentActor with { Span = document.Tokens[head].Span };
            }

            if (governor >= 0 && document.Dependencies[governor].Relation is "conj")
            {
                var first = DependencyTree.Conjuncts(document, governor)[0];
                var objects = DependencyTree.Objects(document, first);
                if (!objects.IsEmpty && context.LinkAt(objects[0]) is { } antecedent)
                {
                    return new EventActor(document.Tokens[head].Span, antecedent.ActorId, antecedent.Cameo, antecedent.Country);
                }
            }

            var sentenceStart = context.SentenceStart(head);
            for (var token = head - 1; token >= sentenceStart; token--)
            {
                if (context.LinkAt(token) is { ActorId: not null } earlier && (exclude is null || !earlier.Span.Contains(exclude.Span)))
                {
                    return new EventActor(document.Tokens[head].Span, earlier.ActorId, earlier.Cameo, earlier.Country);
                }
            }

            return null;
        }

        // A link that names nobody the knowledge base knows (an unknown person) says nothing about the actor's code;
        // the phrase around it may ("Zimbabwean Prime Minister …").
        var (first2, end) = NounPhrase(document, head);
        var span = new TextSpan(document.Tokens[first2].Span.Start, document.Tokens[end - 1].Span.End);
        var headLink = Coded(context.LinkAt(head));

        // An organisation the knowledge base knows by a name the recogniser missed or cut ("Hizbollah (Party of God"
        // taken for one name; only "European" found in "European Community ministers") outranks a link on one word of it.
        if (headLink is null && KnownActorNamedIn(document, head) is { } known)
        {
            return new EventActor(span, known.Id.Value, known.Cameo, known.Country);
        }

        var link = headLink ?? Coded(LinkInside(context, head, depth: 3));
        if (link is null)
        {
            // A demonym or country name the recogniser left unlinked, anywhere in the noun phrase ("Palestinian
            // prisoners", "Georgian President Eduard Shevardnadze").
            var role = SectorWords(document, head).Select(RoleOf).FirstOrDefault(r => r is not null);

            if (CountryNamedIn(document, head) is { } named)
            {
                return new EventActor(span, named, named + role, named);
            }

            // A place the knowledge base has no actor for but the geoparser resolved ("targets in Jericho") stands for
            // its country.
            foreach (var place in document.Places)
            {
                if (place.Span.Contains(document.Tokens[head].Span) && place.Country is { Length: 3 } placeCountry)
                {
                    return new EventActor(span, null, placeCountry, placeCountry);
                }
            }

            // A generic actor ("police", "the troops", "protesters") is its sector role in the country the document is
            // mainly about: the text names no other country for it. So is a person the knowledge base does not know
            // ("Lt. Gen. Prosper Avril resigned …"): news names foreigners by their country, not bare.
            if (role is not null || IsUnknownPerson(context, head))
            {
                var main = context.MainCountry;
                return new EventActor(span, null, main + role, main);
            }

            return new EventActor(span, null, null, null);
        }

        var cameo = link.Cameo;
        if (cameo is not null && cameo.Length == 3 && link.Country is { } country && string.Equals(cameo, country, StringComparison.Ordinal))
        {
            foreach (var word in SectorWords(document, head))
            {
                if (RoleOf(word) is { } role)
                {
                    cameo = country + role;
                    break;
                }
            }
        }

        return new EventActor(link.Span.Contains(document.Tokens[head].Span) ? link.Span : span, link.ActorId, cameo, link.Country);
    }

    private static bool IsUnknownPerson(CodingContext context, int head)
    {
        var (first, end) = NounPhrase(context.Document, head);

        // A title the parse made the head, with the name hung on it as an apposition right after it
        // ("Lt. Col. Amadou Sanogo": "Lt." ← appos "Amadou").
        foreach (var child in DependencyTree.Children(context.Document, head, "appos"))
        {
            if (child == end)
            {
                end = DependencyTree.Subtree(context.Document, child).End;
            }
        }

        foreach (var mention in context.Document.Mentions)
        {
            if (mention.FirstToken < end && first < mention.EndToken && mention.Type is "PER")
            {
                return context.LinkAt(mention.FirstToken)?.ActorId is null;
            }
        }

        return false;
    }

    /// <summary>A country named by a demonym or name in the head's noun phrase; plural demonyms too ("Palestinians").</summary>
    private static EntityLink? Coded(EntityLink? link) => link is { Cameo: not null } or { Country: not null } ? link : null;

    private string? CountryNamedIn(Document document, int head)
    {
        var (first, end) = NounPhrase(document, head);

        // A demonym just before the phrase that the parse hung elsewhere still describes it ("Bolivian President X" with
        // "Bolivian" as an adverb of the verb).
        if (first > SentenceStartOf(document, head) && document.Tags[first - 1].Upos is "ADJ")
        {
            first--;
        }

        for (var token = first; token < end; token++)
        {
            var text = document.TokenText(token);
            var country = CountryCalled(text) ?? (text.Length > 3 && text[^1] == 's' ? CountryCalled(text[..^1]) : null);
            if (country is not null)
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>
    /// An organisation, armed group or government body named in the head's noun phrase: a run of capitalised words
    /// ("Amnesty International", "European Community" in "European Community foreign ministers"). Only a name that
    /// denotes one such actor counts; countries are left to <see cref="CountryNamedIn"/>, people to the linker.
    /// </summary>
    private Actor? KnownActorNamedIn(Document document, int head)
    {
        var (first, end) = NounPhrase(document, head);
        end = Math.Max(end, head + 1);
        for (var start = first; start < end; start++)
        {
            if (!IsCapitalisedWord(document, start))
            {
                continue;
            }

            var stop = start + 1;
            while (stop < end && IsCapitalisedWord(document, stop))
            {
                stop++;
            }

            var run = document.Text.AsSpan(document.Tokens[start].Span.Start, document.Tokens[stop - 1].Span.End - document.Tokens[start].Span.Start);
            if (OnlyOrganisationCalled(run) is { } actor)
            {
                return actor;
            }

            start = stop;
        }

        return null;

        static bool IsCapitalisedWord(Document document, int token) =>
            document.Tags[token].Upos is not ("DET" or "PUNCT" or "ADP") && char.IsUpper(document.TokenText(token)[0]);
    }

    private Actor? OnlyOrganisationCalled(ReadOnlySpan<char> name)
    {
        if (!_names.TryGet(name, out var candidates))
        {
            return null;
        }

        Actor? found = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Actor.Type is not (ActorType.Igo or ActorType.ArmedGroup or ActorType.GovernmentBody)
                || candidate.Kind is not (NameKind.Name or NameKind.Alias)
                || (found is not null && !ReferenceEquals(found, candidate.Actor)))
            {
                return null;
            }

            found = candidate.Actor;
        }

        return found;
    }

    private string? CountryCalled(ReadOnlySpan<char> word)
    {
        if (_names.TryGet(word, out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Actor.Type == ActorType.Country && candidate.Kind is NameKind.Demonym or NameKind.Name)
                {
                    return candidate.Actor.Id.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The sector role a word names, singular or plural ("soldier" as "soldiers").</summary>
    private string? RoleOf(string word) =>
        _sectorRoles.GetValueOrDefault(word) ?? (word.Length > 2 && !word.EndsWith('s') ? _sectorRoles.GetValueOrDefault(word + "s") : null);

    private static IEnumerable<string> SectorWords(Document document, int head)
    {
        yield return document.TokenText(head).ToString();
        yield return document.Tags[head].Lemma;
        foreach (var modifier in DependencyTree.Children(document, head, "amod", "compound", "nmod:desc"))
        {
            yield return document.TokenText(modifier).ToString();
        }
    }

    private static EntityLink? LinkInside(CodingContext context, int head, int depth)
    {
        foreach (var child in DependencyTree.Children(context.Document, head, "compound", "amod", "nmod:poss", "nmod", "flat", "obl:unmarked", "appos"))
        {
            // A link that carries no code ("the Golan Heights" in "inhabitants of the Syrian Golan Heights") does not end
            // the search; a coded one further in may name the country.
            if (Coded(context.LinkAt(child)) is { } link)
            {
                return link;
            }
        }

        if (depth > 1)
        {
            foreach (var child in DependencyTree.Children(context.Document, head, "compound", "amod", "nmod", "appos"))
            {
                if (LinkInside(context, child, depth - 1) is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    /// <summary>The head with its determiners and modifiers before it ("the Syrian Army"), not its clauses.</summary>
    private static (int First, int End) NounPhrase(Document document, int head)
    {
        var first = head;
        foreach (var child in DependencyTree.Children(document, head, "det", "amod", "compound", "nmod:poss", "flat", "nummod", "obl:unmarked", "nmod:desc"))
        {
            if (child < head)
            {
                first = Math.Min(first, DependencyTree.Subtree(document, child).First);
            }
        }

        var end = head + 1;
        foreach (var child in DependencyTree.Children(document, head, "flat", "compound"))
        {
            end = Math.Max(end, child + 1);
        }

        return (first, end);
    }

    private static TextSpan EvidenceSpan(Document document, int trigger, int source, int target)
    {
        var first = trigger;
        var end = trigger + 1;
        foreach (var argument in new[] { source, target })
        {
            if (argument >= 0)
            {
                var (f, e) = NounPhrase(document, argument);
                first = Math.Min(first, f);
                end = Math.Max(end, e);
            }
        }

        return new TextSpan(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
    }

    private static TextSpan? ClaimantOf(Document document, TextSpan trigger)
    {
        foreach (var quote in document.Quotes)
        {
            if (quote.Content.Contains(trigger))
            {
                return quote.Speaker ?? quote.Source;
            }
        }

        return null;
    }

    /// <summary>The sentence's place reference nearest the trigger that names neither actor.</summary>
    private static TextSpan? PlaceOf(Document document, Sentence sentence, int trigger, EventActor? source, EventActor? target)
    {
        TextSpan? best = null;
        var bestDistance = int.MaxValue;
        var at = document.Tokens[trigger].Span.Start;
        foreach (var place in document.Places)
        {
            if (!sentence.Span.Contains(place.Span) || Overlaps(place.Span, source?.Span) || Overlaps(place.Span, target?.Span))
            {
                continue;
            }

            var distance = Math.Abs(place.Span.Start - at);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = place.Span;
            }
        }

        return best;
    }

    private static bool Overlaps(TextSpan a, TextSpan? b) => b is { } other && a.Start < other.End && other.Start < a.End;

    /// <summary>The clause's own time expression, else the sentence's first, else the publication day.</summary>
    private static EventDate? DateOf(CodingContext context, Sentence sentence, int trigger)
    {
        var document = context.Document;
        var (first, end) = DependencyTree.Subtree(document, trigger);
        var clause = new TextSpan(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
        Text.Quantities.TimeExpression? inSentence = null;
        foreach (var expression in document.TimeExpressions)
        {
            if (clause.Contains(expression.Span))
            {
                return new EventDate(expression.Start, expression.End, FromPublication: false);
            }

            if (inSentence is null && sentence.Span.Contains(expression.Span))
            {
                inSentence = expression;
            }
        }

        if (inSentence is not null)
        {
            return new EventDate(inSentence.Start, inSentence.End, FromPublication: false);
        }

        return document.Metadata.Published is { } published ? new EventDate(published, published.AddDays(1), FromPublication: true) : null;
    }

    private static string Lower(string value) => value.ToLowerInvariant();

    /// <summary>Per-document lookups built once: the link covering each token, and each token's sentence start.</summary>
    private sealed class CodingContext
    {
        private readonly int[] _linkOfToken;
        private readonly int[] _sentenceStart;
        private string? _mainCountry;
        private bool _mainCountryFound;

        public CodingContext(Document document)
        {
            Document = document;
            _linkOfToken = new int[document.Tokens.Length];
            Array.Fill(_linkOfToken, -1);
            for (var i = 0; i < document.Links.Length; i++)
            {
                var link = document.Links[i];
                for (var token = document.TokenAt(link.Span.Start); token < document.Tokens.Length && document.Tokens[token].Span.Start < link.Span.End; token++)
                {
                    _linkOfToken[token] = i;
                }
            }

            _sentenceStart = new int[document.Tokens.Length];
            foreach (var sentence in document.Sentences)
            {
                for (var token = sentence.FirstToken; token < sentence.EndToken; token++)
                {
                    _sentenceStart[token] = sentence.FirstToken;
                }
            }
        }

        public Document Document { get; }

        public EntityLink? LinkAt(int token) => _linkOfToken[token] >= 0 ? Document.Links[_linkOfToken[token]] : null;

        /// <summary>
        /// The country the document mentions most (linked actors' countries and resolved places; the earliest on a
        /// tie), or null when it names none.
        /// </summary>
        public string? MainCountry
        {
            get
            {
                if (!_mainCountryFound)
                {
                    _mainCountry = FindMainCountry(Document);
                    _mainCountryFound = true;
                }

                return _mainCountry;
            }
        }

        private static string? FindMainCountry(Document document)
        {
            var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
            void Count(string? country, int at)
            {
                if (!string.IsNullOrEmpty(country))
                {
                    var (count, first) = counts.GetValueOrDefault(country, (0, at));
                    counts[country] = (count + 1, Math.Min(first, at));
                }
            }

            foreach (var link in document.Links)
            {
                Count(link.Country, link.Span.Start);
            }

            foreach (var place in document.Places)
            {
                Count(place.Country, place.Span.Start);
            }

            return counts.OrderByDescending(entry => entry.Value.Count).ThenBy(entry => entry.Value.First).Select(entry => entry.Key).FirstOrDefault();
        }

        public int SentenceStart(int token) => _sentenceStart[token];
    }
}
