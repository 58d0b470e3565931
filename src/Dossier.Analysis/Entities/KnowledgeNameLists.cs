namespace Dossier.Analysis.Entities;

/// <summary>
/// Reads name lists for the entity tagger's gazetteer out of the knowledge base's TSV files
/// (<c>data/knowledge/countries.tsv</c> and <c>actors.tsv</c>): country names and aliases,
/// demonyms, capitals, seats of government, and each actor type's names and aliases. Only the
/// columns named in each file's header are read, so new columns do not break this. People
/// (<c>persons.tsv</c>) are left out on purpose: a handful of present-day office holders says little
/// about how names look, and would make the tagger's person scores depend on who is listed.
/// </summary>
internal static class KnowledgeNameLists
{
    public static List<(string Phrase, string List)> Read(string directory)
    {
        var entries = new List<(string, string)>();
        var countries = Path.Combine(directory, "countries.tsv");
        if (File.Exists(countries))
        {
            foreach (var row in Rows(countries))
            {
                Add(entries, "kb-country", row, "name", "aliases");
                Add(entries, "kb-demonym", row, "demonyms");
                Add(entries, "kb-capital", row, "capital");
                Add(entries, "kb-seat", row, "seats");
            }
        }

        var actors = Path.Combine(directory, "actors.tsv");
        if (File.Exists(actors))
        {
            foreach (var row in Rows(actors))
            {
                var type = row.GetValueOrDefault("type", "actor").Replace(' ', '-');
                Add(entries, "kb-" + type, row, "name", "aliases");
            }
        }

        return entries;
    }

    private static void Add(List<(string, string)> entries, string list, Dictionary<string, string> row, params string[] columns)
    {
        foreach (var column in columns)
        {
            if (!row.TryGetValue(column, out var value))
            {
                continue;
            }

            foreach (var item in value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                entries.Add((Tokenize(item), list));
            }
        }
    }

    /// <summary>Separates punctuation the way CoNLL-2003 tokens are ("Cote d'Ivoire" stays, "People's" → "People 's").</summary>
    private static string Tokenize(string phrase)
    {
        var tokens = new List<string>();
        WordClusterer.Tokenize(phrase, tokens);
        return string.Join(' ', tokens);
    }

    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        string[]? header = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (header is null)
            {
                header = fields;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                row[header[i]] = fields[i];
            }

            yield return row;
        }
    }
}
