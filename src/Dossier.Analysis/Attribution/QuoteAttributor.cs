using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Attribution;
using Dossier.Text.Knowledge;

namespace Dossier.Analysis.Attribution;

/// <summary>
/// Finds attributed statements and who made them, by ordered rules in the manner of CoreNLP's quote
/// attribution sieves, each recorded in the quote's provenance:
/// <list type="number">
/// <item>direct quotes are found by pairing quotation marks in each paragraph (an opening mark left open
/// at a paragraph's end continues into the next), then attributed by a reporting cue right after the
/// closing mark (<c>,” he told RIA Novosti</c>), right before the opening one (<c>Kabulov said: “</c>), or
/// else as the continuation of the previous quote in the same or the previous paragraph;</item>
/// <item>indirect speech is found from reporting cues outside direct quotes: pre-posed
/// (<c>Kabulov said Moscow was …</c>), post-posed (<c>…, Kabulov added.</c>, with appositions),
/// interposed (<c>Washington, he said, is …</c>), coordinated (<c>… and said it was …</c>),
/// <c>according to X</c>, and a headline's closing dash (<c>… – Moscow</c>);</item>
/// <item>speakers are resolved in document order: a surname to the full name used earlier, a pronoun or a
/// definite description ("the diplomat") to the most recent named speaker, and a description before any
/// name (a standfirst's "Russia's special envoy") to the first named speaker after it.</item>
/// </list>
/// Stateless and thread-safe.
/// </summary>
public sealed class QuoteAttributor : IPipelineComponent
{
    /// <summary>Quoted stretches this short (in tokens, marks excluded) without a full stop are scare quotes or titles, not speech.</summary>
    private const int ShortQuote = 4;

    private readonly AttributionCueModel? _cueModel;

    /// <summary>
    /// An attributor using the rules (and, on parsed documents, the parse sieve); with a
    /// <paramref name="cueModel"/>, a last sieve adds attributions for the verbs the model judges to be cues.
    /// </summary>
    public QuoteAttributor(AttributionCueModel? cueModel = null) => _cueModel = cueModel;

    /// <inheritdoc />
    public string Name => "quotes";

    /// <inheritdoc />
    public Layers Requires => Layers.Paragraphs | Layers.Tokens | Layers.Sentences;

    /// <inheritdoc />
    public Layers Produces => Layers.Quotes;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<Found>();
        var marks = FindQuoteMarks(document);
        AttributeDirectQuotes(document, marks, found);
        FindIndirectSpeech(document, marks, found);
        FindHeadlineAttribution(document, found);
        FindDashedSpeakers(document, found);
        FindTranscriptSpeakers(document, found);
        if (!document.Dependencies.IsDefaultOrEmpty && !document.Tags.IsDefaultOrEmpty)
        {
            FindClausalComplements(document, marks, found);
            FindStanceVerbs(document, marks, found);
            FindNominalCues(document, marks, found, stanceNouns: false);
            FindStancePredicates(document, marks, found);
            FindPassiveStances(document, marks, found);
            AttributeGoverned(document, marks, found, "parse/actor", verb => HasActorSubject(document, verb) && !InsideQuotation(document, marks, verb), requireSource: true);
            // Stance nouns last: a verb whose object they are attributes more ("floated a plan to cut the tax").
            FindNominalCues(document, marks, found, stanceNouns: true);
            if (_cueModel is not null)
            {
                FindLearnedCues(document, marks, found, _cueModel);
            }
        }


        if (!document.Dependencies.IsDefaultOrEmpty)
        {
            foreach (var item in found)
            {
                SourceFromParse(document, item);
            }
        }

        SplitAccordingToChannels(document, found);
        found.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        ResolveSpeakers(document, found);
        return document with
        {
            Quotes = [.. found.Select(f => new Quote(f.Content, f.Kind, f.Cue, f.Source, f.Speaker, f.Channel, new Provenance(Name, f.Rule))
            {
                SpeakerActor = ActorOf(document, f.Speaker),
                ChannelActor = ActorOf(document, f.Channel),
            })],
        };
    }

    /// <summary>
    /// The actor a resolved name refers to: the linked mention inside it that covers most of it ("Zamir Kabulov",
    /// "RIA Novosti"; "the Russian Foreign Ministry" through its mention). Null before linking, for a mention the
    /// knowledge base lacks, and for a name only partly covered ("Russia" is not the speaker of "Russia's envoy").
    /// </summary>
    internal static string? ActorOf(Document document, TextSpan? name)
    {
        if (name is not { } span || document.Links.IsDefaultOrEmpty)
        {
            return null;
        }

        EntityLink? best = null;
        foreach (var link in document.Links)
        {
            if (link.Span.Start >= span.End)
            {
                break; // links are in text order
            }

            if (link.ActorId is null)
            {
                continue;
            }

            if (link.Span.Contains(span))
            {
                return link.ActorId; // the name is part of a longer linked mention ("Kabulov" in "Zamir Kabulov")
            }

            if (span.Contains(link.Span) && (best is null || link.Span.Length > best.Span.Length))
            {
                best = link;
            }
        }

        // The mention must be the name, not a modifier inside it: it covers at least half of the characters.
        return best is not null && 2 * best.Span.Length >= span.Length ? best.ActorId : null;
    }

    /// <summary>
    /// The source as the parse marks it: the full noun phrase of the cue verb's subject (or a passive's agent), as
    /// PolNeAR marks sources — determiners, modifiers and appositions included, relative clauses left out
    /// ("Sen. David Perdue (R-Ga.)", "Brian Fallon, the campaign's press secretary", "the source"). A participle or
    /// controlled verb without a subject of its own ("…, saying …", "agreed to …") takes the subject of the verb it
    /// hangs on; a participle modifying a noun ("a tweet describing …") takes that noun. Surface rules keep their
    /// source where the parse has none.
    /// </summary>
    private static void SourceFromParse(Document document, Found item)
    {
        // Direct quotes, post-posed and interposed cues keep the surface source: their speaker sits next to the cue, where
        // the parse of a sentence broken by quotation marks or commas is least reliable.
        if (item.Cue is not { } cue || item.ContinuationOf is not null
            || !(item.Rule.StartsWith("parse/", StringComparison.Ordinal) || item.Rule is "indirect/preposed" or "indirect/coordinated"))
        {
            return;
        }

        var verb = document.TokenAt(cue.Start);
        if (verb < 0 || document.Tags[verb].Upos is not ("VERB" or "AUX"))
        {
            return;
        }

        if (SourcePhrase(document, verb) is var (first, end))
        {
            SetSource(document, item, first, end);
        }
        else if (item.SourceTokens is var (sourceFirst, sourceEnd) && !LooksLikeNounPhrase(document, sourceFirst, sourceEnd))
        {
            // The surface rule took the words before the cue ("in effect said …", "from saying …"); with no subject in
            // the parse either, no source is better than a wrong one.
            item.Source = null;
            item.SourceTokens = null;
        }
    }

    /// <summary>True when tokens [first, end) can be a noun phrase: not opening with a preposition, adverb or verb, ending in a noun or pronoun.</summary>
    private static bool LooksLikeNounPhrase(Document document, int first, int end) =>
        document.Tags[first].Upos is not ("ADP" or "ADV" or "VERB" or "AUX" or "PART" or "SCONJ" or "CCONJ")
        && document.Tags[end - 1].Upos is "NOUN" or "PROPN" or "PRON" or "NUM" or "X";

    /// <summary>The token range of the source of <paramref name="verb"/> in the parse, or null when it has none.</summary>
    internal static (int First, int End)? SourcePhrase(Document document, int verb)
    {
        var current = verb;
        for (var step = 0; step < 4 && current >= 0; step++)
        {
            var passive = !Syntax.DependencyTree.Children(document, current, "aux:pass").IsEmpty;
            var sources = passive ? Syntax.DependencyTree.Children(document, current, "obl:agent")
                : Syntax.DependencyTree.Children(document, current, "nsubj", "csubj");
            if (!sources.IsEmpty)
            {
                var (first, end) = NounPhrase(document, sources[0]);
                if (new SentenceTokens(document).Is(first, "by"))
                {
                    first++;
                }

                return end > first ? (first, end) : null;
            }

            if (passive)
            {
                return null;
            }

            var relation = document.Dependencies[current].Relation;
            var head = document.Dependencies[current].Head;
            if (relation is "acl" && head >= 0 && head < current)
            {
                // A text someone put out speaks for its author: "Trump sent tweets saying …" is Trump's saying.
                if (ReportingCues.IsPublishedText(document.Tags[head].Lemma) && document.Dependencies[head].Relation is "obj"
                    && document.Dependencies[head].Head is var publisher and >= 0 && document.Tags[publisher].Upos is "VERB"
                    && ReportingCues.IsPublishingVerb(document.Tags[publisher].Lemma)
                    && Syntax.DependencyTree.Children(document, publisher, "nsubj") is [var author, ..])
                {
                    return NounPhrase(document, author) is var (authorFirst, authorEnd) && authorEnd > authorFirst ? (authorFirst, authorEnd) : null;
                }

                var (first, _) = NounPhrase(document, head);
                var end = current;
                return end > first ? (first, end) : null;
            }

            // A participle set off by a comma that the parser made parenthetical ("…, adding that …") shares its head's subject.
            if (relation is not ("conj" or "xcomp" or "advcl") && !(relation is "parataxis" && document.Tags[current].Xpos is "VBG"))
            {
                return null;
            }

            current = head;
        }

        return null;
    }

    /// <summary>A noun phrase from the parse: the head's subtree up to its first relative clause, without edge punctuation.</summary>
    private static (int First, int End) NounPhrase(Document document, int head)
    {
        var tokens = new SentenceTokens(document);
        var (first, end) = Syntax.DependencyTree.Subtree(document, head);
        for (var token = head + 1; token < end; token++)
        {
            // A relative clause or participle on the head or on a noun inside the phrase ("of the province, who spoke …").
            if (document.Dependencies[token].Relation is "acl:relcl" or "acl")
            {
                end = Math.Min(end, Syntax.DependencyTree.Subtree(document, token).First);
            }
        }

        // A relative pronoun alone stays: PolNeAR marks "who" as the source of "…, who said …".
        while (end > first + 1 && (tokens.IsClauseBreak(end - 1) || tokens.IsQuoteMark(end - 1) || tokens.Is(end - 1, "who") || tokens.Is(end - 1, "which") || tokens.Is(end - 1, "that"))
               && !ClosesParenthesis(document, first, end - 1))
        {
            end--;
        }

        return (first, end);
    }

    /// <summary>A quote being built: token ranges as well as spans, so later rules can reason over tokens.</summary>
    private sealed class Found
    {
        public required TextSpan Content { get; init; }

        public required QuoteKind Kind { get; set; }

        public required string Rule { get; set; }

        public TextSpan? Cue { get; set; }

        public TextSpan? Source { get; set; }

        public (int First, int End)? SourceTokens { get; set; }

        public TextSpan? Speaker { get; set; }

        public TextSpan? Channel { get; set; }

        /// <summary>For continuations: the quote whose speaker this one inherits.</summary>
        public Found? ContinuationOf { get; set; }
    }

    /// <summary>A pair of quotation marks: opening token, closing token (inclusive), and whether it closed in its paragraph.</summary>
    private readonly record struct QuoteMarks(int Open, int Close, bool Closed, int Paragraph);

    private static List<QuoteMarks> FindQuoteMarks(Document document)
    {
        var tokens = new SentenceTokens(document);
        var result = new List<QuoteMarks>();
        var t = 0;
        for (var p = 0; p < document.Paragraphs.Length; p++)
        {
            var paragraphEnd = document.Paragraphs[p].Span.End;
            var open = -1;
            var first = t;
            for (; t < tokens.Count && document.Tokens[t].Span.End <= paragraphEnd; t++)
            {
                if (open < 0 && tokens.IsOpeningQuote(t))
                {
                    open = t;
                }
                else if (open >= 0 && (tokens.IsClosingQuote(t) || (tokens[t] is "\"" or "''" && t > open)))
                {
                    result.Add(new QuoteMarks(open, t, Closed: true, p));
                    open = -1;
                }
            }

            if (open >= 0 && t - 1 > open)
            {
                result.Add(new QuoteMarks(open, t - 1, Closed: false, p)); // runs on into the next paragraph
            }

            _ = first;
        }

        return result;
    }

    private static bool IsSpeech(Document document, QuoteMarks quote)
    {
        var tokens = new SentenceTokens(document);
        var inner = quote.Close - quote.Open - (quote.Closed ? 1 : 0);
        if (inner > ShortQuote)
        {
            return true;
        }

        for (var i = quote.Open + 1; i <= quote.Close; i++)
        {
            if (tokens.IsTerminal(i))
            {
                return true;
            }
        }

        return false;
    }

    private static void AttributeDirectQuotes(Document document, List<QuoteMarks> marks, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        Found? previous = null;
        var previousParagraph = -1;
        var previousRanOn = false;
        foreach (var quote in marks)
        {
            if (!IsSpeech(document, quote))
            {
                continue;
            }

            var content = tokens.Span(quote.Open, quote.Close + 1);
            var item = new Found { Content = content, Kind = QuoteKind.Direct, Rule = "direct/continuation" };
            var sentenceAfter = SentenceOf(document, quote.Close);
            var sentenceBefore = SentenceOf(document, quote.Open);
            if (quote.Closed && TryCueAfter(document, quote.Close + 1, document.Sentences[sentenceAfter].EndToken, item))
            {
                item.Rule = "direct/cue-after";
            }
            else if (quote.Closed && TryCueInNextSentence(document, quote, sentenceAfter, item))
            {
                item.Rule = "direct/cue-after";
            }
            else if (TryCueBefore(document, document.Sentences[sentenceBefore].FirstToken, quote.Open, item)
                     || TryCueEndingPreviousParagraph(document, quote, sentenceBefore, item))
            {
                item.Rule = "direct/cue-before";
            }
            else if (previous is not null && (quote.Paragraph == previousParagraph || (previousRanOn && quote.Paragraph == previousParagraph + 1)
                     || quote.Paragraph == previousParagraph + 1)
                     && OpensSentence(document, quote.Open, document.Sentences[sentenceBefore].FirstToken))
            {
                item.ContinuationOf = previous;
            }
            else
            {
                continue; // a quotation nobody is said to have said: not an attribution
            }

            found.Add(item);
            previous = item.ContinuationOf ?? item;
            previousParagraph = quote.Paragraph;
            previousRanOn = !quote.Closed;
        }
    }

    /// <summary>
    /// True when the quotation opens its sentence (after at most a connective such as "But"): only then can it continue an
    /// earlier speaker's words. A quotation inside a sentence ("Leaders called the test “reckless”") belongs to that
    /// sentence's own cue, which the indirect and parse rules find.
    /// </summary>
    private static bool OpensSentence(Document document, int open, int sentenceFirst)
    {
        var tokens = new SentenceTokens(document);
        var first = sentenceFirst;
        while (first < open && (IsLeadingConnective(tokens[first]) || tokens.IsClauseBreak(first) || tokens[first] is "-" or "…"))
        {
            first++;
        }

        return first == open;
    }

    /// <summary><c>,” he told RIA Novosti.</c> / <c>,” said Kabulov.</c> / <c>,” Kabulov stressed.</c></summary>
    private static bool TryCueAfter(Document document, int start, int sentenceEnd, Found item)
    {
        var tokens = new SentenceTokens(document);
        var limit = Math.Min(sentenceEnd, start + 8);
        for (var cue = start; cue < limit; cue++)
        {
            if (tokens[cue] is "(" && cue > start && ClosingParenthesis(document, cue, sentenceEnd) is var close and > 0)
            {
                // A parenthetical inside the speaker's name: ",” Rep. Jane Roe (D-Ohio) said." The cue may lie past it.
                limit = Math.Min(sentenceEnd, limit + close - cue + 1);
                cue = close;
                continue;
            }

            if (tokens.IsClauseBreak(cue) || tokens.IsQuoteMark(cue) || tokens.IsTerminal(cue))
            {
                if (cue > start && AppositionBeforeCue(document, cue, sentenceEnd) is var appositionEnd and > 0)
                {
                    // An age or a description between the speaker's name and the cue: ",” Jane Roe, 25, said".
                    limit = Math.Min(sentenceEnd, appositionEnd + 3);
                    cue = appositionEnd;
                    continue;
                }

                if (cue > start)
                {
                    return false; // the cue must come before any other clause
                }

                continue;
            }

            if (!IsDirectCue(document, cue))
            {
                continue;
            }

            var sourceFirst = start;
            while (sourceFirst < cue && (tokens.IsClauseBreak(sourceFirst) || tokens.IsQuoteMark(sourceFirst)))
            {
                sourceFirst++;
            }

            item.Cue = document.Tokens[cue].Span;
            if (sourceFirst < cue)
            {
                SetSource(document, item, sourceFirst, cue);
            }
            else
            {
                var sourceEnd = NounPhraseEnd(document, cue + 1, sentenceEnd);
                if (sourceEnd > cue + 1)
                {
                    SetSource(document, item, cue + 1, sourceEnd);
                }
            }

            FindChannel(document, cue, sentenceEnd, item);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Index of the comma that closes a short apposition opened by the comma at <paramref name="comma"/> and followed at
    /// once by a cue (", 25, said", ", a council member, said"); -1 otherwise. With tags the apposition has no verb.
    /// </summary>
    private static int AppositionBeforeCue(Document document, int comma, int sentenceEnd)
    {
        var tokens = new SentenceTokens(document);
        if (tokens[comma] is not ",")
        {
            return -1;
        }

        for (var i = comma + 1; i < sentenceEnd && i <= comma + 9; i++)
        {
            if (tokens[i] is ",")
            {
                return i > comma + 1 && i + 1 < sentenceEnd && IsDirectCue(document, i + 1) ? i : -1;
            }

            if (tokens.IsClauseBreak(i) || tokens.IsQuoteMark(i) || tokens.IsTerminal(i)
                || (!document.Tags.IsDefaultOrEmpty && document.Tags[i].Upos is "VERB" or "AUX"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary><c>Kabulov said: “…</c> / <c>He told RIA Novosti, “…</c></summary>
    private static bool TryCueBefore(Document document, int sentenceStart, int open, Found item)
    {
        var tokens = new SentenceTokens(document);
        var cue = open - 1;
        while (cue >= sentenceStart && (tokens[cue] is ":" or ","))
        {
            cue--;
        }

        // Allow a channel between cue and quote: "he told RIA Novosti: “…".
        var scan = cue;
        while (scan >= sentenceStart && scan > cue - 4 && !IsDirectCue(document, scan))
        {
            scan--;
        }

        if (scan < sentenceStart || !IsDirectCue(document, scan))
        {
            return false;
        }

        cue = scan;
        var sourceFirst = ClauseStart(document, sentenceStart, cue);
        if (sourceFirst >= cue)
        {
            return false;
        }

        item.Cue = document.Tokens[cue].Span;
        SetSource(document, item, sourceFirst, cue);
        FindChannel(document, cue, open, item);
        return true;
    }

    /// <summary>
    /// <c>“How many times must we see this?” Roe asked.</c> A question or exclamation mark closes the sentence inside the
    /// quotation, so the cue stands alone in the next sentence. Taken only when that sentence says nothing else: no verb
    /// after the cue (else "Roe said the plan would fail." is a statement of its own).
    /// </summary>
    private static bool TryCueInNextSentence(Document document, QuoteMarks quote, int sentence, Found item)
    {
        var next = sentence + 1;
        if (next >= document.Sentences.Length || document.Sentences[sentence].EndToken != quote.Close + 1
            || document.Sentences[next].Paragraph != document.Sentences[sentence].Paragraph)
        {
            return false;
        }

        var (first, end) = (document.Sentences[next].FirstToken, document.Sentences[next].EndToken);
        var probe = new Found { Content = item.Content, Kind = item.Kind, Rule = item.Rule };
        if (!TryCueAfter(document, first, end, probe) || probe.Cue is not { } cue)
        {
            return false;
        }

        var tokens = new SentenceTokens(document);
        var cueToken = document.TokenAt(cue.Start);
        for (var i = cueToken + 1; i < end; i++)
        {
            var verb = document.Tags.IsDefaultOrEmpty ? i - cueToken > 6 : document.Tags[i].Upos is "VERB" || tokens.Is(i, "that");
            if (verb)
            {
                return false;
            }
        }

        item.Cue = probe.Cue;
        item.Source = probe.Source;
        item.SourceTokens = probe.SourceTokens;
        item.Channel = probe.Channel;
        return true;
    }

    /// <summary>
    /// <c>Roe continued:</c> ending one paragraph and the quotation opening the next: the cue before the colon attributes it.
    /// </summary>
    private static bool TryCueEndingPreviousParagraph(Document document, QuoteMarks quote, int sentence, Found item)
    {
        var tokens = new SentenceTokens(document);
        if (sentence == 0 || document.Sentences[sentence].FirstToken != quote.Open || quote.Open == 0 || tokens[quote.Open - 1] is not ":")
        {
            return false;
        }

        var previous = document.Sentences[sentence - 1];
        return previous.Paragraph < document.Sentences[sentence].Paragraph && TryCueBefore(document, previous.FirstToken, quote.Open, item);
    }

    /// <summary>Index of the ")" closing the "(" at <paramref name="open"/> within six tokens, or -1.</summary>
    private static int ClosingParenthesis(Document document, int open, int end)
    {
        var tokens = new SentenceTokens(document);
        for (var i = open + 1; i < end && i <= open + 6; i++)
        {
            if (tokens[i] is ")")
            {
                return i;
            }
        }

        return -1;
    }

    private static void FindIndirectSpeech(Document document, List<QuoteMarks> marks, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var usedCues = found.Where(f => f.Cue is not null).Select(f => f.Cue!.Value.Start).ToHashSet();
        var inside = new bool[tokens.Count];
        foreach (var quote in marks)
        {
            if (IsSpeech(document, quote))
            {
                for (var i = quote.Open; i <= quote.Close; i++)
                {
                    inside[i] = true;
                }
            }
        }

        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            var end = sentence.EndToken;
            while (end > sentence.FirstToken && (tokens.IsTerminal(end - 1) || tokens.IsQuoteMark(end - 1)))
            {
                end--;
            }

            Found? previousInSentence = null;
            var inSentence = new List<Found>();
            for (var cue = sentence.FirstToken; cue < end; cue++)
            {
                if (inside[cue] || usedCues.Contains(document.Tokens[cue].Span.Start))
                {
                    continue;
                }

                Found? item = null;
                if (tokens.Is(cue, "according") && cue + 1 < end && tokens.Is(cue + 1, "to"))
                {
                    item = AccordingTo(document, sentence.FirstToken, cue, end);
                }
                else if (IsCue(document, cue))
                {
                    item = Postposed(document, sentence.FirstToken, cue, end)
                        ?? Interposed(document, sentence.FirstToken, cue, end)
                        ?? Preposed(document, sentence.FirstToken, cue, end, previousInSentence);
                }

                if (item is null)
                {
                    continue;
                }

                if (ContainsQuote(document, marks, item.Content))
                {
                    item.Kind = QuoteKind.Mixed;
                }

                previousInSentence = item;
                inSentence.Add(item);
            }

            TrimNestedContent(document, inSentence);
            found.AddRange(inSentence);
        }
    }

    /// <summary>
    /// When one attribution's content holds the cue of another that follows it in the same sentence
    /// ("Moscow believes the US may be …, Russia's special envoy says"; "… Afghanistan, and said it was …"),
    /// the first content ends before the second's source or cue.
    /// </summary>
    private static void TrimNestedContent(Document document, List<Found> items)
    {
        var tokens = new SentenceTokens(document);
        for (var a = 0; a < items.Count; a++)
        {
            for (var b = 0; b < items.Count; b++)
            {
                // B's cue inside A's content is legitimate nesting ("…, and Moscow believes …, the envoy says")
                // unless B is coordinated with A or B's own content reaches outside A's: then A overran B's attribution.
                var other = items[b];
                if (a == b || other.Cue is not { } cue || !items[a].Content.Contains(cue)
                    || (other.Rule != "indirect/coordinated" && items[a].Content.Contains(other.Content)))
                {
                    continue;
                }

                var boundary = other.Rule == "indirect/coordinated" || other.Source is null || other.Source.Value.Start > cue.Start
                    || other.Source.Value.Start < items[a].Content.Start
                    ? cue.Start
                    : other.Source.Value.Start;
                var end = document.TokenAt(boundary);
                var first = document.TokenAt(items[a].Content.Start);
                while (end > first && (tokens.IsClauseBreak(end - 1) || tokens.Is(end - 1, "and") || tokens.IsQuoteMark(end - 1)))
                {
                    end--;
                }

                if (end > first)
                {
                    items[a] = Replace(items[a], tokens.Span(first, end));
                }
            }
        }
    }

    private static Found Replace(Found item, TextSpan content) => new()
    {
        Content = content, Kind = item.Kind, Rule = item.Rule, Cue = item.Cue, Source = item.Source, SourceTokens = item.SourceTokens,
        Speaker = item.Speaker, Channel = item.Channel, ContinuationOf = item.ContinuationOf,
    };


    /// <summary>
    /// The parse sieve, after the surface rules: a verb of saying, thinking or showing with a clausal
    /// complement (UD <c>ccomp</c>) attributes that clause to the verb's subject ("A Bloomberg poll shows
    /// that …", "Trump also claimed Clinton had …"). It only adds attributions whose content no earlier
    /// rule has covered.
    /// </summary>
    private static void FindClausalComplements(Document document, List<QuoteMarks> marks, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var usedCues = found.Where(f => f.Cue is not null).Select(f => f.Cue!.Value.Start).ToHashSet();
        var added = new List<Found>();
        for (var verb = 0; verb < tokens.Count; verb++)
        {
            var tags = document.Tags[verb];
            if (tags.Upos != "VERB" || !(ReportingCues.IsClausalLemma(tags.Lemma) || HasPersonalSubject(document, verb))
                || usedCues.Contains(document.Tokens[verb].Span.Start) || InsideQuotation(document, marks, verb)
                || !Syntax.DependencyTree.Children(document, verb, "aux:pass").IsEmpty)
            {
                continue;
            }

            var complements = Syntax.DependencyTree.Children(document, verb, "ccomp");
            if (complements.IsEmpty)
            {
                continue;
            }

            var (first, end) = Syntax.DependencyTree.Subtree(document, complements[0]);
            while (end > first && (tokens.IsTerminal(end - 1) || tokens.IsClauseBreak(end - 1) || tokens.IsQuoteMark(end - 1)))
            {
                end--;
            }

            while (first < end && (tokens.IsClauseBreak(first) || tokens.IsQuoteMark(first)))
            {
                first++;
            }

            if (end - first < 2 || (verb >= first && verb < end))
            {
                continue;
            }

            var content = tokens.Span(first, end);
            if (found.Any(f => f.Content.Overlaps(content)) || added.Any(f => f.Content.Overlaps(content)))
            {
                continue;
            }

            var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "parse/ccomp", Cue = document.Tokens[verb].Span };
            var subjects = Syntax.DependencyTree.Subjects(document, verb);
            if (!subjects.IsEmpty)
            {
                var (sourceFirst, sourceEnd) = Syntax.DependencyTree.Subtree(document, subjects[0]);
                SetSource(document, item, sourceFirst, sourceEnd);
            }

            if (ContainsQuote(document, marks, content))
            {
                item.Kind = QuoteKind.Mixed;
            }

            added.Add(item);
        }

        found.AddRange(added);
    }

    /// <summary>
    /// The nominal sieve: a noun of saying or thinking from a written lexicon (<c>ReportingCues.NominalLemmas</c>: claim,
    /// statement, warning, belief …) with a "that" clause attributes the clause, to the noun's possessor where it has one
    /// ("Trump's claim that crime is rising": source "Trump's"; "the claim that …": no source). With
    /// <paramref name="stanceNouns"/> (run after the verb sieves), a noun of stance (<c>ReportingCues.StanceNouns</c>) attributes
    /// its "of"/"about"/"on"/"over"/"against" phrase or "to" clause to its possessor or to the subject of the verb it is the
    /// object of ("the agency has questions about the cost"), and only when it has such a holder.
    /// </summary>
    private static void FindNominalCues(Document document, List<QuoteMarks> marks, List<Found> found, bool stanceNouns)
    {
        var tokens = new SentenceTokens(document);
        var added = new List<Found>();
        for (var noun = 0; noun < tokens.Count; noun++)
        {
            var lemma = document.Tags[noun].Lemma;
            if (document.Tags[noun].Upos != "NOUN" || !(stanceNouns ? ReportingCues.IsStanceNoun(lemma) : ReportingCues.IsNominalLemma(lemma))
                || InsideQuotation(document, marks, noun))
            {
                continue;
            }

            // UD attaches "the claim that …" as acl (or ccomp) of the noun, with "that" as the clause's mark; "a pledge to
            // cut taxes" as acl with "to"; "criticism of the plan" as nmod with "of".
            var clause = -1;
            var preposition = -1;
            foreach (var child in Syntax.DependencyTree.Children(document, noun, "acl", "ccomp", "nmod"))
            {
                if (child < noun || clause >= 0)
                {
                    continue;
                }

                var relation = document.Dependencies[child].Relation;
                foreach (var mark in Syntax.DependencyTree.Children(document, child, relation is "nmod" ? "case" : "mark"))
                {
                    if (relation is not "nmod" && !stanceNouns && tokens.Is(mark, "that"))
                    {
                        clause = child;
                    }
                    else if (relation is "acl" && stanceNouns && tokens.Is(mark, "to") && mark == noun + 1)
                    {
                        clause = child;
                    }
                    else if (relation is "nmod" && stanceNouns && mark == noun + 1
                             && (tokens.Is(mark, "of") || tokens.Is(mark, "about") || tokens.Is(mark, "on") || tokens.Is(mark, "over") || tokens.Is(mark, "against")))
                    {
                        clause = child;
                        preposition = mark;
                    }
                }
            }

            if (clause < 0)
            {
                continue;
            }

            var (first, end) = Syntax.DependencyTree.Subtree(document, clause);
            if (preposition == first)
            {
                first++; // PolNeAR's content leaves out the preposition: "criticism of [the plan]"
            }

            while (end > first && (tokens.IsTerminal(end - 1) || tokens.IsClauseBreak(end - 1) || tokens.IsQuoteMark(end - 1)))
            {
                end--;
            }

            if (end - first < (preposition >= 0 ? 1 : 3))
            {
                continue;
            }

            var content = tokens.Span(first, end);
            if (found.Any(f => f.Content.Overlaps(content)) || added.Any(f => f.Content.Overlaps(content)))
            {
                continue;
            }

            var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "parse/nominal", Cue = tokens.Span(noun, preposition >= 0 ? preposition + 1 : noun + 1) };
            var owners = Syntax.DependencyTree.Children(document, noun, "nmod:poss");
            if (!owners.IsEmpty)
            {
                var (ownerFirst, ownerEnd) = Syntax.DependencyTree.Subtree(document, owners[0]);
                SetSource(document, item, ownerFirst, ownerEnd);
            }
            else if (document.Dependencies[noun].Relation is "obj" && document.Dependencies[noun].Head is var verb and >= 0
                     && document.Tags[verb].Upos is "VERB" && SourcePhrase(document, verb) is var (holderFirst, holderEnd))
            {
                // The object of a verb of having or voicing: "the agency has questions about …", "she made the case for …".
                SetSource(document, item, holderFirst, holderEnd);
            }

            if (item.Source is null && stanceNouns)
            {
                continue; // a stance noun with nobody holding the stance ("the debate over …") is mostly topic, not attribution
            }

            if (ContainsQuote(document, marks, content))
            {
                item.Kind = QuoteKind.Mixed;
            }

            added.Add(item);
        }

        found.AddRange(added);
    }

    /// <summary>
    /// The predicate sieve: an adjective or role noun of stance after "be" (<c>ReportingCues.StancePredicates</c>: critical,
    /// confident, worried, opponent …) with a subject attributes what it governs to its right — the "of", "about" or "that"
    /// phrase — to that subject ("The senator has been critical of the plan"; "Officials were confident that the bridge would
    /// hold").
    /// </summary>
    private static void FindStancePredicates(Document document, List<QuoteMarks> marks, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var added = new List<Found>();
        for (var head = 0; head < tokens.Count; head++)
        {
            if (document.Tags[head].Upos is not ("ADJ" or "NOUN") || !ReportingCues.IsStancePredicate(document.Tags[head].Lemma)
                || Syntax.DependencyTree.Children(document, head, "cop").IsEmpty || InsideQuotation(document, marks, head))
            {
                continue;
            }

            var subjects = Syntax.DependencyTree.Children(document, head, "nsubj");
            if (subjects.IsEmpty)
            {
                continue;
            }

            int first = int.MaxValue, end = -1;
            foreach (var child in Syntax.DependencyTree.Children(document, head, "obl", "ccomp", "xcomp", "nmod"))
            {
                if (child < head)
                {
                    continue;
                }

                var (childFirst, childEnd) = Syntax.DependencyTree.Subtree(document, child);
                first = Math.Min(first, childFirst);
                end = Math.Max(end, childEnd);
            }

            if (end < 0)
            {
                continue;
            }

            // PolNeAR's content leaves out the preposition or "that" that links it to the predicate ("critical of [the plan]").
            while (first < end && (document.Tags[first].Upos is "ADP" or "SCONJ" || tokens.IsClauseBreak(first)))
            {
                first++;
            }

            while (end > first && (tokens.IsTerminal(end - 1) || tokens.IsClauseBreak(end - 1)))
            {
                end--;
            }

            if (end <= first)
            {
                continue;
            }

            var content = tokens.Span(first, end);
            if (found.Any(f => f.Content.Overlaps(content)) || added.Any(f => f.Content.Overlaps(content)))
            {
                continue;
            }

            var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "parse/predicate", Cue = document.Tokens[head].Span };
            var (sourceFirst, sourceEnd) = NounPhrase(document, subjects[0]);
            SetSource(document, item, sourceFirst, sourceEnd);
            if (ContainsQuote(document, marks, content))
            {
                item.Kind = QuoteKind.Mixed;
            }

            added.Add(item);
        }

        found.AddRange(added);
    }

    /// <summary>
    /// The passive sieve: a stance or reporting verb in the passive ("The plan was criticized by the council", "The deal is
    /// supported by 42 percent of voters") attributes a view of its subject — the content, to the left of the cue — to the
    /// agent, or to nobody named when there is none ("He has been widely criticized").
    /// </summary>
    private static void FindPassiveStances(Document document, List<QuoteMarks> marks, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var usedCues = found.Where(f => f.Cue is not null).Select(f => f.Cue!.Value.Start).ToHashSet();
        var added = new List<Found>();
        for (var verb = 0; verb < tokens.Count; verb++)
        {
            var lemma = document.Tags[verb].Lemma;
            if (document.Tags[verb].Upos != "VERB" || !(ReportingCues.IsStanceLemma(lemma) || ReportingCues.IsClausalLemma(lemma))
                // Passives of these are mostly procedure or fact, not a view ("was charged with fraud", "the case was heard").
                || lemma is "say" or "tell" or "call" or "ask" or "expect" or "find" or "hold" or "rule" or "raise" or "address" or "push"
                    or "charge" or "hear" or "intend" or "repeat" or "prove" or "learn" or "inform"
                || usedCues.Contains(document.Tokens[verb].Span.Start) || InsideQuotation(document, marks, verb)
                || Syntax.DependencyTree.Children(document, verb, "aux:pass").IsEmpty)
            {
                continue;
            }

            var subjects = Syntax.DependencyTree.Children(document, verb, "nsubj:pass");
            if (subjects.IsEmpty || subjects[0] > verb)
            {
                continue;
            }

            var (first, end) = NounPhrase(document, subjects[0]);
            if (end <= first || end > verb)
            {
                continue;
            }

            var content = tokens.Span(first, end);
            if (found.Any(f => f.Content.Overlaps(content)) || added.Any(f => f.Content.Overlaps(content)))
            {
                continue;
            }

            var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "parse/passive", Cue = document.Tokens[verb].Span };
            var agents = Syntax.DependencyTree.Children(document, verb, "obl:agent");
            if (!agents.IsEmpty)
            {
                var (agentFirst, agentEnd) = NounPhrase(document, agents[0]);
                if (tokens.Is(agentFirst, "by"))
                {
                    agentFirst++;
                }

                SetSource(document, item, agentFirst, agentEnd);
            }

            added.Add(item);
        }

        found.AddRange(added);
    }

    /// <summary>True when <paramref name="token"/> lies between a pair of quotation marks: words someone else is quoted as saying.</summary>
    private static bool InsideQuotation(Document document, List<QuoteMarks> marks, int token)
    {
        foreach (var quote in marks)
        {
            if (token > quote.Open && token <= quote.Close)
            {
                return IsSpeech(document, quote);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the active subject of <paramref name="verb"/> is a named person or organisation, or a personal pronoun
    /// ("Trump has championed …", "the council imposed …", "she pitched …"): what such actors do to something is
    /// what political news reports them as standing for.
    /// </summary>
    private static bool HasActorSubject(Document document, int verb)
    {
        // Only a subject of the verb's own: what an actor is said to be doing while it does something else ("speaking at a
        // rally", "campaigning against …") is mostly activity, not a view (measured: P 80.04 against 83.22 with controllers).
        var subjects = Syntax.DependencyTree.Children(document, verb, "nsubj");
        if (ReportingCues.IsActionLemma(document.Tags[verb].Lemma) || subjects.IsEmpty)
        {
            return false;
        }

        var subject = subjects[0];
        var tokens = new SentenceTokens(document);
        if (tokens.Is(subject, "he") || tokens.Is(subject, "she") || tokens.Is(subject, "they") || tokens.Is(subject, "we") || tokens.Is(subject, "I"))
        {
            return true;
        }

        // The subject's name, titles included: "Chief Justice Jane Roe" is headed by "Chief", the person's name follows it.
        var (nameFirst, nameEnd) = (subject, subject + 1);
        while (nameEnd < tokens.Count && document.Dependencies[nameEnd].Head == subject && document.Dependencies[nameEnd].Relation is "flat" or "compound")
        {
            nameEnd++;
        }

        foreach (var mention in document.Mentions)
        {
            if (mention.FirstToken >= nameEnd)
            {
                break;
            }

            if (nameFirst < mention.EndToken && mention.Type is "PER" or "ORG")
            {
                return true;
            }
        }

        // A name the recogniser missed, or a common noun for people, groups, institutions or the texts and
        // studies they publish ("Republicans want …", "the campaign released …", "the poll found …").
        var subjectTags = document.Tags[subject];
        return subjectTags.Upos is "NOUN" && ReportingCues.IsAgentNoun(subjectTags.Lemma);
    }

    /// <summary>True when <paramref name="verb"/> has an active subject that can hold a view: not "it", "there" or "this".</summary>
    private static bool HasPersonalSubject(Document document, int verb)
    {
        var subjects = Syntax.DependencyTree.Children(document, verb, "nsubj");
        if (subjects.IsEmpty)
        {
            return false;
        }

        var tokens = new SentenceTokens(document);
        return !(tokens.Is(subjects[0], "it") || tokens.Is(subjects[0], "this") || tokens.Is(subjects[0], "that") || tokens.Is(subjects[0], "there")
                 || tokens.Is(subjects[0], "what") || tokens.Is(subjects[0], "which"));
    }

    /// <summary>
    /// The stance sieve, after the clausal one: a verb of evaluation, intention or evidence from a written lexicon
    /// ("called the deal a disaster", "wants a wall", "the data show a rise", "criticized the decision") attributes
    /// what it governs to its right to its subject (or a passive's agent). Only verbs with a source qualify.
    /// </summary>
    private static void FindStanceVerbs(Document document, List<QuoteMarks> marks, List<Found> found) =>
        AttributeGoverned(document, marks, found, "parse/stance", verb => (ReportingCues.IsStanceLemma(document.Tags[verb].Lemma) || PhrasalParticle(document, verb) >= 0)
            && !InsideQuotation(document, marks, verb), requireSource: true);

    /// <summary>
    /// The particle or preposition that makes <paramref name="verb"/> a phrasal cue from <c>ReportingCues.PhrasalCues</c>
    /// ("laid <i>out</i> a plan", "went <i>after</i> the mayor", "spoke <i>of</i> the need"): a particle of the verb's, or the
    /// preposition of a phrase it governs to its right. -1 when there is none.
    /// </summary>
    private static int PhrasalParticle(Document document, int verb)
    {
        var lemma = document.Tags[verb].Lemma;
        foreach (var child in Syntax.DependencyTree.Children(document, verb, "compound:prt", "obl", "advcl"))
        {
            if (child < verb)
            {
                continue;
            }

            if (document.Dependencies[child].Relation is "compound:prt")
            {
                if (ReportingCues.IsPhrasalCue(lemma, document.TokenText(child)))
                {
                    return child;
                }

                continue;
            }

            foreach (var marker in Syntax.DependencyTree.Children(document, child, "case", "mark"))
            {
                if (marker < child && ReportingCues.IsPhrasalCue(lemma, document.TokenText(marker)))
                {
                    return marker;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// True when a stance verb says someone holds a view about something: an active verb with a subject and an object,
    /// clause, controlled clause or oblique ("Trump called it …", "officials want to …", "called for talks"). Passives
    /// ("endorsed by dozens of papers", "was rejected by the council") and particle verbs ("backed out") do not qualify.
    /// </summary>
    private static bool HoldsView(Document document, int verb)
    {
        if ((Syntax.DependencyTree.Subjects(document, verb).IsEmpty && !HasController(document, verb))
            || !Syntax.DependencyTree.Children(document, verb, "aux:pass").IsEmpty
            || !Syntax.DependencyTree.Children(document, verb, "obl:agent").IsEmpty
            || (!Syntax.DependencyTree.Children(document, verb, "compound:prt").IsEmpty && PhrasalParticle(document, verb) < 0))
        {
            return false;
        }

        var tokens = new SentenceTokens(document);
        foreach (var child in Syntax.DependencyTree.Children(document, verb))
        {
            if (child > verb && document.Dependencies[child].Relation is "obj" or "ccomp" or "xcomp" or "iobj" or "obl")
            {
                return true;
            }

            // A gerund clause led by a preposition is what the verb is about ("called for cutting the tax", "talked about
            // bringing communities together").
            if (child > verb && document.Dependencies[child].Relation is "advcl")
            {
                foreach (var mark in Syntax.DependencyTree.Children(document, child, "mark"))
                {
                    if (mark > verb && tokens.IsPreposition(mark))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="verb"/> has no subject of its own but is controlled by a verb that has one ("avoids
    /// <i>condemning</i> the invasion", "met the minister to <i>discuss</i> the budget"): its holder is that subject.
    /// </summary>
    private static bool HasController(Document document, int verb)
    {
        var head = document.Dependencies[verb].Head;
        return head >= 0 && ((document.Dependencies[verb].Relation is "xcomp" or "advcl" && !Syntax.DependencyTree.Subjects(document, head).IsEmpty)
            // A participle modifying a noun ("an ad hitting Trump", "papers opposing the unsealing"). Past participles stay:
            // measured, leaving them out lost more (main verbs the parser hangs on a noun) than it saved (F1 77.39 against 77.64).
            || (document.Dependencies[verb].Relation is "acl" && head < verb && document.Tags[head].Upos is "NOUN" or "PROPN"));
    }

    /// <summary>
    /// The learned sieve, last: any verb the cue model accepts attributes its clausal complement, else its
    /// controlled clause, object or parenthetical clause, to its subject (or, in a passive, to the agent).
    /// </summary>
    private static void FindLearnedCues(Document document, List<QuoteMarks> marks, List<Found> found, AttributionCueModel model) =>
        AttributeGoverned(document, marks, found, "learned/cue", verb => model.Score(document, verb) > 0, requireSource: false);

    /// <summary>Attributes to its subject (or agent) everything a cue verb governs to its right, for each verb <paramref name="isCue"/> accepts.</summary>
    private static void AttributeGoverned(Document document, List<QuoteMarks> marks, List<Found> found, string rule, Func<int, bool> isCue, bool requireSource)
    {
        var tokens = new SentenceTokens(document);
        var usedCues = found.Where(f => f.Cue is not null).Select(f => f.Cue!.Value.Start).ToHashSet();
        var added = new List<Found>();
        for (var verb = 0; verb < tokens.Count; verb++)
        {
            if (document.Tags[verb].Upos != "VERB" || usedCues.Contains(document.Tokens[verb].Span.Start) || !isCue(verb))
            {
                continue;
            }

            if (requireSource && !HoldsView(document, verb))
            {
                continue;
            }

            // What is attributed: everything the verb governs to its right — complement clause, object and
            // the phrases that complete it ("accused Islamabad of failing to fight the Taliban") — up to a
            // coordinated clause.
            int first = int.MaxValue, end = -1;
            foreach (var child in Syntax.DependencyTree.Children(document, verb))
            {
                var relation = document.Dependencies[child].Relation;
                if (child < verb || relation is "conj" or "cc" or "punct" or "nsubj" or "nsubj:pass" or "aux" or "aux:pass" or "advmod" or "mark" or "compound:prt")
                {
                    continue;
                }

                var (childFirst, childEnd) = Syntax.DependencyTree.Subtree(document, child);
                first = Math.Min(first, childFirst);
                end = Math.Max(end, childEnd);
            }

            if (end < 0 || first <= verb)
            {
                continue;
            }

            while (end > first && (tokens.IsTerminal(end - 1) || tokens.IsClauseBreak(end - 1)))
            {
                end--;
            }

            while (first < end && tokens.IsClauseBreak(first))
            {
                first++;
            }

            // The preposition that links the content to the verb is part of the cue, as PolNeAR marks it ("[called for]
            // talks", "[spoke of] the need").
            var cueEnd = verb + 1;
            if (end - first > 1 && document.Tags[first].Upos is "ADP" or "SCONJ" && document.Dependencies[first].Relation is "case" or "mark")
            {
                cueEnd = ++first;
            }

            foreach (var particle in Syntax.DependencyTree.Children(document, verb, "compound:prt"))
            {
                cueEnd = particle > verb && particle < first ? Math.Max(cueEnd, particle + 1) : cueEnd; // "laid out", "pointed out"
            }

            if (end - first < 1)
            {
                continue;
            }

            var content = tokens.Span(first, end);
            if (found.Any(f => f.Content.Overlaps(content)) || added.Any(f => f.Content.Overlaps(content)))
            {
                continue;
            }

            var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = rule, Cue = tokens.Span(verb, cueEnd) };
            var subjects = Syntax.DependencyTree.Subjects(document, verb);
            var agents = Syntax.DependencyTree.Children(document, verb, "obl:agent");
            var speaker = !agents.IsEmpty ? agents[0] : !subjects.IsEmpty ? subjects[0] : -1;
            if (speaker >= 0)
            {
                var (sourceFirst, sourceEnd) = Syntax.DependencyTree.Subtree(document, speaker);
                if (tokens.Is(sourceFirst, "by"))
                {
                    sourceFirst++;
                }

                SetSource(document, item, sourceFirst, sourceEnd);
            }

            if (ContainsQuote(document, marks, content))
            {
                item.Kind = QuoteKind.Mixed;
            }

            added.Add(item);
        }

        found.AddRange(added);
    }

    /// <summary><c>…, Zamir Kabulov, the head of the department, said.</c> / <c>…, said Kabulov.</c></summary>
    private static Found? Postposed(Document document, int first, int cue, int end)
    {
        var tokens = new SentenceTokens(document);
        if (cue == first)
        {
            return null;
        }

        // "…, said Kabulov" (inverted): a comma right before the cue and a short noun phrase after it to the end.
        // On parsed text a cue with its own clause after it is neither inverted nor post-posed: "…, saying the council had failed".
        var governsRight = !document.Dependencies.IsDefaultOrEmpty
            && Syntax.DependencyTree.Children(document, cue, "ccomp", "xcomp").Any(child => child > cue);
        if (tokens[cue - 1] is "," && cue - 1 > first && !governsRight)
        {
            var sourceEnd = NounPhraseEnd(document, cue + 1, end);
            if (sourceEnd > cue + 1 && TailIsAdjunct(document, sourceEnd, end) && !IsApposition(document, cue - 1))
            {
                var item = new Found { Content = tokens.Span(first, cue - 1), Kind = QuoteKind.Indirect, Rule = "indirect/inverted", Cue = document.Tokens[cue].Span };
                SetSource(document, item, cue + 1, sourceEnd);
                return item;
            }
        }

        // "…, SOURCE cue[ channel]." — the cue ends the sentence apart from a channel or adjunct.
        if (!(TailIsAdjunct(document, cue + 1, end) || TailIsParsedAdjunct(document, cue, end)) || governsRight)
        {
            return null;
        }

        var sourceStart = SourceStartBackwards(document, first, cue);
        if (sourceStart <= first + 1 || tokens[sourceStart - 1] is not ("," or "”" or "\""))
        {
            return null;
        }

        var contentEnd = sourceStart - 1;
        while (contentEnd > first && (tokens[contentEnd - 1] is "," || tokens.IsQuoteMark(contentEnd - 1)))
        {
            contentEnd--;
        }

        if (contentEnd - first < 3)
        {
            return null;
        }

        var result = new Found { Content = tokens.Span(first, contentEnd), Kind = QuoteKind.Indirect, Rule = "indirect/postposed", Cue = document.Tokens[cue].Span };
        SetSource(document, result, sourceStart, TrimTrailingComma(document, sourceStart, cue));
        FindChannel(document, cue, end, result);
        return result;
    }

    /// <summary><c>Washington, he said, is focused on …</c></summary>
    private static Found? Interposed(Document document, int first, int cue, int end)
    {
        var tokens = new SentenceTokens(document);
        if (cue + 2 >= end || tokens[cue + 1] is not ",")
        {
            return null;
        }

        var sourceStart = cue - 1;
        while (sourceStart > first && !tokens.IsClauseBreak(sourceStart - 1))
        {
            sourceStart--;
        }

        if (sourceStart <= first || tokens[sourceStart - 1] is not "," || cue - sourceStart > 4 || sourceStart == cue)
        {
            return null;
        }

        // The content is the sentence around the interposed attribution; one span covers both halves.
        var result = new Found { Content = tokens.Span(first, end), Kind = QuoteKind.Indirect, Rule = "indirect/interposed", Cue = document.Tokens[cue].Span };
        SetSource(document, result, sourceStart, cue);
        return result;
    }

    /// <summary><c>Kabulov said Moscow was prepared …</c> / <c>… and said it was America's decision …</c></summary>
    private static Found? Preposed(Document document, int first, int cue, int end, Found? previousInSentence)
    {
        var tokens = new SentenceTokens(document);
        var contentStart = cue + 1;
        var channelStart = -1;
        if (contentStart < end && (tokens.Is(cue, "told") || tokens.Is(cue, "tell") || tokens.Is(cue, "tells") || tokens.Is(cue, "telling")
                                   || tokens.Is(cue, "assured") || tokens.Is(cue, "warned") || tokens.Is(cue, "informed")))
        {
            channelStart = contentStart;
            contentStart = NounPhraseEnd(document, contentStart, end);
        }

        if (contentStart < end && (tokens.Is(contentStart, "that") || tokens[contentStart] is "," or ":"))
        {
            contentStart++;
            if (contentStart < end && tokens[contentStart] is ",")
            {
                contentStart++; // "said that, if elected, he would …"
            }
        }

        if (end - contentStart < 3 || (tokens.IsClauseBreak(contentStart) && tokens[contentStart] is not "(")
            || tokens.IsPreposition(contentStart) || tokens.IsPassiveAuxiliary(cue - 1) || (cue > first && tokens.IsPassiveAuxiliary(cue - 2) && tokens.Is(cue - 1, "not")))
        {
            return null; // nothing reported after the cue, or a passive ("was reported by")
        }

        // Auxiliaries and adverbs before the cue belong to the verb, not the speaker: "Kabulov, the envoy, has said".
        var verbStart = cue;
        while (verbStart - 1 > first && IsAuxiliary(tokens[verbStart - 1]))
        {
            verbStart--;
        }

        var sourceStart = tokens[verbStart - 1 < first ? first : verbStart - 1] is "," ? SourceStartBackwards(document, first, verbStart) : ClauseStart(document, first, verbStart);
        if (sourceStart <= first && tokens[verbStart - 1 < first ? first : verbStart - 1] is ",")
        {
            sourceStart = verbStart; // a long stretch ending in a comma is a clause, not a speaker
        }
        Found result;
        if (sourceStart < verbStart)
        {
            result = new Found { Content = tokens.Span(contentStart, end), Kind = QuoteKind.Indirect, Rule = "indirect/preposed", Cue = document.Tokens[cue].Span };
            SetSource(document, result, sourceStart, verbStart);
        }
        else if (previousInSentence is not null && cue > first && tokens.Is(cue - 1, "and"))
        {
            result = new Found
            {
                Content = tokens.Span(contentStart, end), Kind = QuoteKind.Indirect, Rule = "indirect/coordinated", Cue = document.Tokens[cue].Span,
                Source = previousInSentence.Source, SourceTokens = previousInSentence.SourceTokens,
            };
        }
        else
        {
            return null;
        }

        if (channelStart >= 0 && channelStart < contentStart)
        {
            var channelEnd = contentStart;
            while (channelEnd > channelStart && (tokens.Is(channelEnd - 1, "that") || tokens[channelEnd - 1] is "," or ":"))
            {
                channelEnd--;
            }

            if (channelEnd > channelStart && tokens.IsCapitalized(channelStart))
            {
                result.Channel = tokens.Span(channelStart, channelEnd);
            }
        }

        return result;
    }

    /// <summary>
    /// "Kabulov said that …, according to RIA Novosti": an indirect quote whose content ends in an "according to" phrase
    /// ends before it, and the phrase's noun is the channel the words came through (when none is known yet).
    /// </summary>
    private static void SplitAccordingToChannels(Document document, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        for (var i = 0; i < found.Count; i++)
        {
            var item = found[i];
            if (item.Kind != QuoteKind.Indirect || item.Rule == "according-to")
            {
                continue;
            }

            var first = document.TokenAt(item.Content.Start);
            var end = document.TokenAt(item.Content.End);
            for (var k = first + 2; k + 2 < end; k++)
            {
                if (!tokens.Is(k, "according") || !tokens.Is(k + 1, "to") || !tokens.IsClauseBreak(k - 1))
                {
                    continue;
                }

                var channelEnd = NounPhraseEnd(document, k + 2, end);
                var tail = channelEnd;
                while (tail < end && (tokens.IsTerminal(tail) || tokens.IsClauseBreak(tail)))
                {
                    tail++;
                }

                if (channelEnd <= k + 2 || tail < end)
                {
                    break; // the phrase does not end the content: "according to the plan, troops will …" is content
                }

                found[i] = new Found
                {
                    Content = tokens.Span(first, k - 1),
                    Kind = item.Kind,
                    Rule = item.Rule,
                    Cue = item.Cue,
                    Source = item.Source,
                    SourceTokens = item.SourceTokens,
                    Speaker = item.Speaker,
                    Channel = item.Channel ?? tokens.Span(k + 2, channelEnd),
                    ContinuationOf = item.ContinuationOf,
                };
                break;
            }
        }
    }

    /// <summary><c>According to TASS, …</c> / <c>…, according to officials.</c></summary>
    private static Found? AccordingTo(Document document, int first, int according, int end)
    {
        var tokens = new SentenceTokens(document);
        var sourceStart = according + 2;
        var sourceEnd = NounPhraseEnd(document, sourceStart, end);
        if (sourceEnd <= sourceStart)
        {
            return null;
        }

        TextSpan content;
        if (according == first || (according == first + 1 && tokens.IsClauseBreak(first)))
        {
            var contentStart = sourceEnd < end && tokens[sourceEnd] is "," ? sourceEnd + 1 : sourceEnd;
            if (end - contentStart < 3)
            {
                return null;
            }

            content = tokens.Span(contentStart, end);
        }
        else
        {
            var contentEnd = according;
            while (contentEnd > first && tokens.IsClauseBreak(contentEnd - 1))
            {
                contentEnd--;
            }

            if (contentEnd - first < 3)
            {
                return null;
            }

            // "Kabulov said that …, according to RIA Novosti": the clause has its own speaker and speech verb, and
            // "according to" names the outlet that carried it; the verb's sieve attributes it, not this one.
            for (var k = first + 1; k < contentEnd; k++)
            {
                if (IsCue(document, k))
                {
                    return null;
                }
            }

            content = tokens.Span(first, contentEnd);
        }

        var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "according-to", Cue = tokens.Span(according, according + 2) };
        SetSource(document, item, sourceStart, sourceEnd);
        return item;
    }

    /// <summary>
    /// A paragraph that is a quotation signed with a dash and a short name ("“The plan will not work.” ― Jane Roe"): the
    /// vox-pop and letters layout. The name is the source, the dash the cue, the paragraph before it the content; it
    /// replaces any continuation the quotation was taken for.
    /// </summary>
    private static void FindDashedSpeakers(Document document, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var t = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            while (t < tokens.Count && document.Tokens[t].Span.Start < paragraph.Span.Start)
            {
                t++;
            }

            var end = t;
            while (end < tokens.Count && document.Tokens[end].Span.End <= paragraph.Span.End)
            {
                end++;
            }

            for (var dash = end - 2; dash > t + 2 && dash >= end - 7; dash--)
            {
                if (tokens[dash] is not ("―" or "—" or "–"))
                {
                    if (!tokens.IsCapitalized(dash) && tokens[dash] is not ("." or "," or "-"))
                    {
                        break;
                    }

                    continue;
                }

                if (!tokens.IsCapitalized(dash + 1) || !tokens.IsQuoteMark(dash - 1) || !tokens.IsQuoteMark(t))
                {
                    break;
                }

                var content = tokens.Span(t, dash);
                found.RemoveAll(f => f.Rule == "direct/continuation" && content.Contains(f.Content));
                if (!found.Any(f => f.Content.Overlaps(content)))
                {
                    var item = new Found { Content = content, Kind = QuoteKind.Direct, Rule = "dash-speaker", Cue = document.Tokens[dash].Span };
                    SetSource(document, item, dash + 1, end);
                    found.Add(item);
                }

                break;
            }

            t = end;
        }
    }

    /// <summary>
    /// A transcript's turn: a paragraph opening with a speaker's name in capitals and a colon (<c>SMITH: We will not …</c>,
    /// <c>MS. ROE: …</c>) is what that speaker said, up to the paragraph's end. Replaces quotations inside it that were
    /// taken for continuations of an earlier quote.
    /// </summary>
    private static void FindTranscriptSpeakers(Document document, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var t = 0;
        foreach (var paragraph in document.Paragraphs)
        {
            while (t < tokens.Count && document.Tokens[t].Span.Start < paragraph.Span.Start)
            {
                t++;
            }

            var end = t;
            while (end < tokens.Count && document.Tokens[end].Span.End <= paragraph.Span.End)
            {
                end++;
            }

            var first = t < end && tokens.IsQuoteMark(t) ? t + 1 : t;
            var colon = first;
            while (colon < end && colon < first + 3 && IsCapitalsWord(tokens[colon]))
            {
                colon++;
            }

            if (paragraph.Role != ParagraphRole.Headline && colon > first && colon < end && tokens[colon] is ":" && end - colon > 3)
            {
                var contentEnd = tokens.IsQuoteMark(end - 1) ? end - 1 : end;
                var content = tokens.Span(colon + 1, contentEnd);
                found.RemoveAll(f => f.Kind == QuoteKind.Direct && f.Content.Overlaps(content) && (f.ContinuationOf is not null || f.Source is null));
                if (!found.Any(f => f.Content.Overlaps(content) && !content.Contains(f.Content)))
                {
                    var item = new Found { Content = content, Kind = QuoteKind.Direct, Rule = "transcript-speaker", Cue = document.Tokens[colon].Span };
                    SetSource(document, item, first, colon);
                    found.Add(item);
                }
            }

            t = end;
        }
    }

    /// <summary>A word in capitals of at least two letters ("PENCE", "MR."): how transcripts print the speaker of a turn.</summary>
    private static bool IsCapitalsWord(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c) || !(char.IsLetter(c) || c is '.' or '-' or '\''))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary><c>ISIS has over 10,000 fighters in Afghanistan … – Moscow</c></summary>
    private static void FindHeadlineAttribution(Document document, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        foreach (var sentence in document.Sentences)
        {
            // A plain text's first line is its title (PolNeAR's layout): headline rules apply to it too.
            if (document.Paragraphs[sentence.Paragraph].Role != ParagraphRole.Headline
                && sentence.Paragraph != 0)
            {
                continue;
            }

            for (var dash = sentence.EndToken - 2; dash > sentence.FirstToken + 2 && dash >= sentence.EndToken - 5; dash--)
            {
                if (tokens[dash] is not ("–" or "—" or "-" or "--" or ":" or "|"))
                {
                    continue;
                }

                var allCapitalized = true;
                for (var i = dash + 1; i < sentence.EndToken; i++)
                {
                    allCapitalized &= tokens.IsCapitalized(i) || tokens.IsPossessive(i);
                }

                if (allCapitalized)
                {
                    var item = new Found { Content = tokens.Span(sentence.FirstToken, dash), Kind = QuoteKind.Indirect, Rule = "headline-dash", Cue = document.Tokens[dash].Span };
                    SetSource(document, item, dash + 1, sentence.EndToken);
                    found.Add(item);
                }

                break;
            }

            // "Ghani: Peace with Taliban possible within a year": a short capitalised name, a colon, the claim.
            for (var colon = sentence.FirstToken + 1; colon <= sentence.FirstToken + 6 && colon < sentence.EndToken - 2; colon++)
            {
                if (tokens[colon] is not ":")
                {
                    continue;
                }

                var named = true;
                for (var i = sentence.FirstToken; i < colon; i++)
                {
                    named &= tokens.IsCapitalized(i) && !tokens.IsQuoteMark(i);
                }

                var content = tokens.Span(colon + 1, sentence.EndToken);
                if (named && !found.Any(f => f.Content.Overlaps(content)))
                {
                    var item = new Found { Content = content, Kind = QuoteKind.Indirect, Rule = "headline-colon", Cue = document.Tokens[colon].Span };
                    SetSource(document, item, sentence.FirstToken, colon);
                    found.Add(item);
                }

                break;
            }
        }
    }

    private static void SetSource(Document document, Found item, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        while (first < end && (tokens.IsClauseBreak(first) || tokens.IsQuoteMark(first) || IsLeadingConnective(tokens[first])))
        {
            first++;
        }

        while (end > first && (tokens.IsClauseBreak(end - 1) || tokens.IsQuoteMark(end - 1)) && !ClosesParenthesis(document, first, end - 1))
        {
            end--;
        }

        if (end > first)
        {
            item.Source = tokens.Span(first, end);
            item.SourceTokens = (first, end);
        }
    }

    private static bool ClosesParenthesis(Document document, int first, int index)
    {
        var tokens = new SentenceTokens(document);
        if (tokens[index] is not ")")
        {
            return false;
        }

        for (var i = index - 1; i >= first; i--)
        {
            if (tokens[i] is "(")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAuxiliary(ReadOnlySpan<char> word) =>
        word is "has" or "have" or "had" or "will" or "would" or "also" or "again" or "later" or "previously" or "repeatedly" or "reportedly";

    private static bool IsLeadingConnective(ReadOnlySpan<char> word) =>
        word is "But" or "And" or "So" or "Yet" or "However" or "Meanwhile" or "Still" or "Also" or "Then" or "Now"
            or "but" or "and" or "so" or "yet";

    /// <summary>A channel after the cue: "told RIA Novosti", "in an interview with TASS", "speaking to Reuters".</summary>
    private static void FindChannel(Document document, int cue, int end, Found item)
    {
        var tokens = new SentenceTokens(document);
        var start = -1;
        if ((tokens.Is(cue, "told") || tokens.Is(cue, "tells") || tokens.Is(cue, "telling")) && cue + 1 < end && tokens.IsCapitalized(cue + 1))
        {
            start = cue + 1;
        }
        else
        {
            for (var i = cue + 1; i + 1 < end && i <= cue + 4; i++)
            {
                if ((tokens.Is(i, "with") || tokens.Is(i, "to") || tokens.Is(i, "by")) && tokens.IsCapitalized(i + 1)
                    && (tokens.Is(i - 1, "interview") || tokens.Is(i - 1, "speaking") || tokens.Is(i - 1, "quoted") || tokens.Is(i - 1, "told")
                        || tokens.Is(i - 1, "said") || tokens.Is(i - 1, "talking")))
                {
                    start = i + 1;
                    break;
                }
            }
        }

        if (start < 0)
        {
            return;
        }

        var channelEnd = start;
        while (channelEnd < end && (tokens.IsCapitalized(channelEnd) || tokens.Is(channelEnd, "of") || tokens.Is(channelEnd, "&")))
        {
            channelEnd++;
        }

        if (channelEnd > start)
        {
            item.Channel = tokens.Span(start, channelEnd);
        }
    }

    /// <summary>A reporting cue next to quotation marks, where verbs such as "asked", "continued" or "read" can only introduce the quotation.</summary>
    private static bool IsDirectCue(Document document, int index) =>
        IsCue(document, index)
        || (ReportingCues.IsDirectQuoteForm(new SentenceTokens(document)[index]) && (document.Tags.IsDefaultOrEmpty || document.Tags[index].Upos is "VERB" or "AUX"));

    private static bool IsCue(Document document, int index)
    {
        var tokens = new SentenceTokens(document);
        if (!ReportingCues.TryGetLemma(tokens[index], out _))
        {
            return false;
        }

        // With tags, only verbs are cues ("the said agreement" is not speech); without, trust the lexicon.
        return document.Tags.IsDefaultOrEmpty || document.Tags[index].Upos is "VERB" or "AUX";
    }

    /// <summary>Index of the first token of the clause that ends at <paramref name="end"/>: after the nearest break or conjunction.</summary>
    private static int ClauseStart(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        var start = end;
        while (start > first && tokens[start - 1] is ")")
        {
            // A parenthetical inside the speaker's name: "Rep. Gwen Moore (D-Wis.) said".
            var open = start - 1;
            while (open > first && tokens[open] is not "(")
            {
                open--;
            }

            if (tokens[open] is not "(" || start - open > 6)
            {
                break;
            }

            start = open;
        }

        while (start > first && !tokens.IsClauseBreak(start - 1) && !tokens.IsQuoteMark(start - 1)
               && !tokens.Is(start - 1, "and") && !tokens.Is(start - 1, "but") && !tokens.Is(start - 1, "that")
               && !tokens.Is(start - 1, "which") && !tokens.Is(start - 1, "who") && !tokens.Is(start - 1, "because")
               && !ReportingCues.TryGetLemma(tokens[start - 1], out _))
        {
            start--;
        }

        return end - start > 10 ? end : start; // a long stretch is a clause, not a speaker
    }

    /// <summary>
    /// Where a post-posed source starts, walking back from the cue over an apposition chain:
    /// "Zamir Kabulov, the head of the department in the ministry, said" starts at "Zamir".
    /// </summary>
    private static int SourceStartBackwards(Document document, int first, int cue)
    {
        var tokens = new SentenceTokens(document);
        var segmentEnd = cue;
        if (segmentEnd > first && tokens[segmentEnd - 1] is ",")
        {
            segmentEnd--; // "…, the head of …, said": the source ends in an apposition
        }

        var start = segmentEnd;
        while (start > first && !tokens.IsClauseBreak(start - 1) && !tokens.IsQuoteMark(start - 1))
        {
            start--;
        }

        if (segmentEnd - start > 12)
        {
            return first; // too long to be a speaker
        }

        // An apposition ("the head of …") hangs on a name before it: include that name.
        if (segmentEnd < cue && start > first + 1 && tokens[start - 1] is "," && IsDescription(document, start))
        {
            var nameStart = start - 1;
            while (nameStart > first && !tokens.IsClauseBreak(nameStart - 1) && !tokens.IsQuoteMark(nameStart - 1))
            {
                nameStart--;
            }

            if (start - 1 - nameStart is > 0 and <= 4 && tokens.IsCapitalized(nameStart))
            {
                return nameStart;
            }
        }

        return start;
    }

    private static bool IsApposition(Document document, int comma) =>
        comma + 1 < document.Tokens.Length && IsDescription(document, comma + 1);

    private static bool IsDescription(Document document, int index)
    {
        var tokens = new SentenceTokens(document);
        return tokens.Is(index, "the") || tokens.Is(index, "a") || tokens.Is(index, "an") || tokens.Is(index, "his") || tokens.Is(index, "her");
    }

    private static int TrimTrailingComma(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        while (end > first && tokens[end - 1] is ",")
        {
            end--;
        }

        return end;
    }

    /// <summary>True when tokens [start, end) are only a channel or adjunct after a final cue ("told RIA Novosti", "on Friday", "apparently referring to …").</summary>
    private static bool TailIsAdjunct(Document document, int start, int end)
    {
        var tokens = new SentenceTokens(document);
        if (start >= end)
        {
            return true;
        }

        if (tokens[start] is ",")
        {
            return true; // "…, Kabulov said, apparently referring to …"
        }

        if (end - start > 6)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (tokens.Is(i, "that") || ReportingCues.TryGetLemma(tokens[i], out _))
            {
                return false;
            }
        }

        return tokens.IsCapitalized(start) || tokens.Is(start, "on") || tokens.Is(start, "in") || tokens.Is(start, "to") || tokens.Is(start, "at")
            || tokens.Is(start, "last") || tokens.Is(start, "yesterday") || tokens.Is(start, "today") || tokens.Is(start, "earlier")
            || tokens.Is(start, "the") || tokens.Is(start, "a") || tokens.Is(start, "after") || tokens.Is(start, "before")
            || tokens.Is(start, "during") || tokens.Is(start, "following") || tokens.Is(start, "this") || tokens.Is(start, "late");
    }

    /// <summary>
    /// On parsed text: true when everything after a final cue hangs on it as a time, place or adverbial clause and nothing it
    /// governs to its right is reported ("…, the lawmakers said Friday afternoon, as they left the hall"): the reported
    /// words lie before the source, however long the tail.
    /// </summary>
    private static bool TailIsParsedAdjunct(Document document, int cue, int end)
    {
        if (document.Dependencies.IsDefaultOrEmpty || document.Tags.IsDefaultOrEmpty || cue + 1 >= end)
        {
            return false;
        }

        // The cue has its subject before it and the reported clause further left: the clause hangs on the cue, or the parser
        // made the cue a conjunct or parenthetical of that clause ("…, the members said" as conj of the clause's head).
        var (cueRelation, head) = (document.Dependencies[cue].Relation, document.Dependencies[cue].Head);
        var reportedLeft = cueRelation is "root"
            ? Syntax.DependencyTree.Children(document, cue, "ccomp", "parataxis").Any(clause => clause < cue)
            : cueRelation is "conj" or "parataxis" && head >= 0 && head < cue && document.Dependencies[head].Relation is "root";
        if (!reportedLeft || !Syntax.DependencyTree.Children(document, cue, "aux:pass").IsEmpty
            || !Syntax.DependencyTree.Children(document, cue, "nsubj").Any(subject => subject < cue))
        {
            return false;
        }

        var tokens = new SentenceTokens(document);
        var adjuncts = 0;
        foreach (var child in Syntax.DependencyTree.Children(document, cue))
        {
            if (child <= cue || child >= end)
            {
                continue;
            }

            var relation = document.Dependencies[child].Relation;
            if (relation is "punct" or "obl" or "obl:tmod" or "obl:npmod" or "nmod:tmod" or "advmod")
            {
                adjuncts++;
                continue;
            }

            // An adverbial clause is an adjunct when a subordinator opens it ("as they left"), not a participle ("saying …").
            if (relation is "advcl" && OpensWithSubordinator(document, child, cue))
            {
                adjuncts++;
                continue;
            }

            return false;
        }

        return adjuncts > 0;
    }

    private static bool OpensWithSubordinator(Document document, int clause, int cue)
    {
        var tokens = new SentenceTokens(document);
        foreach (var mark in Syntax.DependencyTree.Children(document, clause, "mark"))
        {
            if (mark > cue && !tokens.Is(mark, "that"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>End of a short noun phrase starting at <paramref name="start"/>: a determiner or capitalised run and its nouns, up to a break.</summary>
    private static int NounPhraseEnd(Document document, int start, int end)
    {
        var tokens = new SentenceTokens(document);
        var i = start;
        while (i < end && i - start < 8 && !tokens.IsClauseBreak(i) && !tokens.IsTerminal(i) && !tokens.IsQuoteMark(i)
               && !tokens.Is(i, "that") && !tokens.Is(i, "on") && !tokens.Is(i, "in") && !tokens.Is(i, "at")
               && !tokens.Is(i, "about") && !tokens.Is(i, "after") && !tokens.Is(i, "before") && !tokens.Is(i, "apparently")
               && !ReportingCues.TryGetLemma(tokens[i], out _))
        {
            i++;
        }

        return i;
    }

    private static bool ContainsQuote(Document document, List<QuoteMarks> marks, TextSpan content)
    {
        foreach (var quote in marks)
        {
            var span = new SentenceTokens(document).Span(quote.Open, quote.Close + 1);
            if (content.Contains(span) || content.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    private static int SentenceOf(Document document, int token)
    {
        var sentences = document.Sentences;
        int low = 0, high = sentences.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (sentences[mid].FirstToken <= token)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static void ResolveSpeakers(Document document, List<Found> found)
    {
        var tokens = new SentenceTokens(document);
        var names = new List<TextSpan>(); // full names of speakers seen so far, in order
        var unresolved = new List<Found>(); // descriptions before any name: resolved forwards (cataphora)
        foreach (var item in found)
        {
            if (item.ContinuationOf is { } antecedent)
            {
                item.Source ??= antecedent.Source;
                item.Cue ??= antecedent.Cue;
                item.Speaker = antecedent.Speaker;
                item.Channel ??= antecedent.Channel;
                continue;
            }

            if (item.SourceTokens is not var (first, end))
            {
                continue;
            }

            var name = NameIn(document, first, end);
            if (name is { } span)
            {
                var full = names.LastOrDefault(known => EndsWithWord(document, known, span));
                item.Speaker = full == default ? span : full;

                // Only a full personal name (two or more words, or a person mention) becomes an antecedent
                // for "he" and "the diplomat": "Moscow" in "Moscow believes" must not.
                if (full == default && IsPersonName(document, span))
                {
                    names.Add(span);
                    foreach (var waiting in unresolved)
                    {
                        waiting.Speaker = span;
                    }

                    unresolved.Clear();
                }
            }
            else if (IsPersonReference(document, first, end))
            {
                if (names.Count > 0)
                {
                    item.Speaker = names[^1];
                }
                else
                {
                    unresolved.Add(item);
                }
            }

            _ = tokens;
        }
    }

    /// <summary>A proper name in the source: a run of capitalised tokens not followed by a possessive ("Russia’s envoy" has none).</summary>
    private static TextSpan? NameIn(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);

        // A person the recogniser found in the source is the speaker, whatever modifies it ("Foreign Minister Sergey
        // Lavrov", "Afghan President Ashraf Ghani"): the capitalised words before it are its titles.
        foreach (var mention in document.Mentions)
        {
            if (mention.FirstToken >= end)
            {
                break;
            }

            if (mention.Type == "PER" && mention.FirstToken >= first && mention.EndToken <= end && !tokens.IsPossessive(mention.EndToken))
            {
                return mention.Span;
            }
        }

        for (var i = first; i < end; i++)
        {
            if (!tokens.IsCapitalized(i) || tokens.IsPronoun(i) || IsDescription(document, i) || IsLeadingConnective(tokens[i]) || IsTitle(tokens[i]))
            {
                continue;
            }

            var runEnd = i;
            while (runEnd < end && ((tokens.IsCapitalized(runEnd) && !IsTitle(tokens[runEnd])) || (runEnd > i && tokens[runEnd] is "-")))
            {
                runEnd++;
            }

            while (runEnd > i + 1 && tokens[runEnd - 1] is "-")
            {
                runEnd--; // "US-led": the name is "US"
            }

            if (tokens.IsPossessive(runEnd))
            {
                i = runEnd;
                continue;
            }

            // A name that modifies a common noun is not the speaker: "Russian diplomats", "US officials", "a State
            // Department spokeswoman" are people the text does not name.
            if (runEnd < end && !document.Tags.IsDefaultOrEmpty && document.Tags[runEnd].Upos == "NOUN" && !tokens.IsCapitalized(runEnd))
            {
                i = runEnd;
                continue;
            }

            return tokens.Span(i, runEnd);
        }

        return null;
    }

    /// <summary>Honorifics and offices written before names ("Rep.", "Mr.", "President"): not part of the name.</summary>
    private static bool IsTitle(ReadOnlySpan<char> word) =>
        (word.Length > 1 && word[^1] == '.' && word.Length <= 5)
        || word is "President" or "Senator" or "Governor" or "Minister" or "Prime" or "General" or "Secretary" or "Chairman" or "Sir" or "Dame";

    private static bool IsPersonName(Document document, TextSpan name)
    {
        foreach (var mention in document.Mentions)
        {
            if (mention.Span.Overlaps(name))
            {
                return mention.Type == "PER";
            }
        }

        return document.SliceOf(name).Contains(' ');
    }

    private static bool IsPersonReference(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        if (end - first == 1 && (tokens.Is(first, "he") || tokens.Is(first, "she")))
        {
            return true;
        }

        // A definite or possessive description of one person: "the diplomat", "Russia's special envoy".
        var definite = tokens.Is(first, "the") || tokens.Is(first, "his") || tokens.Is(first, "her") || tokens.IsPossessive(first + 1) || tokens.IsPossessive(first + 2);
        var last = tokens[end - 1];
        return definite && end - first <= 5 && last.Length > 1 && last[^1] != 's';
    }

    private static bool EndsWithWord(Document document, TextSpan known, TextSpan name)
    {
        var knownText = document.SliceOf(known);
        var nameText = document.SliceOf(name);
        return knownText.EndsWith(nameText, StringComparison.Ordinal)
            && (knownText.Length == nameText.Length || knownText[knownText.Length - nameText.Length - 1] == ' ');
    }
}
