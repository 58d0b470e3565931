using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Names;
using Dossier.Text;

namespace Dossier.Analysis.Linking;

/// <summary>A mention to link: its span and, when known, its entity type (PER, ORG, LOC, GPE, MISC).</summary>
/// <param name="Span">The mention in the text.</param>
/// <param name="Type">Entity type from the recogniser, or null when unknown.</param>
public readonly record struct LinkMention(TextSpan Span, string? Type);

/// <summary>
/// A mention linked to the knowledge base, or clustered with others in the document when the
/// knowledge base lacks it.
/// </summary>
/// <param name="Span">The mention.</param>
/// <param name="Actor">The actor, or null when the knowledge base has no entry (a NIL mention).</param>
/// <param name="Cameo">The CAMEO code for this mention: the actor's, or composed (country + role) for
/// "Russian Foreign Ministry"-like phrases and seats of power used as agents ("Moscow believes" → RUSGOV).</param>
/// <param name="Cluster">Mentions of one referent share a cluster: the actor id, or "nil:" + the longest name seen.</param>
/// <param name="Rule">The sieve that decided (exact, alias, seat-agent, demonym, sector, partial-name, acronym, nominal, nil).</param>
public readonly record struct ActorLink(TextSpan Span, Actor? Actor, string? Cameo, string Cluster, string Rule);

/// <summary>
/// Links mentions to actors with ordered sieves, most precise first, each recording its name:
/// <list type="number">
/// <item><b>exact / alias</b>: the mention (without a leading "the" or a trailing possessive) is a
/// name in the knowledge base; ambiguity is settled by mention type, by preferring a body over the
/// seat metonym that names it ("the Kremlin" is the Presidential Administration, affiliated to
/// RUS), by offices held on the document's date, and by the countries already in the document.</item>
/// <item><b>seat-agent</b>: a capital or seat of power followed by a speech or cognition verb, or in
/// the possessive, is the government: "Moscow believes" → RUS with CAMEO RUSGOV.</item>
/// <item><b>sector</b>: demonym or country + a sector head ("Pakistani military commanders",
/// "Afghan police") → the country with the sector's CAMEO role (PAKMIL, AFGCOP).</item>
/// <item><b>partial-name / acronym</b>: a later surname or part of an earlier mention's name
/// ("Kabulov" after "Zamir Kabulov"), or an acronym defined in parentheses, joins that mention.</item>
/// <item><b>nominal</b>: "the terrorist group", "the diplomat" → the most recent actor of the matching
/// kind.</item>
/// <item><b>nil</b>: everything else is clustered by name within the document.</item>
/// </list>
/// Immutable; thread-safe.
/// </summary>
public sealed class ActorLinker
{
    private readonly KnowledgeBase _knowledge;
    private readonly FrozenDictionary<string, Sector> _sectorHeads;

    /// <summary>Creates a linker over a knowledge base.</summary>
    public ActorLinker(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
        var heads = new Dictionary<string, Sector>(NameKey.Comparer);
        foreach (var sector in knowledge.Sectors)
        {
            foreach (var head in sector.Heads)
            {
                heads.TryAdd(head, sector);
            }
        }

        _sectorHeads = heads.ToFrozenDictionary(NameKey.Comparer);
    }

    // Verbs whose subject is an agent with a view: a capital before one of them is its government.
    private static readonly FrozenSet<string> AgentVerbs = new[]
    {
        "believes", "believed", "believe", "said", "says", "say", "stated", "states", "warned", "warns", "thinks", "thought",
        "considers", "insists", "insisted", "accused", "accuses", "invited", "invites", "announced", "announces", "claimed",
        "claims", "denied", "denies", "rejected", "rejects", "urged", "urges", "called", "calls", "demanded", "demands",
        "expects", "fears", "hopes", "wants", "responded", "stressed", "added", "argued", "argues", "criticized",
        "criticised", "condemned", "condemns", "welcomed", "welcomes", "threatened", "threatens", "declined", "refused",
        "agreed", "decided", "ordered", "sent", "imposed", "sanctioned", "recognized", "recognised", "supports", "supported",
        "backs", "backed", "ended", "ends", "regards", "regarded", "sees", "views", "blames", "blamed", "trade", "trades",
        "accepts", "accepted", "signed", "signs", "launched", "launches", "vowed", "vows", "pledged", "pledges", "is", "was", "has",
        "had", "will", "would", "may", "might", "could", "should", "must", "can", "does", "did",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Nouns that refer back to the most recent actor of a kind ("the terrorist group", "the diplomat").
    private static readonly FrozenDictionary<string, ActorType> NominalHeads = new Dictionary<string, ActorType>(StringComparer.OrdinalIgnoreCase)
    {
        ["alliance"] = ActorType.Igo,
        ["group"] = ActorType.ArmedGroup, ["terrorist group"] = ActorType.ArmedGroup, ["militant group"] = ActorType.ArmedGroup,
        ["jihadist group"] = ActorType.ArmedGroup, ["extremist group"] = ActorType.ArmedGroup, ["movement"] = ActorType.ArmedGroup,
        ["militant movement"] = ActorType.ArmedGroup, ["terrorist organization"] = ActorType.ArmedGroup,
        ["terrorist organisation"] = ActorType.ArmedGroup, ["insurgent group"] = ActorType.ArmedGroup,
        ["diplomat"] = ActorType.Person, ["envoy"] = ActorType.Person, ["minister"] = ActorType.Person,
        ["official"] = ActorType.Person, ["spokesman"] = ActorType.Person, ["spokeswoman"] = ActorType.Person,
        ["president"] = ActorType.Person, ["general"] = ActorType.Person, ["commander"] = ActorType.Person,
        ["leader"] = ActorType.Person, ["ambassador"] = ActorType.Person,
        ["ministry"] = ActorType.GovernmentBody, ["department"] = ActorType.GovernmentBody,
        ["country"] = ActorType.Country, ["nation"] = ActorType.Country, ["organization"] = ActorType.Igo,
        ["organisation"] = ActorType.Igo, ["bloc"] = ActorType.Igo, ["news agency"] = ActorType.Outlet, ["broadcaster"] = ActorType.Outlet,
        ["outlet"] = ActorType.Outlet, ["channel"] = ActorType.Outlet,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Links every mention of <paramref name="document"/> (its <see cref="Document.Mentions"/> layer,
    /// with the recogniser's types), preferring people in office on the publication date.
    /// </summary>
    public ImmutableArray<ActorLink> Link(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = new List<LinkMention>(document.Mentions.Length);
        foreach (var mention in document.Mentions)
        {
            mentions.Add(new LinkMention(mention.Span, mention.Type));
        }

        return Link(document.Text, mentions, document.Metadata.Published);
    }

    /// <summary>Links <paramref name="mentions"/> (in text order) of <paramref name="text"/>.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="mentions">Mentions in text order.</param>
    /// <param name="date">Publication date, used to prefer people in office on that day.</param>
    public ImmutableArray<ActorLink> Link(string text, IReadOnlyList<LinkMention> mentions, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var links = new ActorLink[mentions.Count];
        var documentCountries = new HashSet<string>(StringComparer.Ordinal);
        var acronyms = DefinedAcronyms(text);

        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            var surface = Clean(text.AsSpan(mention.Span.Start, mention.Span.Length));
            links[i] = LinkOne(text, mention, surface, links.AsSpan(0, i), documentCountries, acronyms, date);
            if (links[i].Actor is { } actor)
            {
                var country = actor.Type == ActorType.Country ? actor.Id.Value : actor.Country;
                if (country is not null)
                {
                    documentCountries.Add(country);
                }
            }
        }

        return [.. links];
    }

    private ActorLink LinkOne(string text, LinkMention mention, ReadOnlySpan<char> surface, ReadOnlySpan<ActorLink> earlier,
        HashSet<string> documentCountries, Dictionary<string, string> acronyms, DateOnly? date)
    {
        var span = mention.Span;

        // Nominal anaphora: "the terrorist group", "the diplomat" (only with a definite article, and
        // only when the whole phrase is not itself a name: "the Alliance" is NATO).
        var raw = text.AsSpan(span.Start, span.Length).Trim();
        if (raw.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !_knowledge.Index.TryGet(raw, out _))
        {
            // The head is the phrase after "the", or its last two words, or its last word:
            // "the al-Qaeda-linked group" is a group.
            var phrase = raw[4..].ToString();
            var words = phrase.Split(' ');
            foreach (var head in new[] { phrase, words.Length > 2 ? string.Join(' ', words[^2..]) : "", words[^1] })
            {
                if (head.Equals("agency", StringComparison.OrdinalIgnoreCase) || head.Equals("court", StringComparison.OrdinalIgnoreCase))
                {
                    // "the agency" is whichever agency came last: a UN body, a ministry's service or a
                    // news agency; "the court" an international or a national court.
                    return Antecedent(text, span, earlier, t => t is ActorType.Igo or ActorType.GovernmentBody or ActorType.Outlet, raw);
                }

                if (head.Length > 0 && NominalHeads.TryGetValue(head, out var nominalType))
                {
                    return Antecedent(text, span, earlier, t => t == nominalType, raw);
                }
            }
        }

        // Knowledge-base names.
        if (_knowledge.Index.TryGet(surface, out var candidates) || _knowledge.Index.TryGet(raw, out candidates))
        {
            var chosen = Choose(candidates, mention.Type, documentCountries, date);
            if (chosen is { } candidate)
            {
                var actor = candidate.Actor;
                if (candidate.Kind == NameKind.Seat && actor.Type == ActorType.Country)
                {
                    var agent = IsAgent(text, span);
                    return new ActorLink(span, actor, agent ? actor.Cameo + "GOV" : actor.Cameo, actor.Id.Value, agent ? "seat-agent" : "seat");
                }

                var rule = candidate.Kind switch
                {
                    NameKind.Name => "exact",
                    NameKind.Demonym => "demonym",
                    _ => "alias",
                };

                // "America's decision", "Russia's envoy": a country in the possessive is its state.
                if (actor.Type == ActorType.Country && candidate.Kind != NameKind.Demonym && IsPossessive(text, span))
                {
                    return new ActorLink(span, actor, actor.Cameo + "GOV", actor.Id.Value, rule + "-possessive");
                }

                return new ActorLink(span, actor, actor.Cameo, actor.Id.Value, rule);
            }
        }

        // Demonym or country + sector head: "Russian Foreign Ministry", "Pakistani military commanders".
        if (TrySector(surface, out var sectorLink))
        {
            return sectorLink with { Span = span };
        }

        // Acronym defined in this text: "Islamic State (IS)"; the expansion decides.
        if (acronyms.TryGetValue(surface.ToString(), out var expansion) && _knowledge.Index.TryGet(expansion, out var expanded)
            && Choose(expanded, mention.Type, documentCountries, date) is { } viaAcronym)
        {
            return new ActorLink(span, viaAcronym.Actor, viaAcronym.Actor.Cameo, viaAcronym.Actor.Id.Value, "acronym");
        }

        // An acronym defined for a name the knowledge base lacks joins that name's cluster:
        // "Syrian Observatory for Human Rights (SOHR)" … "SOHR".
        if (acronyms.TryGetValue(surface.ToString(), out var nilExpansion))
        {
            for (var j = earlier.Length - 1; j >= 0; j--)
            {
                if (Clean(text.AsSpan(earlier[j].Span.Start, earlier[j].Span.Length)).Equals(nilExpansion, StringComparison.Ordinal))
                {
                    return earlier[j] with { Span = span, Rule = "acronym" };
                }
            }
        }

        // Partial name: a later "Kabulov" or "Ghani" joins an earlier mention whose name ends (or starts) with it.
        for (var j = earlier.Length - 1; j >= 0; j--)
        {
            var previous = Clean(text.AsSpan(earlier[j].Span.Start, earlier[j].Span.Length));
            if (previous.Length > surface.Length && IsNamePart(surface, previous))
            {
                return earlier[j] with { Span = span, Rule = "partial-name" };
            }
        }

        // No entry: cluster by name within the document.
        var key = "nil:" + NameKey.Of(surface);
        for (var j = 0; j < earlier.Length; j++)
        {
            if (earlier[j].Actor is null && string.Equals(earlier[j].Cluster, key, StringComparison.Ordinal))
            {
                return new ActorLink(span, null, earlier[j].Cameo, key, "nil");
            }
        }

        return new ActorLink(span, null, null, key, "nil");
    }

    /// <summary>
    /// The antecedent of a nominal mention: among earlier actors of the right kind in this or the
    /// previous sentence, the one that opened its sentence (a subject: "Islamic State Sahel Province,
    /// a rival of JNIM, … The group"), else the most recent one anywhere before.
    /// </summary>
    private static ActorLink Antecedent(string text, TextSpan span, ReadOnlySpan<ActorLink> earlier, Func<ActorType, bool> kind, ReadOnlySpan<char> raw)
    {
        var window = SentenceStart(text, SentenceStart(text, span.Start) - 1);
        var mostRecent = -1;
        for (var j = earlier.Length - 1; j >= 0; j--)
        {
            if (earlier[j].Actor is not { } previous || !kind(previous.Type))
            {
                continue;
            }

            if (mostRecent < 0)
            {
                mostRecent = j;
            }

            if (earlier[j].Span.Start >= window && SentenceStart(text, earlier[j].Span.Start) == earlier[j].Span.Start)
            {
                return new ActorLink(span, previous, previous.Cameo, earlier[j].Cluster, "nominal");
            }
        }

        if (mostRecent >= 0)
        {
            var previous = earlier[mostRecent].Actor!;
            return new ActorLink(span, previous, previous.Cameo, earlier[mostRecent].Cluster, "nominal");
        }

        return new ActorLink(span, null, null, "nil:" + NameKey.Of(raw), "nil");
    }

    /// <summary>Start of the sentence holding <paramref name="position"/>: after the last ". ", "! ", "? " or line break before it.</summary>
    private static int SentenceStart(string text, int position)
    {
        for (var k = Math.Min(position, text.Length) - 1; k >= 0; k--)
        {
            if (text[k] == '\n' || (k > 0 && text[k] == ' ' && text[k - 1] is '.' or '!' or '?' or '"' or '”'))
            {
                return k + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// Picks among the actors a name may denote: compatible with the mention type; a body before
    /// the seat metonym that names it; an office holder on the date; a country already in the
    /// document; otherwise the first (canonical names come before aliases).
    /// </summary>
    private static ActorCandidate? Choose(ImmutableArray<ActorCandidate> candidates, string? type, HashSet<string> documentCountries, DateOnly? date)
    {
        ActorCandidate? best = null;
        var bestScore = double.MinValue;
        foreach (var candidate in candidates)
        {
            var score = 0.0;
            var actor = candidate.Actor;
            if (!Compatible(actor.Type, candidate.Kind, type))
            {
                score -= 10;
            }

            score += candidate.Kind switch
            {
                NameKind.Name => 2,
                NameKind.Alias => 1.5,
                NameKind.Demonym => 1,
                _ => 0.5,
            };

            if (actor.Type == ActorType.GovernmentBody)
            {
                score += 0.25;
            }

            var country = actor.Type == ActorType.Country ? actor.Id.Value : actor.Country;
            if (country is not null && documentCountries.Contains(country))
            {
                score += 1;
            }

            if (date is { } day && actor.Positions.Length > 0)
            {
                score += actor.Positions.Any(p => p.IsHeldOn(day)) ? 1 : -1;
            }

            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return bestScore > -5 ? best : null;
    }

    private static bool Compatible(ActorType actorType, NameKind kind, string? mentionType) => mentionType switch
    {
        null or "" or "MISC" => true,
        "PER" => actorType == ActorType.Person,
        "ORG" => actorType is ActorType.Igo or ActorType.GovernmentBody or ActorType.ArmedGroup or ActorType.Outlet
            || (actorType == ActorType.Country && kind == NameKind.Seat),
        "LOC" or "GPE" => actorType is ActorType.Country or ActorType.Region || (actorType == ActorType.Igo && kind == NameKind.Alias),
        _ => true,
    };

    private bool TrySector(ReadOnlySpan<char> surface, out ActorLink link)
    {
        link = default;
        var text = surface.ToString();

        // Try every split "<country words> <head words>" from the longest country part down.
        var spaces = new List<int>();
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == ' ')
            {
                spaces.Add(k);
            }
        }

        foreach (var split in spaces)
        {
            var left = text[..split].TrimEnd('\'', '’', 's');
            var leftFull = text[..split];
            var right = text[(split + 1)..];
            if (!TryCountry(leftFull, out var country) && !TryCountry(left, out country))
            {
                continue;
            }

            // "Pakistan's Foreign Office": the knowledge base may know the body under another form
            // of the country's name ("Pakistani Foreign Office", "Pakistan Foreign Office").
            foreach (var form in country.AllNames())
            {
                if (form.Kind is NameKind.Name or NameKind.Alias or NameKind.Demonym
                    && _knowledge.Index.TryGet(form.Name + " " + right, out var bodies))
                {
                    foreach (var body in bodies)
                    {
                        if (body.Actor.Type == ActorType.GovernmentBody)
                        {
                            link = new ActorLink(default, body.Actor, body.Actor.Cameo, body.Actor.Id.Value, "sector-body");
                            return true;
                        }
                    }
                }
            }

            var sector = FindSector(right);
            if (sector is not null)
            {
                link = new ActorLink(default, country, country.Id.Value + sector.Role, country.Id.Value, "sector");
                return true;
            }
        }

        return false;
    }

    private Sector? FindSector(string words)
    {
        // The head may be followed by more words ("military commanders"): try prefixes, longest first.
        var parts = words.Split(' ');
        for (var length = parts.Length; length >= 1; length--)
        {
            if (_sectorHeads.TryGetValue(string.Join(' ', parts, 0, length), out var sector))
            {
                return sector;
            }
        }

        return null;
    }

    private bool TryCountry(string name, out Actor country)
    {
        country = null!;
        if (!_knowledge.Index.TryGet(name, out var candidates))
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Actor.Type == ActorType.Country && candidate.Kind is NameKind.Name or NameKind.Alias or NameKind.Demonym)
            {
                country = candidate.Actor;
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the words after the mention start with an agent verb, or the mention is possessive.</summary>
    internal static bool IsPossessive(string text, TextSpan span)
    {
        var end = span.End;
        if (end >= 2 && text[end - 2] is '\'' or '’' && text[end - 1] == 's')
        {
            return true;
        }

        return end + 1 < text.Length && text[end] is '\'' or '’' && text[end + 1] == 's';
    }

    internal static bool IsAgent(string text, TextSpan span)
    {
        var i = span.End;
        if (IsPossessive(text, span))
        {
            return true;
        }

        // "Ankara and Moscow trade blame": step over a coordinated capitalised name.
        var afterAnd = SkipCoordinated(text, i);
        if (afterAnd > i)
        {
            i = afterAnd;
        }

        // Skip adverbs and auxiliaries: "Moscow also believes", "Washington has long said".
        for (var words = 0; words < 3; words++)
        {
            while (i < text.Length && text[i] is ' ' or ',')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var word = text[start..i];

            // A listed verb, or any lower-case past tense right after the name ("Beijing appreciated").
            if (AgentVerbs.Contains(word) || (words == 0 && char.IsLower(word[0]) && word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)))
            {
                return true;
            }

            if (word is not ("also" or "now" or "still" or "reportedly" or "repeatedly" or "long" or "already" or "then"))
            {
                return false;
            }
        }

        return false;
    }

    private static int SkipCoordinated(string text, int i)
    {
        var k = i;
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        if (!text.AsSpan(k).StartsWith("and ", StringComparison.Ordinal))
        {
            return i;
        }

        k += 4;
        if (k >= text.Length || !char.IsUpper(text[k]))
        {
            return i;
        }

        while (k < text.Length && (char.IsLetter(text[k]) || text[k] == '-'))
        {
            k++;
        }

        return k;
    }

    /// <summary>Acronyms defined in parentheses after their expansion: "Islamic State (IS, formerly ISIS)" → IS = Islamic State.</summary>
    internal static Dictionary<string, string> DefinedAcronyms(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            var close = text.IndexOf(')', open);
            if (close < 0)
            {
                break;
            }

            var inside = text[(open + 1)..close];
            var acronym = inside.Split(',', ' ')[0];
            if (acronym.Length is < 2 or > 8 || !NameKey.IsCaseSensitive(acronym))
            {
                continue;
            }

            // The expansion: the words just before the parenthesis whose capitalised initials spell
            // the acronym ("Syrian Observatory for Human Rights (SOHR)"); failing that, the longest
            // capitalised run of about as many words as the acronym has letters.
            var words = text[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                // A parenthesis that opens the text (wire copy often starts "(Company Inc) said ...") expands nothing.
                continue;
            }

            var capitals = new string([.. acronym.Where(char.IsUpper)]);
            string? expansion = null;
            for (var n = 1; n <= Math.Min(capitals.Length + 3, words.Length) && expansion is null; n++)
            {
                var initials = new string([.. words[^n..].Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0])]);
                if (initials.Equals(capitals, StringComparison.Ordinal) && char.IsUpper(words[^n][0]))
                {
                    expansion = string.Join(' ', words[^n..]);
                }
            }

            for (var n = Math.Min(capitals.Length + 2, words.Length); n >= 1 && expansion is null; n--)
            {
                var candidate = string.Join(' ', words[^n..]);
                if (char.IsUpper(candidate[0]))
                {
                    expansion = candidate;
                }
            }

            if (expansion is not null)
            {
                result.TryAdd(acronym, Clean(expansion).ToString());
            }
        }

        return result;
    }

    /// <summary>The mention without a leading article or a trailing possessive.</summary>
    internal static ReadOnlySpan<char> Clean(ReadOnlySpan<char> surface)
    {
        surface = surface.Trim();
        if (surface.EndsWith("'s", StringComparison.Ordinal) || surface.EndsWith("’s", StringComparison.Ordinal))
        {
            surface = surface[..^2];
        }
        else if (surface.EndsWith('\'') || surface.EndsWith('’'))
        {
            surface = surface[..^1];
        }

        if (surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            surface = surface[4..];
        }

        return surface;
    }

    /// <summary>True when <paramref name="part"/> is a whole-word suffix or prefix of <paramref name="full"/> ("Kabulov" of "Zamir Kabulov").</summary>
    private static bool IsNamePart(ReadOnlySpan<char> part, ReadOnlySpan<char> full)
    {
        if (full.EndsWith(part, StringComparison.Ordinal) && full[^(part.Length + 1)] == ' ')
        {
            return true;
        }

        return full.StartsWith(part, StringComparison.Ordinal) && full[part.Length] == ' ';
    }
}
