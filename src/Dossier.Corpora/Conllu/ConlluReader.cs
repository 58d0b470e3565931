using System.Collections.Immutable;
using System.Globalization;

namespace Dossier.Corpora.Conllu;

/// <summary>
/// Reads CoNLL-U (https://universaldependencies.org/format.html) as a stream of sentences.
/// Malformed lines raise <see cref="FormatException"/> naming the line number.
/// </summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of the file at <paramref name="path"/>.</summary>
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var sentence in Read(reader))
        {
            yield return sentence;
        }
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? sentenceId = null, text = null;
        bool newDoc = false, newPar = false;
        var words = ImmutableArray.CreateBuilder<ConlluWord>();
        var multiwords = ImmutableArray.CreateBuilder<ConlluMultiwordToken>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence(sentenceId, text, newDoc, newPar || newDoc, words.ToImmutable(), multiwords.ToImmutable());
                }

                sentenceId = text = null;
                newDoc = newPar = false;
                words.Clear();
                multiwords.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                ReadComment(line, ref sentenceId, ref text, ref newDoc, ref newPar);
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 10)
            {
                throw new FormatException($"CoNLL-U line {lineNumber}: expected 10 tab-separated columns, found {columns.Length}.");
            }

            var id = columns[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue; // empty node of the enhanced graph
            }

            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                multiwords.Add(new ConlluMultiwordToken(
                    ParseInt(id.AsSpan(0, dash), lineNumber), ParseInt(id.AsSpan(dash + 1), lineNumber), columns[1], columns[9]));
                continue;
            }

            var head = columns[6] == "_" ? -1 : ParseInt(columns[6], lineNumber);
            words.Add(new ConlluWord(
                ParseInt(id, lineNumber), columns[1], columns[2], columns[3], columns[4], columns[5], head, columns[7], columns[9]));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence(sentenceId, text, newDoc, newPar || newDoc, words.ToImmutable(), multiwords.ToImmutable());
        }
    }

    private static void ReadComment(string line, ref string? sentenceId, ref string? text, ref bool newDoc, ref bool newPar)
    {
        var body = line.AsSpan(1).TrimStart();
        if (body.StartsWith("sent_id", StringComparison.Ordinal))
        {
            sentenceId = ValueOf(body);
        }
        else if (body.StartsWith("text =", StringComparison.Ordinal) || body.StartsWith("text=", StringComparison.Ordinal))
        {
            text = ValueOf(body);
        }
        else if (body.StartsWith("newdoc", StringComparison.Ordinal))
        {
            newDoc = true;
        }
        else if (body.StartsWith("newpar", StringComparison.Ordinal))
        {
            newPar = true;
        }
    }

    private static string ValueOf(ReadOnlySpan<char> comment)
    {
        var equals = comment.IndexOf('=');
        return equals < 0 ? string.Empty : comment[(equals + 1)..].Trim().ToString();
    }

    private static int ParseInt(ReadOnlySpan<char> value, int lineNumber) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"CoNLL-U line {lineNumber}: '{value}' is not a word index.");
}
