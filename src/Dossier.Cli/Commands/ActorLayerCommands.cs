using System.CommandLine;
using Dossier.Knowledge.Actors;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier actors add|alias|merge</c>: analyst corrections written to the user's knowledge layer
/// (<see cref="UserKnowledgeLayer"/>), which every later analysis applies on top of the shipped knowledge base.
/// </summary>
internal static class ActorLayerCommands
{
    /// <summary>The <c>actors</c> command with the three correction subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("actors", "The actor knowledge base: add actors, aliases and merges in your own layer.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Alias());
        command.Subcommands.Add(Merge());
        return command;
    }

    private static Option<string> LayerOption() => new("--knowledge")
    {
        Description = "The user knowledge layer to write (default: $DOSSIER_KNOWLEDGE, else ~/.local/share/dossier/knowledge).",
        DefaultValueFactory = _ => UserKnowledgeLayer.DefaultDirectory,
    };

    private static Command Add()
    {
        var id = new Argument<string>("id") { Description = "New actor id: a prefix (grp:, gov:, igo:, media:, per:, reg:) and a slug, e.g. grp:my-group." };
        var name = new Option<string>("--name") { Description = "Canonical name.", Required = true };
        var type = new Option<string>("--type") { Description = "region, igo, government body, armed group, outlet or person.", Required = true };
        var cameo = new Option<string>("--cameo") { Description = "CAMEO actor code, e.g. AFGREB or IGOUNO.", Required = true };
        var aliases = new Option<string[]>("--alias") { Description = "Another name (repeat the option for several)." };
        var country = new Option<string?>("--country") { Description = "Alpha-3 code of the actor's country." };
        var affiliations = new Option<string[]>("--affiliation") { Description = "Id of a parent or allied actor (repeatable)." };
        var layer = LayerOption();
        var command = new Command("add", "Add an actor to your knowledge layer.") { id, name, type, cameo, aliases, country, affiliations, layer };
        command.SetAction(parseResult => Run(parseResult, (kb, target) =>
        {
            var typeText = parseResult.GetRequiredValue(type);
            if (!UserKnowledgeLayer.TryParseType(typeText, out var actorType))
            {
                throw new UserInputException($"--type '{typeText}' is not one of: region, igo, government body, armed group, outlet, person.");
            }

            var actorId = new ActorId(RequireSlug(parseResult.GetRequiredValue(id)));
            var countryCode = parseResult.GetValue(country);
            if (countryCode is not null && !kb.TryGet(new ActorId(countryCode), out _))
            {
                throw new UserInputException($"--country '{countryCode}' is not a country code in the knowledge base (use alpha-3, e.g. AFG).");
            }

            var actor = new Actor(actorId, actorType, parseResult.GetRequiredValue(cameo), parseResult.GetRequiredValue(name),
                [.. parseResult.GetValue(aliases) ?? []], countryCode,
                [.. (parseResult.GetValue(affiliations) ?? []).Select(a => new ActorId(a))], null);
            target.AddActor(actor, kb);
            return $"added {actorId} ({actor.Name})";
        }, layer));
        return command;
    }

    private static Command Alias()
    {
        var id = new Argument<string>("id") { Description = "Actor id, e.g. grp:islamic-state or RUS." };
        var alias = new Argument<string>("alias") { Description = "The new name." };
        var layer = LayerOption();
        var command = new Command("alias", "Give an actor another name.") { id, alias, layer };
        command.SetAction(parseResult => Run(parseResult, (kb, target) =>
        {
            var actorId = new ActorId(parseResult.GetRequiredValue(id));
            var name = parseResult.GetRequiredValue(alias);
            return target.AddAlias(actorId, name, kb)
                ? $"'{name}' now names {actorId}"
                : $"{actorId} is already called '{name}'; nothing changed";
        }, layer));
        return command;
    }

    private static Command Merge()
    {
        var from = new Argument<string>("from") { Description = "The actor that goes away." };
        var into = new Argument<string>("into") { Description = "The actor that keeps its id and takes the other's names." };
        var layer = LayerOption();
        var command = new Command("merge", "Merge one actor into another (its names become aliases of the survivor).") { from, into, layer };
        command.SetAction(parseResult => Run(parseResult, (kb, target) =>
        {
            var gone = new ActorId(parseResult.GetRequiredValue(from));
            var survivor = new ActorId(parseResult.GetRequiredValue(into));
            target.Merge(gone, survivor, kb);
            return $"merged {gone} into {survivor}";
        }, layer));
        return command;
    }

    /// <summary>
    /// Loads the shipped base with the layer as it stands (so a correction can build on earlier ones),
    /// applies the change, then reloads to prove the layer still loads before reporting success.
    /// </summary>
    private static int Run(ParseResult parseResult, Func<KnowledgeBase, UserKnowledgeLayer, string> change, Option<string> layerOption)
    {
        var output = parseResult.InvocationConfiguration.Output;
        return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
        {
            var directory = parseResult.GetRequiredValue(layerOption);
            var current = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [directory]);
            string message;
            try
            {
                message = change(current, new UserKnowledgeLayer(directory));
            }
            catch (ArgumentException exception)
            {
                throw new UserInputException(exception.Message);
            }

            var reloaded = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory, [directory]);
            output.WriteLine($"{message} (layer {directory}; {reloaded.Actors.Length} actors). Re-analyse or re-ingest to apply it to stored articles.");
            return CommandErrors.Success;
        });
    }

    private static string RequireSlug(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == id.Length - 1 || id.Any(char.IsWhiteSpace))
        {
            throw new UserInputException($"actor id '{id}' should be a prefix and a slug without spaces, e.g. grp:my-group.");
        }

        return id;
    }
}
