using System.Collections.Immutable;
using System.Globalization;
using Dossier.Knowledge.Files;

namespace Dossier.Knowledge.Actors;

/// <summary>Reads the TSV files of <c>data/knowledge/</c> into a <see cref="KnowledgeBase"/>.</summary>
internal static class KnowledgeBaseLoader
{
    public static KnowledgeBase Load(string directory, IEnumerable<string> userLayers)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Knowledge directory '{directory}' does not exist. It should hold {KnowledgeBase.CountriesFile}, {KnowledgeBase.ActorsFile} and friends (data/knowledge/ in the repository).");
        }

        var actors = new List<Actor>();
        actors.AddRange(ReadCountries(Path.Combine(directory, KnowledgeBase.CountriesFile)));
        actors.AddRange(ReadActors(Path.Combine(directory, KnowledgeBase.ActorsFile)));
        var positions = ReadPositions(Path.Combine(directory, KnowledgeBase.PositionsFile));
        actors.AddRange(ReadPersons(Path.Combine(directory, KnowledgeBase.PersonsFile), positions));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            if (!seen.Add(actor.Id.Value))
            {
                throw new KnowledgeFormatException($"Actor id '{actor.Id}' is defined twice; ids must be unique across all knowledge files.");
            }
        }

        foreach (var person in positions.Keys)
        {
            if (!seen.Contains(person))
            {
                throw new KnowledgeFormatException(
                    $"{KnowledgeBase.PositionsFile}: person '{person}' has positions but no line in {KnowledgeBase.PersonsFile}.");
            }
        }

        foreach (var layer in userLayers)
        {
            actors = UserLayerReader.Apply(layer, actors);
        }

        var sectors = ReadSectors(Path.Combine(directory, KnowledgeBase.SectorsFile));
        var ambiguousPath = Path.Combine(directory, KnowledgeBase.AmbiguousFile);
        var ambiguous = File.Exists(ambiguousPath)
            ? [.. TsvTable.Read(ambiguousPath, "alias", "reason").Rows.Select(r => r.Get(0))]
            : ImmutableArray<string>.Empty;
        return new KnowledgeBase([.. actors], sectors, ambiguous);
    }

    private static IEnumerable<Actor> ReadCountries(string path)
    {
        var table = TsvTable.Read(path, "code", "iso2", "kind", "name", "aliases", "demonyms", "capital", "seats", "qid");
        int code = table.Column("code"), iso2 = table.Column("iso2"), kind = table.Column("kind"), name = table.Column("name"),
            aliases = table.Column("aliases"), demonyms = table.Column("demonyms"), capital = table.Column("capital"),
            seats = table.Column("seats"), qid = table.Column("qid");
        foreach (var row in table.Rows)
        {
            var alpha3 = row.Required(code, "code");
            if (alpha3.Length != 3 || !alpha3.All(char.IsAsciiLetterUpper))
            {
                throw row.Error($"country code '{alpha3}' is not three capital letters (ISO 3166-1 alpha-3).");
            }

            var alpha2 = row.Required(iso2, "iso2");
            if (alpha2.Length != 2 || !alpha2.All(char.IsAsciiLetterUpper))
            {
                throw row.Error($"alpha-2 code '{alpha2}' is not two capital letters.");
            }

            var countryKind = row.Required(kind, "kind");
            if (countryKind is not ("state" or "territory" or "partial"))
            {
                throw row.Error($"kind is '{countryKind}'; expected state, territory or partial.");
            }

            yield return new Actor(new ActorId(alpha3), ActorType.Country, alpha3, row.Required(name, "name"),
                row.List(aliases), alpha3, [], CheckQid(row, qid))
            {
                Demonyms = row.List(demonyms),
                Seats = row.List(seats),
                Capital = row.Optional(capital),
                CountryKind = countryKind,
                Alpha2 = alpha2,
            };
        }
    }

    internal static IEnumerable<Actor> ReadActors(string path, bool allowPeople = false)
    {
        var table = TsvTable.Read(path, "id", "type", "cameo", "name", "aliases", "country", "affiliations", "qid");
        int id = table.Column("id"), type = table.Column("type"), cameo = table.Column("cameo"), name = table.Column("name"),
            aliases = table.Column("aliases"), country = table.Column("country"), affiliations = table.Column("affiliations"),
            qid = table.Column("qid");
        foreach (var row in table.Rows)
        {
            var typeText = row.Required(type, "type");
            var actorType = typeText switch
            {
                "region" => ActorType.Region,
                "igo" => ActorType.Igo,
                "government body" => ActorType.GovernmentBody,
                "armed group" => ActorType.ArmedGroup,
                "outlet" => ActorType.Outlet,
                "person" when allowPeople => ActorType.Person,
                _ => throw row.Error($"type is '{typeText}'; expected region, igo, government body, armed group or outlet (countries go in {KnowledgeBase.CountriesFile}, people in {KnowledgeBase.PersonsFile})."),
            };
            yield return new Actor(new ActorId(row.Required(id, "id")), actorType, row.Required(cameo, "cameo"),
                row.Required(name, "name"), row.List(aliases), row.Optional(country),
                [.. row.List(affiliations).Select(a => new ActorId(a))], CheckQid(row, qid));
        }
    }

    private static IEnumerable<Actor> ReadPersons(string path, Dictionary<string, List<Position>> positions)
    {
        var table = TsvTable.Read(path, "id", "name", "aliases", "country", "qid");
        int id = table.Column("id"), name = table.Column("name"), aliases = table.Column("aliases"),
            country = table.Column("country"), qid = table.Column("qid");
        foreach (var row in table.Rows)
        {
            var personId = row.Required(id, "id");
            var held = positions.TryGetValue(personId, out var list) ? list.ToImmutableArray() : [];
            var countryValue = row.Optional(country);

            // A person's CAMEO code is that of their most recent office; an organisation's member
            // without one gets the country code alone.
            var cameo = held.Length > 0 ? held.MaxBy(p => p.From ?? DateOnly.MinValue)!.Cameo : countryValue ?? "";
            yield return new Actor(new ActorId(personId), ActorType.Person, cameo, row.Required(name, "name"),
                row.List(aliases), countryValue is { Length: 3 } ? countryValue : null,
                countryValue is { Length: 3 } ? [] : countryValue is null ? [] : [new ActorId(countryValue)], CheckQid(row, qid))
            {
                Positions = held,
            };
        }
    }

    private static Dictionary<string, List<Position>> ReadPositions(string path)
    {
        var table = TsvTable.Read(path, "person", "cameo", "title", "of", "from", "to");
        int person = table.Column("person"), cameo = table.Column("cameo"), title = table.Column("title"), of = table.Column("of"),
            from = table.Column("from"), to = table.Column("to");
        var result = new Dictionary<string, List<Position>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var position = new Position(row.Required(cameo, "cameo"), row.Required(title, "title"), new ActorId(row.Required(of, "of")),
                ParseDate(row, row.Optional(from), start: true), ParseDate(row, row.Optional(to), start: false));
            if (position.From > position.To)
            {
                throw row.Error($"position '{position.Title}' ends ({position.To}) before it starts ({position.From}).");
            }

            var key = row.Required(person, "person");
            if (!result.TryGetValue(key, out var list))
            {
                list = [];
                result.Add(key, list);
            }

            list.Add(position);
        }

        return result;
    }

    private static ImmutableArray<Sector> ReadSectors(string path)
    {
        var table = TsvTable.Read(path, "role", "sector", "heads");
        int role = table.Column("role"), sector = table.Column("sector"), heads = table.Column("heads");
        return [.. table.Rows.Select(r => new Sector(r.Required(role, "role"), r.Required(sector, "sector"), r.List(heads)))];
    }

    /// <summary>Parses yyyy, yyyy-mm or yyyy-mm-dd; partial dates widen to the whole period.</summary>
    internal static DateOnly? ParseDate(TsvRow row, string? text, bool start)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('-');
        if (parts.Length > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            throw row.Error($"date '{text}' is not yyyy, yyyy-mm or yyyy-mm-dd.");
        }

        try
        {
            var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : start ? 1 : 12;
            var day = parts.Length > 2
                ? int.Parse(parts[2], CultureInfo.InvariantCulture)
                : start ? 1 : DateTime.DaysInMonth(year, month);
            return new DateOnly(year, month, day);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new KnowledgeFormatException(row.FileName, row.Line, $"date '{text}' is not a calendar date: {e.Message}");
        }
    }

    private static string? CheckQid(TsvRow row, int column)
    {
        var value = row.Optional(column);
        if (value is not null && (value.Length < 2 || value[0] != 'Q' || !value.AsSpan(1).ToString().All(char.IsAsciiDigit)))
        {
            throw row.Error($"Wikidata id '{value}' is not Q followed by digits.");
        }

        return value;
    }
}
