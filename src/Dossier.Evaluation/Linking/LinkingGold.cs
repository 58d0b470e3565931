using System.Collections.Immutable;
using System.Globalization;

namespace Dossier.Evaluation.Linking;

/// <summary>One gold mention: where it is, its type, and the actor it denotes.</summary>
/// <param name="Document">Document name (the text file without ".txt").</param>
/// <param name="Start">Start offset (UTF-16 units).</param>
/// <param name="End">End offset, exclusive.</param>
/// <param name="Surface">The mention's text, checked against the document.</param>
/// <param name="Type">PER, ORG, LOC, MISC, or null for nominal mentions ("the diplomat").</param>
/// <param name="Actor">Knowledge-base id, or null for a referent the knowledge base lacks (written NIL:name).</param>
/// <param name="NilCluster">For NIL mentions, the gold cluster name.</param>
/// <param name="Cameo">Gold CAMEO code when annotated.</param>
public sealed record GoldLinkMention(string Document, int Start, int End, string Surface, string? Type, string? Actor, string? NilCluster, string? Cameo);

/// <summary>
/// Reads the linking gold (<c>data/gold/linking/gold.tsv</c>: doc, start, end, surface, type, actor,
/// cameo) and the texts it points at.
/// </summary>
public static class LinkingGold
{
    /// <summary>Reads the gold file; mentions keep file order (reading order within a document).</summary>
    public static List<GoldLinkMention> Read(string path)
    {
        var result = new List<GoldLinkMention>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 7)
            {
                throw new FormatException($"{Path.GetFileName(path)}:{lineNumber}: expected 7 tab-separated fields (doc, start, end, surface, type, actor, cameo).");
            }

            var nil = f[5].StartsWith("NIL:", StringComparison.Ordinal);
            result.Add(new GoldLinkMention(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), f[3],
                f[4] is "-" or "" ? null : f[4], nil ? null : f[5], nil ? f[5][4..] : null, f[6].Length == 0 ? null : f[6]));
        }

        return result;
    }

    /// <summary>Finds <c>{document}.txt</c> in the first directory that has it.</summary>
    public static string ReadText(string document, IEnumerable<string> directories)
    {
        foreach (var directory in directories)
        {
            var path = Path.Combine(directory, document + ".txt");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"No text '{document}.txt' in {string.Join(", ", directories)}. Pass the folder with --texts.");
    }
}
