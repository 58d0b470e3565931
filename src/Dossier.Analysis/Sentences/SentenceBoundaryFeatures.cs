using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Sentences;

/// <summary>
/// Features of the gap after one token, for the learned sentence-boundary classifier. Each feature
/// is a 64-bit hash of (template, values) computed straight from the text, with no strings built,
/// so scoring costs a few hashes per token.
/// </summary>
internal static class SentenceBoundaryFeatures
{
    /// <summary>How many features <see cref="Extract"/> writes.</summary>
    public const int Count = 16;

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>
    /// Writes the features of the gap after token <paramref name="index"/> of the paragraph holding
    /// tokens <c>[first, end)</c>; <paramref name="ruleSays"/> is the rule-based splitter's decision
    /// there and <paramref name="sinceBoundary"/> the number of tokens since the last boundary.
    /// </summary>
    public static void Extract(string text, ReadOnlySpan<Token> tokens, int index, int first, int end, bool ruleSays, int sinceBoundary, Span<ulong> features)
    {
        var current = tokens[index];
        var next = tokens[index + 1];
        var lower0 = Lower(text, current);
        var lower1 = Lower(text, next);
        var shape0 = Shape(text, current);
        var shape1 = Shape(text, next);
        var shapePrevious = index > first ? Shape(text, tokens[index - 1]) : 1;
        var lowerPrevious = index > first ? Lower(text, tokens[index - 1]) : 1;
        var shapeAfter = index + 2 < end ? Shape(text, tokens[index + 2]) : 1;
        var rule = ruleSays ? 2UL : 3UL;
        var glued = (next.Traits & TokenTraits.SpaceBefore) == 0 ? 5UL : 7UL;
        var distance = (ulong)(sinceBoundary switch { <= 1 => 1, <= 3 => 2, <= 7 => 3, <= 15 => 4, <= 30 => 5, _ => 6 });

        features[0] = Mix(1, 0);
        features[1] = Mix(2, lower0);
        features[2] = Mix(3, lower1);
        features[3] = Mix(4, shape0);
        features[4] = Mix(5, shape1);
        features[5] = Mix(6, shapePrevious);
        features[6] = Mix(7, shapeAfter);
        features[7] = Mix(Mix(8, shape0), shape1);
        features[8] = Mix(Mix(9, lower0), shape1);
        features[9] = Mix(Mix(10, shape0), lower1);
        features[10] = Mix(11, rule);
        features[11] = Mix(Mix(12, rule), shape1);
        features[12] = Mix(Mix(13, lowerPrevious), lower0);
        features[13] = Mix(Mix(14, distance), shape1);
        features[14] = Mix(Mix(15, glued), shape0);
        features[15] = Mix(Mix(Mix(16, shapePrevious), shape0), shape1);
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * Prime + (value >> 29);

    /// <summary>Hash of the token's lower-cased characters.</summary>
    private static ulong Lower(string text, Token token)
    {
        var hash = Offset;
        foreach (var c in text.AsSpan(token.Span.Start, token.Span.Length))
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return hash;
    }

    /// <summary>
    /// Hash of the token's shape: X for upper-case, x for lower-case, d for digits, the character itself
    /// for anything else, with repeats collapsed and at most five symbols ("Xx", "d/d/d", "x@x.x").
    /// </summary>
    private static ulong Shape(string text, Token token)
    {
        var hash = Offset;
        var previous = '\0';
        var symbols = 0;
        foreach (var c in text.AsSpan(token.Span.Start, token.Span.Length))
        {
            var symbol = char.IsUpper(c) ? 'X' : char.IsLower(c) || CharClasses.IsWordChar(c) && !char.IsDigit(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (symbol == previous)
            {
                continue;
            }

            previous = symbol;
            hash = (hash ^ symbol) * Prime;
            if (++symbols == 5)
            {
                break;
            }
        }

        return hash;
    }
}
