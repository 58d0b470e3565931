using System.Collections.Immutable;
using Dossier.Analysis.Syntax;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Syntax;

/// <summary>Builds documents from pre-tokenised text (tokens separated by single spaces), so syntax tests need no tokeniser.</summary>
internal static class SentenceFixture
{
    private static readonly Lazy<PosTagger> SharedTagger = new(() => new PosTagger());
    private static readonly Lazy<DependencyParser> SharedParser = new(() => new DependencyParser());

    /// <summary>One sentence whose tokens are the space-separated pieces of <paramref name="spaced"/>.</summary>
    public static Document Tokenized(string spaced)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var start = 0;
        foreach (var piece in spaced.Split(' '))
        {
            tokens.Add(new Token(new TextSpan(start, start + piece.Length), TokenTraits.SpaceBefore));
            start += piece.Length + 1;
        }

        return new Document("fixture", spaced)
        {
            Tokens = tokens.ToImmutable(),
            Sentences = [new Sentence(new TextSpan(0, spaced.Length), 0, tokens.Count)],
        };
    }

    /// <summary>A sentence with a hand-written tree: 1-based heads (0 = root) and relations, plus optional XPOS tags.</summary>
    public static Document WithTree(string spaced, int[] heads, string[] relations, string[]? xpos = null)
    {
        var document = Tokenized(spaced);
        Assert.Equal(document.Tokens.Length, heads.Length);
        return document with
        {
            Dependencies = [.. heads.Select((h, i) => new Dependency(h - 1, relations[i]))],
            Tags = [.. heads.Select((_, i) => new TokenTags("X", xpos?[i] ?? "X", document.TokenText(i).ToString(), "_"))],
        };
    }

    /// <summary>Tags and parses <paramref name="spaced"/> with the committed models.</summary>
    public static Document Parsed(string spaced)
    {
        var document = Tokenized(spaced);
        document = SharedTagger.Value.Process(document, CancellationToken.None);
        return SharedParser.Value.Process(document, CancellationToken.None);
    }

    /// <summary>The index of the first token whose text is <paramref name="word"/>.</summary>
    public static int IndexOf(Document document, string word)
    {
        for (var i = 0; i < document.Tokens.Length; i++)
        {
            if (document.TokenText(i).SequenceEqual(word))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{word}' is not a token.", nameof(word));
    }

    /// <summary>Token texts of <paramref name="indices"/>.</summary>
    public static string[] Words(Document document, IEnumerable<int> indices) => [.. indices.Select(i => document.TokenText(i).ToString())];

    /// <summary>A readable dump of the parse for assertion messages.</summary>
    public static string Describe(Document document) => string.Join(
        "  ",
        Enumerable.Range(0, document.Tokens.Length).Select(i =>
        {
            var d = document.Dependencies[i];
            var head = d.Head < 0 ? "ROOT" : document.TokenText(d.Head).ToString();
            return $"{document.TokenText(i)}/{document.Tags[i].Xpos} <-{d.Relation}- {head}";
        }));
}
