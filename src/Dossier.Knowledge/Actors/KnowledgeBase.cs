using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Actors;

/// <summary>
/// The actor knowledge base: countries, regions, organisations, government bodies, armed groups,
/// outlets and people, loaded from <c>data/knowledge/*.tsv</c> (see that folder's README), with a
/// name index. Immutable and thread-safe once loaded.
/// </summary>
/// <example>
/// <code>
/// var kb = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory);
/// kb.Index.TryGet("Kremlin", out var candidates);   // RUS (seat) and the Presidential Administration
/// kb.Get(new ActorId("grp:iskp")).Affiliations;      // [grp:islamic-state]
/// </code>
/// </example>
public sealed class KnowledgeBase
{
    /// <summary>File names inside the knowledge directory.</summary>
    public const string CountriesFile = "countries.tsv", ActorsFile = "actors.tsv", PersonsFile = "persons.tsv",
        PositionsFile = "positions.tsv", SectorsFile = "sectors.tsv", AmbiguousFile = "ambiguous-aliases.tsv";

    private readonly FrozenDictionary<string, Actor> _byId;

    internal KnowledgeBase(ImmutableArray<Actor> actors, ImmutableArray<Sector> sectors, ImmutableArray<string> deliberatelyAmbiguous)
    {
        Actors = actors;
        Sectors = sectors;
        DeliberatelyAmbiguous = deliberatelyAmbiguous;
        _byId = actors.ToFrozenDictionary(a => a.Id.Value, StringComparer.Ordinal);
        Index = new ActorIndex(actors);
        ByAlpha2 = actors.Where(a => a.Alpha2 is not null).ToFrozenDictionary(a => a.Alpha2!, StringComparer.Ordinal);
    }

    /// <summary>The directory the data files are copied to next to the binaries.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data", "knowledge");

    /// <summary>Every actor, countries first, in file order.</summary>
    public ImmutableArray<Actor> Actors { get; }

    /// <summary>Sectors with CAMEO role codes.</summary>
    public ImmutableArray<Sector> Sectors { get; }

    /// <summary>Names that the data deliberately gives to several actors.</summary>
    public ImmutableArray<string> DeliberatelyAmbiguous { get; }

    /// <summary>The name index.</summary>
    public ActorIndex Index { get; }

    /// <summary>Countries by ISO alpha-2 code.</summary>
    public FrozenDictionary<string, Actor> ByAlpha2 { get; }

    /// <summary>Loads the knowledge base from <paramref name="directory"/>.</summary>
    /// <exception cref="KnowledgeFormatException">A file is malformed; the message names file and line.</exception>
    public static KnowledgeBase Load(string directory) => KnowledgeBaseLoader.Load(directory, []);

    /// <summary>
    /// Loads the shipped knowledge base from <paramref name="directory"/> and applies each user layer in order
    /// (see <see cref="UserKnowledgeLayer"/>): the user's own actors, extra aliases and merges, on top of the
    /// shipped files, which stay untouched. Layer directories that do not exist are skipped.
    /// </summary>
    /// <exception cref="KnowledgeFormatException">A file is malformed or a layer names an unknown actor.</exception>
    public static KnowledgeBase Load(string directory, IEnumerable<string> userLayers) => KnowledgeBaseLoader.Load(directory, userLayers);

    /// <summary>Finds an actor by id.</summary>
    public bool TryGet(ActorId id, out Actor actor)
    {
        if (_byId.TryGetValue(id.Value, out var found))
        {
            actor = found;
            return true;
        }

        actor = null!;
        return false;
    }

    /// <summary>The actor with <paramref name="id"/>; throws when absent.</summary>
    public Actor Get(ActorId id) =>
        TryGet(id, out var actor) ? actor : throw new KeyNotFoundException($"No actor with id '{id}'.");
}
