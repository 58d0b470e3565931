using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Knowledge.Actors;
using Dossier.Text;

namespace Dossier.Analysis.Linking;

/// <summary>
/// Corrects the entity recogniser where CoNLL-2003's conventions differ from what Dossier's users
/// need, using the knowledge base rather than string lists:
/// <list type="bullet">
/// <item>a demonym tagged MISC directly followed by an organisation that is a sector body ("Russian" +
/// "Foreign Ministry", "Syrian" + "Army") becomes one ORG mention, as the linker codes it (RUSGOV);</item>
/// <item>a mention whose name the knowledge base knows only as an organisation — an armed group,
/// international organisation, government body or outlet ("Taliban", tagged MISC by CoNLL's
/// convention) — becomes ORG.</item>
/// </list>
/// Every changed mention records the rule. Thread-safe.
/// </summary>
public sealed class MentionRefiner(Lazy<KnowledgeBase> knowledge) : IPipelineComponent
{
    private readonly Lazy<(FrozenSet<string> Demonyms, FrozenSet<string> SectorHeads)> _lexicon = new(() =>
    {
        var demonyms = knowledge.Value.Actors.Where(actor => actor.Type == ActorType.Country).SelectMany(actor => actor.Demonyms);
        var heads = knowledge.Value.Sectors.SelectMany(sector => sector.Heads);
        return (demonyms.ToFrozenSet(StringComparer.Ordinal), heads.ToFrozenSet(StringComparer.Ordinal));
    });

    /// <inheritdoc />
    public string Name => "mention-refiner";

    /// <inheritdoc />
    public Layers Requires => Layers.Mentions;

    /// <inheritdoc />
    public Layers Produces => Layers.Mentions;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Mentions.IsDefaultOrEmpty)
        {
            return document;
        }

        var (demonyms, heads) = _lexicon.Value;
        var mentions = document.Mentions;
        var refined = ImmutableArray.CreateBuilder<Mention>(mentions.Length);
        for (var i = 0; i < mentions.Length; i++)
        {
            var mention = mentions[i];
            var text = document.TextOf(mention.Span);
            if (mention.Type == "MISC" && demonyms.Contains(text) && i + 1 < mentions.Length
                && mentions[i + 1] is { Type: "ORG" } next && next.FirstToken == mention.EndToken && heads.Contains(document.TextOf(next.Span)))
            {
                refined.Add(new Mention(new TextSpan(mention.Span.Start, next.Span.End), mention.FirstToken, next.EndToken, "ORG", new Provenance(Name, "demonym+sector")));
                i++;
                continue;
            }

            if (mention.Type is "MISC" or "LOC" && IsOnlyOrganisation(text))
            {
                refined.Add(mention with { Type = "ORG", Source = new Provenance(Name, "knowledge-type") });
                continue;
            }

            refined.Add(mention);
        }

        return document with { Mentions = refined.ToImmutable() };
    }

    private bool IsOnlyOrganisation(string name)
    {
        if (!knowledge.Value.Index.TryGet(name, out var candidates) || candidates.IsEmpty)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.Actor.Type is not (ActorType.ArmedGroup or ActorType.Igo or ActorType.GovernmentBody or ActorType.Outlet))
            {
                return false;
            }
        }

        return true;
    }
}
