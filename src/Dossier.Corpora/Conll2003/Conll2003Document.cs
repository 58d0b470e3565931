using System.Collections.Immutable;
using System.Text;
using Dossier.Text;

namespace Dossier.Corpora.Conll2003;

/// <summary>One token line of a CoNLL-2003 file: the word, its POS and chunk columns and its entity tag.</summary>
/// <param name="Word">The token as written.</param>
/// <param name="Pos">Penn Treebank tag (column 2), or "_" when the file has no such column.</param>
/// <param name="Chunk">Chunk tag (column 3), or "_" when absent.</param>
/// <param name="Tag">Entity tag (last column) in IOB1 or IOB2: <c>O</c>, <c>I-PER</c>, <c>B-LOC</c>…</param>
public sealed record Conll2003Token(string Word, string Pos, string Chunk, string Tag);

/// <summary>A sentence: its tokens in order (never empty).</summary>
/// <param name="Tokens">The tokens.</param>
public sealed record Conll2003Sentence(ImmutableArray<Conll2003Token> Tokens);

/// <summary>
/// A document between two <c>-DOCSTART-</c> lines. Entity tags are kept as read; <see cref="ToDocument"/>
/// turns them into <see cref="Mention"/>s with the conlleval chunk rules of <see cref="IobChunks"/>.
/// </summary>
/// <param name="Sentences">The sentences in order.</param>
public sealed record Conll2003Document(ImmutableArray<Conll2003Sentence> Sentences)
{
    /// <summary>Number of tokens over all sentences.</summary>
    public int TokenCount
    {
        get
        {
            var count = 0;
            foreach (var sentence in Sentences)
            {
                count += sentence.Tokens.Length;
            }

            return count;
        }
    }

    /// <summary>
    /// Builds a <see cref="Document"/> whose text is the words joined by single spaces, one sentence per
    /// line, with tokens, sentences and the gold entity mentions (provenance <c>conll2003/gold</c>).
    /// </summary>
    /// <param name="id">The document identifier to use.</param>
    public Document ToDocument(string id)
    {
        var text = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<Token>(TokenCount);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(Sentences.Length);
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        var gold = new Provenance("conll2003", "gold");
        var tags = new List<string>();
        foreach (var sentence in Sentences)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var first = tokens.Count;
            tags.Clear();
            foreach (var token in sentence.Tokens)
            {
                if (tokens.Count > first)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(token.Word);
                tokens.Add(new Token(new TextSpan(start, text.Length), TokenTraits.SpaceBefore));
                tags.Add(token.Tag);
            }

            sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[^1].Span.End), first, tokens.Count));
            foreach (var chunk in IobChunks.FromTags(tags))
            {
                var span = new TextSpan(tokens[first + chunk.Start].Span.Start, tokens[first + chunk.End - 1].Span.End);
                mentions.Add(new Mention(span, first + chunk.Start, first + chunk.End, chunk.Type, gold));
            }
        }

        return new Document(id, text.ToString())
        {
            Tokens = tokens.MoveToImmutable(),
            Sentences = sentences.MoveToImmutable(),
            Mentions = mentions.ToImmutable(),
        };
    }
}
