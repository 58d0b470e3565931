using System.Collections.Immutable;

namespace Dossier.Corpora.Conll2003;

/// <summary>
/// Reads the CoNLL-2003 NER format: one token per line with space-separated columns (word first,
/// entity tag last; the English files carry POS and chunk in between), blank lines between
/// sentences and <c>-DOCSTART-</c> lines between documents. Files without any <c>-DOCSTART-</c>
/// read as one document. Malformed lines raise <see cref="FormatException"/> naming the line.
/// </summary>
public static class Conll2003Reader
{
    /// <summary>Reads every document of the file at <paramref name="path"/>.</summary>
    public static List<Conll2003Document> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return [.. Read(reader)];
    }

    /// <summary>Reads every document from <paramref name="reader"/>.</summary>
    public static IEnumerable<Conll2003Document> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = ImmutableArray.CreateBuilder<Conll2003Sentence>();
        var tokens = ImmutableArray.CreateBuilder<Conll2003Token>();
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }

            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-")
            {
                EndSentence();
                if (sentences.Count > 0)
                {
                    yield return new Conll2003Document(sentences.ToImmutable());
                    sentences.Clear();
                }

                continue;
            }

            if (columns.Length < 2)
            {
                throw new FormatException($"CoNLL-2003 line {lineNumber}: expected a word and a tag, found '{line}'.");
            }

            var tag = columns[^1];
            if (tag != "O" && (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')))
            {
                throw new FormatException($"CoNLL-2003 line {lineNumber}: '{tag}' is not an IOB entity tag.");
            }

            tokens.Add(new Conll2003Token(
                columns[0],
                columns.Length >= 3 ? columns[1] : "_",
                columns.Length >= 4 ? columns[2] : "_",
                tag));
        }

        EndSentence();
        if (sentences.Count > 0)
        {
            yield return new Conll2003Document(sentences.ToImmutable());
        }

        void EndSentence()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new Conll2003Sentence(tokens.ToImmutable()));
                tokens.Clear();
            }
        }
    }
}
