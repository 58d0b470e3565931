using System.Collections.Immutable;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;

namespace Dossier.Knowledge.Features;

/// <summary>
/// Gazetteer features for sequence taggers: marks token runs that the actor knowledge base or the
/// place gazetteer knows, longest match first (up to <see cref="MaxTokens"/> tokens, joined by single
/// spaces), with BIO prefixes. Immutable; thread-safe.
/// </summary>
/// <example>
/// <code>
/// var tagger = new NameFeatureTagger(kb, gazetteer);
/// tagger.Tag(["Zamir", "Kabulov", "told", "RIA", "Novosti"]);
/// // actor: B-person I-person O B-outlet I-outlet; place: O O O O O
/// </code>
/// </example>
public sealed class NameFeatureTagger
{
    /// <summary>Longest run of tokens considered.</summary>
    public const int MaxTokens = 6;

    private readonly KnowledgeBase _knowledge;
    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a tagger; the gazetteer is optional (actor features only without it).</summary>
    public NameFeatureTagger(KnowledgeBase knowledge, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _knowledge = knowledge;
        _gazetteer = gazetteer;
    }

    /// <summary>Per-token features for one sentence or document.</summary>
    /// <param name="Actor">"O", or "B-"/"I-" + actor kind (country, demonym, seat, region, igo, government-body, armed-group, outlet, person).</param>
    /// <param name="Place">"O", or "B-"/"I-" + place kind (country, admin1, admin2, capital, city, town, village, region); city ≥ 100,000 inhabitants, town ≥ 10,000.</param>
    public readonly record struct TokenFeatures(string Actor, string Place);

    /// <summary>Tags <paramref name="tokens"/> (token strings in order).</summary>
    public ImmutableArray<TokenFeatures> Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var actor = new string[tokens.Count];
        var place = new string[tokens.Count];
        Array.Fill(actor, "O");
        Array.Fill(place, "O");
        Fill(tokens, actor, ActorKind);
        if (_gazetteer is not null)
        {
            Fill(tokens, place, PlaceKindOf);
        }

        var builder = ImmutableArray.CreateBuilder<TokenFeatures>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            builder.Add(new TokenFeatures(actor[i], place[i]));
        }

        return builder.MoveToImmutable();
    }

    private static void Fill(IReadOnlyList<string> tokens, string[] tags, Func<string, string?> kindOf)
    {
        for (var i = 0; i < tokens.Count;)
        {
            var matched = 0;
            string? kind = null;
            for (var length = Math.Min(MaxTokens, tokens.Count - i); length >= 1 && matched == 0; length--)
            {
                // Names start with a capital letter or a digit ("9/11" aside): skip lower-case starts.
                if (tokens[i].Length == 0 || !char.IsUpper(tokens[i][0]))
                {
                    break;
                }

                kind = kindOf(string.Join(' ', tokens.Skip(i).Take(length)));
                if (kind is not null)
                {
                    matched = length;
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            tags[i] = "B-" + kind;
            for (var k = 1; k < matched; k++)
            {
                tags[i + k] = "I-" + kind;
            }

            i += matched;
        }
    }

    private string? ActorKind(string name)
    {
        if (!_knowledge.Index.TryGet(name, out var candidates))
        {
            return null;
        }

        var first = candidates[0];
        return first.Kind switch
        {
            NameKind.Demonym => "demonym",
            NameKind.Seat => "seat",
            _ => first.Actor.Type switch
            {
                ActorType.Country => "country",
                ActorType.Region => "region",
                ActorType.Igo => "igo",
                ActorType.GovernmentBody => "government-body",
                ActorType.ArmedGroup => "armed-group",
                ActorType.Outlet => "outlet",
                _ => "person",
            },
        };
    }

    private string? PlaceKindOf(string name)
    {
        if (!_gazetteer!.TryGet(name, out var places))
        {
            return null;
        }

        var best = places[0];
        foreach (var place in places)
        {
            if (place.Kind is PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Capital)
            {
                best = place;
                break;
            }
        }

        return best.Kind switch
        {
            PlaceKind.Country => "country",
            PlaceKind.Admin1 => "admin1",
            PlaceKind.Admin2 => "admin2",
            PlaceKind.Capital => "capital",
            PlaceKind.Region => "region",
            _ => best.Population >= 100_000 ? "city" : best.Population >= 10_000 ? "town" : "village",
        };
    }
}
