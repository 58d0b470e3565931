using System.Collections.Immutable;
using System.Text;
using Dossier.Text;

namespace Dossier.Analysis.Tests.Entities;

/// <summary>
/// Builds documents the way the tokeniser will, without depending on it: each line is a sentence
/// whose tokens are separated by single spaces (punctuation already split off).
/// </summary>
internal static class EntityFixture
{
    public static Document Document(params string[] sentences)
    {
        var text = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var spans = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            var first = tokens.Count;
            foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (tokens.Count > first)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(word);
                tokens.Add(new Token(new TextSpan(start, text.Length), TokenTraits.SpaceBefore));
            }

            spans.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[^1].Span.End), first, tokens.Count));
        }

        return new Document("fixture", text.ToString()) { Tokens = tokens.ToImmutable(), Sentences = spans.ToImmutable() };
    }

    /// <summary>Adds gold mentions given as (first token, end token, type) to <paramref name="document"/>.</summary>
    public static Document WithMentions(Document document, params (int First, int End, string Type)[] mentions)
    {
        var gold = new Provenance("fixture", "gold");
        return document with
        {
            Mentions = [.. mentions.Select(m => new Mention(
                new TextSpan(document.Tokens[m.First].Span.Start, document.Tokens[m.End - 1].Span.End), m.First, m.End, m.Type, gold))],
        };
    }

    public static List<(string Text, string Type)> MentionsOf(Document document) =>
        [.. document.Mentions.Select(m => (document.TextOf(m.Span), m.Type))];
}
