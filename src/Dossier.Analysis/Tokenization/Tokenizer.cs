using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Text;

namespace Dossier.Analysis.Tokenization;

/// <summary>
/// Pipeline component that tokenises each paragraph (see <see cref="TokenScanner"/> for the rules).
/// Stateless and thread-safe.
/// </summary>
public sealed class Tokenizer : IPipelineComponent
{
    /// <inheritdoc />
    public string Name => "tokenizer";

    /// <inheritdoc />
    public Layers Requires => Layers.Paragraphs;

    /// <inheritdoc />
    public Layers Produces => Layers.Tokens;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = ImmutableArray.CreateBuilder<Token>(EstimateTokenCount(document.Text.Length));
        foreach (var paragraph in document.Paragraphs)
        {
            TokenScanner.Scan(document.Text, paragraph.Span.Start, paragraph.Span.End, tokens);
        }

        return document with { Tokens = tokens.DrainToImmutable() };
    }

    /// <summary>Tokenises the whole of <paramref name="text"/>, ignoring paragraph structure.</summary>
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ImmutableArray.CreateBuilder<Token>(EstimateTokenCount(text.Length));
        TokenScanner.Scan(text, 0, text.Length, tokens);
        return tokens.DrainToImmutable();
    }

    // English news averages a little under five characters a token, spaces included.
    private static int EstimateTokenCount(int characters) => (characters / 4) + 8;
}
