using System.Collections.Immutable;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Actors;

/// <summary>
/// Applies one user knowledge layer (see <see cref="UserKnowledgeLayer"/>) to the actors loaded so far:
/// first the layer's own actor lists, then extra aliases, then merges, so an alias or a merge may name
/// an actor the same layer adds.
/// </summary>
internal static class UserLayerReader
{
    public static List<Actor> Apply(string directory, List<Actor> actors)
    {
        if (!Directory.Exists(directory))
        {
            return actors;
        }

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < actors.Count; i++)
        {
            byId[actors[i].Id.Value] = i;
        }

        // Ordinal order makes the result independent of the file system's listing order.
        foreach (var file in Directory.GetFiles(directory, UserKnowledgeLayer.ActorListPattern).Order(StringComparer.Ordinal))
        {
            foreach (var actor in KnowledgeBaseLoader.ReadActors(file, allowPeople: true))
            {
                if (byId.ContainsKey(actor.Id.Value))
                {
                    throw new KnowledgeFormatException(
                        $"{Path.GetFileName(file)}: actor id '{actor.Id}' already exists; use 'dossier actors alias' to add names to it.");
                }

                byId[actor.Id.Value] = actors.Count;
                actors.Add(actor);
            }
        }

        var aliasesPath = Path.Combine(directory, UserKnowledgeLayer.AliasesFile);
        if (File.Exists(aliasesPath))
        {
            var table = TsvTable.Read(aliasesPath, "actor", "alias");
            int actorColumn = table.Column("actor"), aliasColumn = table.Column("alias");
            foreach (var row in table.Rows)
            {
                var index = IndexOf(byId, row, row.Required(actorColumn, "actor"));
                var alias = row.Required(aliasColumn, "alias");
                var actor = actors[index];
                if (!actor.AllNames().Any(n => string.Equals(n.Name, alias, StringComparison.Ordinal)))
                {
                    actors[index] = actor with { Aliases = actor.Aliases.Add(alias) };
                }
            }
        }

        var mergesPath = Path.Combine(directory, UserKnowledgeLayer.MergesFile);
        if (File.Exists(mergesPath))
        {
            var table = TsvTable.Read(mergesPath, "from", "into");
            int fromColumn = table.Column("from"), intoColumn = table.Column("into");
            foreach (var row in table.Rows)
            {
                var from = row.Required(fromColumn, "from");
                var into = row.Required(intoColumn, "into");
                if (string.Equals(from, into, StringComparison.Ordinal))
                {
                    throw row.Error($"merges '{from}' into itself.");
                }

                actors = Merge(actors, actors[IndexOf(byId, row, from)], actors[IndexOf(byId, row, into)]);
                byId.Clear();
                for (var i = 0; i < actors.Count; i++)
                {
                    byId[actors[i].Id.Value] = i;
                }
            }
        }

        return actors;
    }

    /// <summary>
    /// Folds <paramref name="from"/> into <paramref name="into"/>: its names become aliases of the survivor,
    /// and every affiliation or office that pointed at it points at the survivor instead.
    /// </summary>
    private static List<Actor> Merge(List<Actor> actors, Actor from, Actor into)
    {
        var names = into.AllNames().Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var added = from.AllNames().Select(n => n.Name).Where(names.Add).ToImmutableArray();
        var survivor = into with { Aliases = into.Aliases.AddRange(added) };
        var result = new List<Actor>(actors.Count - 1);
        foreach (var actor in actors)
        {
            if (actor.Id == from.Id)
            {
                continue;
            }

            var current = actor.Id == into.Id ? survivor : actor;
            if (current.Affiliations.Contains(from.Id) || current.Positions.Any(p => p.Of == from.Id))
            {
                current = current with
                {
                    Affiliations = [.. current.Affiliations.Select(a => a == from.Id ? into.Id : a).Where(a => a != current.Id).Distinct()],
                    Positions = [.. current.Positions.Select(p => p.Of == from.Id ? p with { Of = into.Id } : p)],
                };
            }

            result.Add(current);
        }

        return result;
    }

    private static int IndexOf(Dictionary<string, int> byId, TsvRow row, string id) =>
        byId.TryGetValue(id, out var index)
            ? index
            : throw row.Error($"names actor '{id}', which is not in the knowledge base (shipped or user).");
}
