using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Syntax;
using Dossier.Text;
using Dossier.Text.Claims;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Claims;

/// <summary>
/// Turns quantities into claims by binding each to what it counts and whose, where, when, which way
/// it moves and who says so, through the dependency parse:
/// <list type="bullet">
/// <item>measure: the noun the number modifies (<c>nummod</c>: "10,000 troops"), or for a proportion the noun
/// after "of" ("half of the country" = a territory share); normalised to a family ("troops", "militants" → fighters);</item>
/// <item>subject: the subject of the clause that holds the measure ("ISIS has …"), the possessor ("IS's fighters"),
/// or — for a description such as "the terrorist group" — the organisation the document names most;</item>
/// <item>place: the nearest place mention in the sentence (inside the quote, when the number is quoted); "the
/// country", or a sentence without a place, means the place the document names most;</item>
/// <item>time: the nearest date or period in the sentence ("at the moment");</item>
/// <item>trend: a verb of growth or decline in the sentence after the number ("is continuing to grow");</item>
/// <item>claimant: the speaker of the quote that contains the number.</item>
/// </list>
/// Ordinals, numbers without a measure, and numbers in negated or hypothetical clauses ("might have",
/// "if it had") are not claims. Thread-safe.
/// </summary>
public sealed class ClaimBinder : IPipelineComponent
{
    /// <summary>Counted nouns grouped into comparable measures (lemma → measure).</summary>
    private static readonly FrozenDictionary<string, string> Measures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fighter"] = "fighters", ["militant"] = "fighters", ["troop"] = "fighters", ["soldier"] = "fighters", ["member"] = "fighters",
        ["jihadist"] = "fighters", ["insurgent"] = "fighters", ["terrorist"] = "fighters", ["combatant"] = "fighters", ["gunman"] = "fighters",
        ["recruit"] = "fighters", ["fighters"] = "fighters", ["militants"] = "fighters", ["troops"] = "fighters", ["soldiers"] = "fighters", ["reservist"] = "reservists", ["killed"] = "killed", ["dead"] = "killed", ["death"] = "killed",
        ["casualty"] = "casualties", ["fatality"] = "killed", ["body"] = "killed", ["victim"] = "killed", ["wounded"] = "wounded",
        ["injured"] = "wounded", ["injury"] = "wounded", ["refugee"] = "displaced", ["displaced"] = "displaced", ["migrant"] = "migrants",
        ["civilian"] = "civilians", ["prisoner"] = "prisoners", ["hostage"] = "hostages", ["people"] = "people", ["person"] = "people",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TerritoryNouns = FrozenSet.Create(StringComparer.Ordinal,
        "country", "territory", "land", "area", "province", "district", "region", "state", "nation");

    private static readonly FrozenSet<string> Growth = FrozenSet.Create(StringComparer.Ordinal,
        "grow", "rise", "increase", "swell", "expand", "boost", "climb", "surge", "multiply");

    private static readonly FrozenSet<string> Decline = FrozenSet.Create(StringComparer.Ordinal,
        "shrink", "fall", "decline", "decrease", "drop", "dwindle", "diminish", "reduce");

    /// <inheritdoc />
    public string Name => "claims";

    /// <inheritdoc />
    public Layers Requires => Layers.Quantities | Layers.Dependencies | Layers.Quotes;

    /// <inheritdoc />
    public Layers Produces => Layers.Claims;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Quantities.IsDefaultOrEmpty || document.Dependencies.IsDefaultOrEmpty)
        {
            return document;
        }

        var focus = MostNamed(document, "LOC", byReferent: false);
        var mainActor = MostNamed(document, "ORG", byReferent: true);
        var claims = ImmutableArray.CreateBuilder<Claim>();
        foreach (var quantity in document.Quantities)
        {
            if (Bind(document, quantity, focus, mainActor) is { } claim)
            {
                claims.Add(claim);
            }
        }

        return document with { Claims = claims.ToImmutable() };
    }

    private static Claim? Bind(Document document, Quantity quantity, TextSpan? focus, TextSpan? mainActor)
    {
        if (quantity.Kind == QuantityKind.Ordinal)
        {
            return null;
        }

        var number = document.TokenAt(quantity.NumberSpan.End - 1);
        if (number >= document.Tokens.Length)
        {
            return null;
        }

        var (measure, measureToken, rule) = FindMeasure(document, quantity, number);
        if (measure is null)
        {
            return null;
        }

        // The clause the measure belongs to: the head of the measure noun, or for a proportion ("half of
        // the country", where the noun hangs on the number) the head of the number.
        var predicate = measureToken < 0 ? -1
            : document.Dependencies[measureToken].Head == number ? document.Dependencies[number].Head
            : document.Dependencies[measureToken].Head;
        if (predicate >= 0 && (DependencyTree.IsNegated(document, predicate) || IsHypothetical(document, predicate)))
        {
            return null; // "does not have 10,000 fighters", "could have 10,000 fighters if …" claim nothing
        }

        var sentence = SentenceOf(document, number);
        var quoteIndex = -1;
        for (var q = 0; q < document.Quotes.Length; q++)
        {
            if (document.Quotes[q].Content.Contains(quantity.Span))
            {
                quoteIndex = q;
                break;
            }
        }

        // A quoted claim's place lies in what was quoted, not in the attribution around it.
        var scope = quoteIndex >= 0 ? Intersect(document.Quotes[quoteIndex].Content, sentence.Span) : sentence.Span;
        var subject = FindSubject(document, measureToken, predicate, number, scope, mainActor);
        var place = FindPlace(document, scope, quantity, measureToken, focus, subject);
        var time = Nearest(document.TimeExpressions, sentence, quantity.Span, expression => expression.Span);
        var trend = FindTrend(document, number, sentence);

        var claimant = quoteIndex >= 0 ? document.Quotes[quoteIndex].Speaker ?? document.Quotes[quoteIndex].Source : null;
        return new Claim(quantity.Span, quantity, measure, measureToken >= 0 ? document.Tokens[measureToken].Span : null,
            subject, place, time, trend, claimant, quoteIndex, new Provenance("claims", rule));
    }

    private static (string? Measure, int Token, string Rule) FindMeasure(Document document, Quantity quantity, int number)
    {
        if (quantity.Kind == QuantityKind.Proportion)
        {
            // "half of the country": the share's noun is its nmod ("country"), or the head it quantifies.
            foreach (var child in DependencyTree.Children(document, number, "nmod", "obl"))
            {
                var lemma = document.Tags[child].Lemma;
                return (TerritoryNouns.Contains(lemma) ? "territory-share" : "share-of-" + lemma, child, "proportion-of");
            }

            return (null, -1, string.Empty);
        }

        var arc = document.Dependencies[number];
        if (arc.Relation is "nummod" or "nummod:gov" && arc.Head >= 0)
        {
            var lemma = document.Tags[arc.Head].Lemma.ToLowerInvariant();
            return (Measures.TryGetValue(lemma, out var measure) ? measure : lemma, arc.Head, "nummod");
        }

        return (null, -1, string.Empty);
    }

    private static TextSpan? FindSubject(Document document, int measure, int predicate, int number, TextSpan scope, TextSpan? mainActor)
    {
        // Candidates must lie in the claim's scope: a quoted claim's subject is inside the quote, never its speaker.
        if (measure >= 0 && DependencyTree.Children(document, measure, "nmod:poss") is [var possessor, ..]
            && MentionIn(document, possessor) is { } owner && scope.Contains(owner))
        {
            return owner;
        }

        if (predicate >= 0)
        {
            foreach (var subject in DependencyTree.Subjects(document, predicate))
            {
                if (MentionIn(document, subject) is { } named && scope.Contains(named))
                {
                    return named;
                }
            }
        }

        // When the parse gives no subject, a name just before the number in the same clause
        // ("the Taliban controls half", "ISIS has over 10,000") is whose number it is.
        var stop = document.Tokens[Math.Max(0, number - 4)].Span.Start;
        for (var m = document.Mentions.Length - 1; m >= 0; m--)
        {
            var mention = document.Mentions[m];
            if (mention.Span.End > document.Tokens[number].Span.Start || mention.Type == "LOC")
            {
                continue;
            }

            if (mention.Span.Start < stop || !scope.Contains(mention.Span) || HasClauseBreak(document, mention.Span.End, document.Tokens[number].Span.Start))
            {
                break;
            }

            return mention.Span;
        }

        // A description ("the terrorist group", "their force"): the organisation the story is about.
        return mainActor;
    }

    /// <summary>A predicate under "might/could/would" or in an "if"/"unless" clause states no fact.</summary>
    private static bool IsHypothetical(Document document, int predicate)
    {
        foreach (var modal in DependencyTree.Modals(document, predicate))
        {
            if (document.Tags[modal].Lemma is "might" or "could" or "would" or "may")
            {
                return true;
            }
        }

        foreach (var marker in DependencyTree.Children(document, predicate, "mark"))
        {
            if (document.TokenText(marker).Equals("if", StringComparison.OrdinalIgnoreCase)
                || document.TokenText(marker).Equals("unless", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClauseBreak(Document document, int from, int to) =>
        document.Text.AsSpan(from, Math.Max(0, to - from)).IndexOfAny(",;:–—") >= 0;

    /// <summary>The first entity mention inside the subtree of <paramref name="token"/>.</summary>
    private static TextSpan? MentionIn(Document document, int token)
    {
        var (first, end) = DependencyTree.Subtree(document, token);
        var span = new TextSpan(document.Tokens[first].Span.Start, document.Tokens[end - 1].Span.End);
        foreach (var mention in document.Mentions)
        {
            if (span.Contains(mention.Span))
            {
                return mention.Span;
            }
        }

        return null;
    }

    private static TextSpan? FindPlace(Document document, TextSpan scope, Quantity quantity, int measure, TextSpan? focus, TextSpan? subject)
    {
        if (measure >= 0 && document.Tags[measure].Lemma is "country" && focus is not null)
        {
            return focus; // "half of the country": the country the story is about
        }

        TextSpan? best = null;
        var bestDistance = int.MaxValue;
        foreach (var mention in document.Mentions)
        {
            if (mention.Type != "LOC" || !scope.Contains(mention.Span) || mention.Span == subject)
            {
                continue;
            }

            var distance = mention.Span.Start >= quantity.Span.End ? mention.Span.Start - quantity.Span.End : (quantity.Span.Start - mention.Span.End) * 2;
            if (distance < bestDistance)
            {
                best = mention.Span;
                bestDistance = distance;
            }
        }

        return best ?? focus; // no place in the sentence: the place the story is about
    }

    private static TextSpan Intersect(TextSpan a, TextSpan b) =>
        new(Math.Max(a.Start, b.Start), Math.Max(Math.Max(a.Start, b.Start), Math.Min(a.End, b.End)));

    private static T? Nearest<T>(ImmutableArray<T> items, Sentence sentence, TextSpan anchor, Func<T, TextSpan> span)
        where T : class
    {
        T? best = null;
        var bestDistance = int.MaxValue;
        foreach (var item in items)
        {
            var itemSpan = span(item);
            if (!sentence.Span.Contains(itemSpan))
            {
                continue;
            }

            var distance = Math.Abs(itemSpan.Start - anchor.Start);
            if (distance < bestDistance)
            {
                best = item;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static ClaimTrend FindTrend(Document document, int number, Sentence sentence)
    {
        for (var t = number + 1; t < sentence.EndToken; t++)
        {
            var lemma = document.Tags[t].Lemma;
            if (Growth.Contains(lemma))
            {
                return ClaimTrend.Increasing;
            }

            if (Decline.Contains(lemma))
            {
                return ClaimTrend.Decreasing;
            }
        }

        return ClaimTrend.None;
    }

    /// <summary>
    /// The referent of <paramref name="type"/> the document names most often (ties: the first): the country
    /// "the country" refers to, the organisation "the group" refers to.
    /// </summary>
    private static TextSpan? MostNamed(Document document, string type, bool byReferent)
    {
        // Organisations count by referent ("ISIS", "IS" and "Islamic State" are one actor); places by name,
        // because the linker folds "Moscow" into Russia the government, not the territory "the country" means.
        var clusters = !byReferent || document.Links.IsDefaultOrEmpty ? null : document.Links.ToDictionary(link => link.Span, link => link.Cluster);
        var counts = new Dictionary<string, (int Count, TextSpan First)>(StringComparer.Ordinal);
        foreach (var mention in document.Mentions)
        {
            if (mention.Type != type)
            {
                continue;
            }

            var key = clusters is not null && clusters.TryGetValue(mention.Span, out var cluster) ? cluster : document.TextOf(mention.Span);
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.First) : (1, mention.Span);
        }

        return counts.Count == 0 ? null : counts.Values.OrderByDescending(value => value.Count).ThenBy(value => value.First.Start).First().First;
    }

    private static Sentence SentenceOf(Document document, int token)
    {
        foreach (var sentence in document.Sentences)
        {
            if (token < sentence.EndToken)
            {
                return sentence;
            }
        }

        return document.Sentences[^1];
    }
}
