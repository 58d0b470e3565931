using System.Collections.Immutable;

namespace Dossier.Knowledge.Files;

/// <summary>
/// Reads the knowledge TSV format: UTF-8, lines starting with '#' are comments, the first other
/// line is a header naming the columns, then one record per line with exactly as many
/// tab-separated fields. List-valued fields use '|' between items.
/// </summary>
internal sealed class TsvTable
{
    private readonly Dictionary<string, int> _columns;

    private TsvTable(string fileName, Dictionary<string, int> columns, List<TsvRow> rows)
    {
        FileName = fileName;
        _columns = columns;
        Rows = rows;
    }

    public string FileName { get; }

    public IReadOnlyList<TsvRow> Rows { get; }

    public static TsvTable Read(string path, params string[] requiredColumns)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(Path.GetFileName(path), reader, requiredColumns);
    }

    public static TsvTable Read(string fileName, TextReader reader, params string[] requiredColumns)
    {
        Dictionary<string, int>? columns = null;
        var rows = new List<TsvRow>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (!columns.TryAdd(fields[i], i))
                    {
                        throw new KnowledgeFormatException(fileName, lineNumber, $"header names column '{fields[i]}' twice.");
                    }
                }

                foreach (var required in requiredColumns)
                {
                    if (!columns.ContainsKey(required))
                    {
                        throw new KnowledgeFormatException(fileName, lineNumber,
                            $"header lacks column '{required}'; expected columns: {string.Join(", ", requiredColumns)}.");
                    }
                }

                continue;
            }

            if (fields.Length != columns.Count)
            {
                throw new KnowledgeFormatException(fileName, lineNumber,
                    $"has {fields.Length} tab-separated fields; the header has {columns.Count}. Check for a missing or extra tab.");
            }

            rows.Add(new TsvRow(fileName, lineNumber, fields));
        }

        if (columns is null)
        {
            throw new KnowledgeFormatException(fileName, lineNumber, "has no header line.");
        }

        return new TsvTable(fileName, columns, rows);
    }

    public int Column(string name) => _columns[name];

    public bool HasColumn(string name) => _columns.ContainsKey(name);
}

/// <summary>One record of a <see cref="TsvTable"/>, remembering where it came from for error messages.</summary>
internal readonly record struct TsvRow(string FileName, int Line, string[] Fields)
{
    public string Get(int column) => Fields[column].Trim();

    public string Required(int column, string name)
    {
        var value = Get(column);
        return value.Length == 0 ? throw Error($"column '{name}' is empty; it is required.") : value;
    }

    public string? Optional(int column)
    {
        var value = Get(column);
        return value.Length == 0 ? null : value;
    }

    public ImmutableArray<string> List(int column)
    {
        var value = Get(column);
        if (value.Length == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.Split('|'))
        {
            var trimmed = item.Trim();
            if (trimmed.Length == 0)
            {
                throw Error($"has an empty item in the list '{value}' (two '|' in a row or a trailing '|').");
            }

            builder.Add(trimmed);
        }

        return builder.ToImmutable();
    }

    public KnowledgeFormatException Error(string message) => new(FileName, Line, message);
}
