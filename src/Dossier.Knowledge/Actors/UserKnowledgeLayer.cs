using System.Text;

namespace Dossier.Knowledge.Actors;

/// <summary>
/// The user's own knowledge, kept apart from the shipped files so that corrections survive upgrades and
/// are re-applied on every analysis: a directory holding actor lists (<c>actors*.tsv</c>, the shipped
/// <c>actors.tsv</c> format, with type <c>person</c> allowed too), extra names (<c>aliases.tsv</c>:
/// actor, alias) and merges (<c>merges.tsv</c>: from, into). Users may drop their own actor lists there as
/// custom dictionaries; <c>dossier actors add|alias|merge</c> writes through this class.
/// </summary>
public sealed class UserKnowledgeLayer
{
    /// <summary>File names inside a layer.</summary>
    public const string ActorListPattern = "actors*.tsv", ActorsFile = "actors.tsv", AliasesFile = "aliases.tsv", MergesFile = "merges.tsv";

    private const string ActorsHeader = "id\ttype\tcameo\tname\taliases\tcountry\taffiliations\tqid";

    /// <summary>Opens (without creating) the layer at <paramref name="directory"/>.</summary>
    public UserKnowledgeLayer(string directory) => Directory = directory;

    /// <summary>The layer's folder; created on the first write.</summary>
    public string Directory { get; }

    /// <summary>
    /// Where the layer lives unless a command says otherwise: <c>$DOSSIER_KNOWLEDGE</c>, else
    /// <c>$XDG_DATA_HOME/dossier/knowledge</c>, else <c>~/.local/share/dossier/knowledge</c>.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOSSIER_KNOWLEDGE") is { Length: > 0 } explicitPath)
            {
                return explicitPath;
            }

            var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(dataHome, "dossier", "knowledge");
        }
    }

    /// <summary>Adds a new actor; its id must not exist yet in <paramref name="current"/>.</summary>
    /// <exception cref="ArgumentException">The id exists already, or a field holds a tab, a newline or '|'.</exception>
    public void AddActor(Actor actor, KnowledgeBase current)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(current);
        if (current.TryGet(actor.Id, out _))
        {
            throw new ArgumentException($"Actor '{actor.Id}' exists already; add names to it with 'dossier actors alias'.", nameof(actor));
        }

        if (actor.Type == ActorType.Country)
        {
            throw new ArgumentException("Countries come from the shipped ISO 3166 list; add an alias to one instead.", nameof(actor));
        }

        foreach (var affiliation in actor.Affiliations)
        {
            RequireActor(current, affiliation);
        }

        var fields = new[]
        {
            Field(actor.Id.Value), TypeName(actor.Type), Field(actor.Cameo), Field(actor.Name),
            string.Join('|', actor.Aliases.Select(Field)), Field(actor.Country ?? ""),
            string.Join('|', actor.Affiliations.Select(a => Field(a.Value))), Field(actor.WikidataId ?? ""),
        };
        Append(ActorsFile, ActorsHeader, string.Join('\t', fields));
    }

    /// <summary>Gives actor <paramref name="id"/> another name. Returns false when it already has that name.</summary>
    /// <exception cref="ArgumentException">No such actor, or the alias holds a tab, a newline or '|'.</exception>
    public bool AddAlias(ActorId id, string alias, KnowledgeBase current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var actor = RequireActor(current, id);
        alias = Field(alias.Trim());
        if (alias.Length == 0)
        {
            throw new ArgumentException("The alias is empty.", nameof(alias));
        }

        if (actor.AllNames().Any(n => string.Equals(n.Name, alias, StringComparison.Ordinal)))
        {
            return false;
        }

        Append(AliasesFile, "actor\talias", $"{id.Value}\t{alias}");
        return true;
    }

    /// <summary>Folds actor <paramref name="from"/> into <paramref name="into"/> (its names become aliases of the survivor).</summary>
    /// <exception cref="ArgumentException">Either actor is unknown, or both are the same.</exception>
    public void Merge(ActorId from, ActorId into, KnowledgeBase current)
    {
        ArgumentNullException.ThrowIfNull(current);
        RequireActor(current, from);
        RequireActor(current, into);
        if (from == into)
        {
            throw new ArgumentException($"Cannot merge '{from}' into itself.", nameof(into));
        }

        Append(MergesFile, "from\tinto", $"{from.Value}\t{into.Value}");
    }

    private static Actor RequireActor(KnowledgeBase current, ActorId id) =>
        current.TryGet(id, out var actor)
            ? actor
            : throw new ArgumentException($"There is no actor '{id}' in the knowledge base (shipped or user).", nameof(id));

    private void Append(string fileName, string header, string line)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, fileName);
        var text = new StringBuilder();
        if (!File.Exists(path))
        {
            text.Append("# Written by 'dossier actors'; applied on top of the shipped knowledge base.\n").Append(header).Append('\n');
        }

        text.Append(line).Append('\n');
        File.AppendAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny("\t\r\n|") >= 0
            ? throw new ArgumentException($"'{value}' holds a tab, a line break or '|', which the TSV format reserves.", nameof(value))
            : value;

    private static string TypeName(ActorType type) => type switch
    {
        ActorType.Region => "region",
        ActorType.Igo => "igo",
        ActorType.GovernmentBody => "government body",
        ActorType.ArmedGroup => "armed group",
        ActorType.Outlet => "outlet",
        ActorType.Person => "person",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Countries cannot be added."),
    };

    /// <summary>Parses a type name as written in the actor files (and on the command line).</summary>
    public static bool TryParseType(string text, out ActorType type)
    {
        foreach (var candidate in new[] { ActorType.Region, ActorType.Igo, ActorType.GovernmentBody, ActorType.ArmedGroup, ActorType.Outlet, ActorType.Person })
        {
            if (string.Equals(TypeName(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
