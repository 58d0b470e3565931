using System.Collections.Immutable;
using System.Globalization;
using Dossier.Text;

namespace Dossier.Corpora.PolNear;

/// <summary>
/// Reads a PolNeAR split (Newell, Margolin &amp; Ruths, LREC 2018): <c>SPLIT/text/NAME.txt</c> and BRAT
/// standoff files <c>SPLIT/attributions/NAME_ANNOTATOR.ann</c>. Where several annotators covered an
/// article, the file that sorts first is used. Only <c>T</c> and <c>E</c> lines are read, since span
/// texts may contain line breaks.
/// </summary>
public static class PolNearReader
{
    /// <summary>Reads every article of the split folder <paramref name="directory"/> (e.g. <c>polnear/dev</c>).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder lacks <c>text/</c> or <c>attributions/</c>.</exception>
    public static IEnumerable<PolNearArticle> ReadSplit(string directory)
    {
        var textFolder = Path.Combine(directory, "text");
        var annotationFolder = Path.Combine(directory, "attributions");
        if (!Directory.Exists(textFolder) || !Directory.Exists(annotationFolder))
        {
            throw new DirectoryNotFoundException($"{directory} is not a PolNeAR split: it needs text/ and attributions/ folders.");
        }

        var annotations = Directory.GetFiles(annotationFolder, "*.ann").Order(StringComparer.Ordinal)
            .GroupBy(path => ArticleName(Path.GetFileNameWithoutExtension(path)), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        foreach (var textPath in Directory.GetFiles(textFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            if (annotations.TryGetValue(name, out var annotationPath))
            {
                yield return new PolNearArticle(name, File.ReadAllText(textPath), ReadAnnotations(annotationPath));
            }
        }
    }

    // "article-name_ef2d" → "article-name": the annotator id follows the last underscore.
    private static string ArticleName(string annotationName) => annotationName[..annotationName.LastIndexOf('_')];

    /// <summary>Reads the attributions of one <c>.ann</c> file.</summary>
    internal static ImmutableArray<GoldAttribution> ReadAnnotations(string path)
    {
        var spans = new Dictionary<string, ImmutableArray<TextSpan>>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length < 3 || (line[0] != 'T' && line[0] != 'E') || !char.IsDigit(line[1]))
            {
                continue; // continuation of a multi-line span text, or a note
            }

            var columns = line.Split('\t');
            if (columns.Length < 2)
            {
                continue;
            }

            if (line[0] == 'T')
            {
                var typeAndOffsets = columns[1];
                var space = typeAndOffsets.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    spans[columns[0]] = ParseOffsets(typeAndOffsets[(space + 1)..], path);
                }
            }
            else
            {
                events.Add(columns[1]);
            }
        }

        var result = ImmutableArray.CreateBuilder<GoldAttribution>();
        foreach (var relation in events)
        {
            ImmutableArray<TextSpan> content = [], cue = [], source = [];
            foreach (var argument in relation.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = argument.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(argument[(colon + 1)..], out var value))
                {
                    continue;
                }

                var role = argument[..colon];
                if (role.StartsWith("Content", StringComparison.Ordinal))
                {
                    content = content.AddRange(value);
                }
                else if (role == "Cue")
                {
                    cue = value;
                }
                else if (role == "Source")
                {
                    source = value;
                }
            }

            if (!content.IsEmpty)
            {
                result.Add(new GoldAttribution(content, cue, source));
            }
        }

        return result.ToImmutable();
    }

    // "315 448;463 553" → [315, 448), [463, 553)
    private static ImmutableArray<TextSpan> ParseOffsets(string offsets, string path)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var part in offsets.Split(';'))
        {
            var pair = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pair.Length != 2
                || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end < start)
            {
                throw new FormatException($"{path}: '{offsets}' is not a list of 'start end' offsets.");
            }

            result.Add(new TextSpan(start, end));
        }

        return result.ToImmutable();
    }
}
