using System.Collections.Frozen;
using Dossier.Analysis.Pipeline;
using Dossier.Text;
using Dossier.Text.Attribution;
using Dossier.Text.Knowledge;

namespace Dossier.Analysis.Attribution;

/// <summary>
/// Finds the roles and affiliations the text gives people, by three rules recorded in each role's provenance:
/// <list type="number">
/// <item><c>apposition</c>: a person's name followed by a comma and a phrase headed by a role noun
/// ("Zamir Kabulov, the head of the Middle East department in the Russian Foreign Ministry, said");</item>
/// <item><c>premodifier</c>: a role right before a name ("Russia's special envoy Zamir Kabulov", "Foreign Minister
/// Sergei Lavrov");</item>
/// <item><c>description</c>: a noun phrase headed by a role noun that names whom it serves ("Pakistani military
/// commanders", "Russia's special envoy") or that a quote resolved to a named speaker ("The diplomat said").</item>
/// </list>
/// The affiliation is the linked mention inside the role: an organisation when there is one ("the Russian Foreign
/// Ministry"), else a country ("Russia's", "Pakistani"); persons and regions are never affiliations. Runs after
/// entity linking and quote attribution (descriptions that are quote sources take the quote's resolved speaker).
/// Stateless and thread-safe.
/// </summary>
public sealed class RoleFinder : IPipelineComponent
{
    /// <summary>Longest role phrase considered, in tokens.</summary>
    private const int LongestRole = 20;

    // Nouns that name an office, a function or a profession, singular and plural. Written for Dossier.
    private static readonly FrozenSet<string> RoleNouns = new[]
    {
        "adviser", "advisor", "aide", "ambassador", "analyst", "attorney", "cabinet secretary", "captain", "ceo",
        "chair", "chairman", "chairwoman", "chancellor", "chief", "colonel", "commander", "commissioner", "congressman",
        "congresswoman", "consul", "coordinator", "correspondent", "counsel", "delegate", "deputy", "diplomat",
        "director", "editor", "emir", "envoy", "executive", "expert", "founder", "general", "governor", "head",
        "investigator", "journalist", "judge", "king", "lawmaker", "lawyer", "leader", "legislator", "lieutenant",
        "major", "manager", "mayor", "member", "minister", "monarch", "negotiator", "officer", "official", "president",
        "premier", "press secretary", "prime minister", "prince", "professor", "prosecutor", "queen", "representative",
        "reporter", "researcher", "ruler", "secretary", "senator", "sheikh", "soldier", "speaker", "spokesman",
        "spokesperson", "spokeswoman", "strategist", "undersecretary", "vice-president", "chief of staff", "mp",
        "attaché", "attache", "emissary", "militant", "fighter", "commandant", "marshal", "admiral", "sergeant",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Quantifiers = new[]
    {
        "the", "a", "an", "several", "some", "many", "few", "other", "various", "numerous", "both", "all", "two", "three", "senior-most",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Name => "roles";

    /// <inheritdoc />
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Mentions | Layers.Links;

    /// <inheritdoc />
    public Layers Produces => Layers.Roles;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var roles = new List<Role>();
        var claimed = new bool[document.Tokens.Length]; // a token belongs to one role at most
        foreach (var mention in document.Mentions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsPerson(document, mention))
            {
                continue;
            }

            if (Apposition(document, mention) is var (appositionFirst, appositionEnd))
            {
                Add(document, roles, claimed, mention.Span, appositionFirst, appositionEnd, "apposition");
            }

            if (Premodifier(document, mention) is var (premodifierFirst, premodifierEnd))
            {
                Add(document, roles, claimed, mention.Span, premodifierFirst, premodifierEnd, "premodifier");
            }
        }

        FindDescriptions(document, roles, claimed);
        roles.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return document with { Roles = [.. roles] };
    }

    private void Add(Document document, List<Role> roles, bool[] claimed, TextSpan holder, int first, int end, string rule, bool holderIsRole = false)
    {
        for (var i = first; i < end; i++)
        {
            if (claimed[i])
            {
                return;
            }
        }

        Array.Fill(claimed, true, first, end - first);
        var span = new TextSpan(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
        // A description naming nobody holds its own role: "Pakistani" in "Pakistani military commanders" is the affiliation.
        var affiliation = AffiliationIn(document, span, holderIsRole ? null : holder);
        roles.Add(new Role(holder, span, affiliation?.Span, new Provenance(Name, rule))
        {
            HolderActor = holderIsRole ? null : QuoteAttributor.ActorOf(document, holder),
            AffiliationActor = affiliation?.ActorId,
        });
    }

    /// <summary><c>NAME, the head of … in the Russian Foreign Ministry,</c>: the phrase between the commas.</summary>
    private static (int First, int End)? Apposition(Document document, Mention mention)
    {
        var tokens = new SentenceTokens(document);
        var comma = mention.EndToken;
        if (comma >= tokens.Count || tokens[comma] is not ",")
        {
            return null;
        }

        var sentence = SentenceEnd(document, comma);
        var first = comma + 1;
        var end = first;
        while (end < sentence && end - first < LongestRole && !tokens.IsClauseBreak(end) && !tokens.IsTerminal(end) && !tokens.IsQuoteMark(end))
        {
            end++;
        }

        // The apposition must be closed by a break (comma, dash, the sentence's end), not run into a clause.
        if (end == first || end - first >= LongestRole)
        {
            return null;
        }

        first = SkipArticle(document, first, end);
        var head = HeadNoun(document, first, end);
        return head >= 0 ? (first, end) : null;
    }

    /// <summary><c>Russia's special envoy Zamir Kabulov</c> / <c>Foreign Minister Sergei Lavrov</c>: the modifiers right before the name.</summary>
    private static (int First, int End)? Premodifier(Document document, Mention mention)
    {
        var tokens = new SentenceTokens(document);
        var end = mention.FirstToken;
        if (end == 0 || !IsRoleNoun(document, end - 1))
        {
            return null;
        }

        var sentenceStart = SentenceStart(document, end - 1);
        var first = end - 1;
        while (first > sentenceStart && IsModifier(document, first - 1))
        {
            first--;
        }

        first = SkipArticle(document, first, end);
        return first < end ? (first, end) : null;
    }

    /// <summary>Noun phrases headed by a role noun, kept when they name an affiliation or a quote resolved them to a speaker.</summary>
    private void FindDescriptions(Document document, List<Role> roles, bool[] claimed)
    {
        var tokens = new SentenceTokens(document);
        for (var head = 0; head < tokens.Count; head++)
        {
            if (claimed[head] || !IsRoleNoun(document, head) || IsRoleNoun(document, head + 1) || StartsPerson(document, head + 1))
            {
                continue; // inside a longer role ("prime minister"), or a premodifier of a name already taken
            }

            var sentenceStart = SentenceStart(document, head);
            var first = head;
            while (first > sentenceStart && IsModifier(document, first - 1) && !claimed[first - 1])
            {
                first--;
            }

            var end = head + 1;
            if (end + 1 < tokens.Count && (tokens.Is(end, "of") || tokens.Is(end, "for")) && !claimed[end])
            {
                // "the head of the department", "spokesman for the ministry": the complement names the affiliation.
                var complementEnd = end + 1;
                var sentenceEnd = SentenceEnd(document, head);
                while (complementEnd < sentenceEnd && complementEnd - end < 8 && IsComplementWord(document, complementEnd))
                {
                    complementEnd++;
                }

                if (complementEnd > end + 1)
                {
                    end = complementEnd;
                }
            }

            var start = SkipArticle(document, first, head + 1);
            var span = new TextSpan(document.Tokens[start].Span.Start, document.Tokens[end - 1].Span.End);
            var phrase = new TextSpan(document.Tokens[first].Span.Start, span.End);
            var speaker = SpeakerDescribedBy(document, phrase);
            if (speaker is { } named)
            {
                Add(document, roles, claimed, named, start, end, "description");
            }
            else if (AffiliationIn(document, span, holder: null) is not null)
            {
                Add(document, roles, claimed, span, start, end, "description", holderIsRole: true);
            }
        }
    }

    /// <summary>The speaker a quote resolved this description to, when the description is the quote's source.</summary>
    private static TextSpan? SpeakerDescribedBy(Document document, TextSpan phrase)
    {
        foreach (var quote in document.Quotes)
        {
            if (quote.Source is { } source && source.Contains(phrase) && quote.Speaker is { } speaker && !speaker.Overlaps(source))
            {
                return speaker;
            }
        }

        return null;
    }

    /// <summary>The linked mention inside a role naming whom it serves: an organisation first, else a country.</summary>
    private static EntityLink? AffiliationIn(Document document, TextSpan role, TextSpan? holder)
    {
        EntityLink? country = null;
        foreach (var link in document.Links)
        {
            if (link.Span.Start >= role.End)
            {
                break;
            }

            if (link.ActorId is not { } id || !role.Contains(link.Span) || (holder is { } h && h.Overlaps(link.Span)))
            {
                continue;
            }

            if (id.StartsWith("per:", StringComparison.Ordinal) || id.StartsWith("reg:", StringComparison.Ordinal))
            {
                continue; // a person or a region is not whom an office serves
            }

            if (id.Contains(':', StringComparison.Ordinal))
            {
                return link; // an organisation, ministry, armed group or outlet
            }

            country ??= link;
        }

        return country;
    }

    private static bool IsPerson(Document document, Mention mention)
    {
        if (mention.Type == "PER")
        {
            return true;
        }

        foreach (var link in document.Links)
        {
            if (link.Span == mention.Span)
            {
                return link.ActorId?.StartsWith("per:", StringComparison.Ordinal) == true;
            }
        }

        return false;
    }

    private static bool StartsPerson(Document document, int token)
    {
        foreach (var mention in document.Mentions)
        {
            if (mention.FirstToken == token)
            {
                return IsPerson(document, mention);
            }

            if (mention.FirstToken > token)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The first role noun of a phrase before any preposition or verb ("head" in "head of the department"), or -1.</summary>
    private static int HeadNoun(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        for (var i = first; i < end && i < first + 6; i++)
        {
            if (IsRoleNoun(document, i))
            {
                return i;
            }

            if (tokens.IsPreposition(i) || IsVerb(document, i))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsRoleNoun(Document document, int index)
    {
        if (index < 0 || index >= document.Tokens.Length)
        {
            return false;
        }

        if (!document.Tags.IsDefaultOrEmpty && document.Tags[index].Upos is not ("NOUN" or "PROPN"))
        {
            return false;
        }

        var word = document.TokenText(index);
        return RoleNouns.Contains(word.ToString()) || (word.Length > 3 && word[^1] == 's' && RoleNouns.Contains(word[..^1].ToString()));
    }

    /// <summary>Words that can stand before a role noun: adjectives, nouns, names, possessives ("Russia's special", "Foreign").</summary>
    private static bool IsModifier(Document document, int index)
    {
        var tokens = new SentenceTokens(document);
        if (tokens.IsPossessive(index))
        {
            return true;
        }

        if (tokens.IsClauseBreak(index) || tokens.IsTerminal(index) || tokens.IsQuoteMark(index) || tokens.IsPronoun(index))
        {
            return false;
        }

        if (document.Tags.IsDefaultOrEmpty)
        {
            return tokens.IsCapitalized(index) || IsRoleNoun(document, index);
        }

        var tag = document.Tags[index];
        return tag.Upos is "ADJ" or "NOUN" or "PROPN" || (tag.Upos is "DET" && tokens.Is(index, "the")) || tag.Xpos is "NNP" or "NNPS";
    }

    /// <summary>Words of a prepositional complement ("of the Middle East department in the Russian Foreign Ministry").</summary>
    private static bool IsComplementWord(Document document, int index)
    {
        var tokens = new SentenceTokens(document);
        if (tokens.IsClauseBreak(index) || tokens.IsTerminal(index) || tokens.IsQuoteMark(index) || IsVerb(document, index))
        {
            return false;
        }

        return tokens.IsPossessive(index) || tokens.Is(index, "of") || tokens.Is(index, "in") || tokens.Is(index, "at") || tokens.Is(index, "for")
            || tokens.Is(index, "to") || IsModifier(document, index) || (!document.Tags.IsDefaultOrEmpty && document.Tags[index].Upos is "DET");
    }

    private static bool IsVerb(Document document, int index) =>
        !document.Tags.IsDefaultOrEmpty && document.Tags[index].Upos is "VERB" or "AUX";

    /// <summary>Leading articles, quantifiers and numbers are not part of the role ("the head of …" → "head of …", "several officials").</summary>
    private static int SkipArticle(Document document, int first, int end)
    {
        var tokens = new SentenceTokens(document);
        while (first < end - 1 && (Quantifiers.Contains(tokens[first].ToString()) || (!document.Tags.IsDefaultOrEmpty && document.Tags[first].Upos is "DET" or "NUM")))
        {
            first++;
        }

        return first;
    }

    private static int SentenceStart(Document document, int token)
    {
        foreach (var sentence in document.Sentences)
        {
            if (sentence.FirstToken <= token && token < sentence.EndToken)
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
            if (sentence.FirstToken <= token && token < sentence.EndToken)
            {
                return sentence.EndToken;
            }
        }

        return document.Tokens.Length;
    }
}
