using System.Collections.Immutable;
using Dossier.Analysis.Pipeline;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Analysis.Sentences;

/// <summary>
/// Groups tokens into sentences. Paragraph breaks always end a sentence (so a headline without a
/// period is one sentence). Inside a paragraph a sentence ends after <c>. ! ? …</c> plus any
/// closing quotes or brackets attached to it, when the next token looks like a sentence start;
/// after an abbreviation ("U.S.", "Inc.") only when the next word is one that typically opens a
/// sentence, and never after a title or initial ("Gen.", "W."). Stateless and thread-safe.
/// </summary>
public sealed class SentenceSplitter : IPipelineComponent
{
    private readonly SentenceBoundaryModel? _model;

    /// <summary>
    /// A splitter that uses the rules alone, or, given a <paramref name="model"/>, lets the learned
    /// boundary classifier decide with the rules' decision as one of its features.
    /// </summary>
    public SentenceSplitter(SentenceBoundaryModel? model = null) => _model = model;

    /// <inheritdoc />
    public string Name => "sentences";

    /// <inheritdoc />
    public Layers Requires => Layers.Paragraphs | Layers.Tokens;

    /// <inheritdoc />
    public Layers Produces => Layers.Sentences;

    /// <inheritdoc />
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens.AsSpan();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var t = 0;
        for (var p = 0; p < document.Paragraphs.Length; p++)
        {
            var paragraphEnd = document.Paragraphs[p].Span.End;
            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= paragraphEnd)
            {
                t++;
            }

            Split(document.Text, tokens, first, t, p, _model, sentences);
        }

        return document with { Sentences = sentences.DrainToImmutable() };
    }

    /// <summary>Appends the sentences of tokens <c>[first, end)</c> (one paragraph) to <paramref name="output"/>.</summary>
    internal static void Split(string text, ReadOnlySpan<Token> tokens, int first, int end, int paragraph, SentenceBoundaryModel? model, ImmutableArray<Sentence>.Builder output)
    {
        if (end <= first)
        {
            return;
        }

        var count = end - first;
        Span<bool> ruleEnds = count <= 1024 ? stackalloc bool[count] : new bool[count];
        RuleBoundaries(text, tokens, first, end, ruleEnds);
        var sentenceStart = first;
        for (var t = first; t < end - 1; t++)
        {
            var ends = model is null
                ? ruleEnds[t - first]
                : model.Score(text, tokens, t, first, end, ruleEnds[t - first], t - sentenceStart + 1) > 0;
            if (ends)
            {
                Add(tokens, sentenceStart, t + 1, paragraph, output);
                sentenceStart = t + 1;
            }
        }

        Add(tokens, sentenceStart, end, paragraph, output);
    }

    /// <summary>Marks <c>ends[t - first]</c> where the rules end a sentence after token <c>t</c> (never after the last).</summary>
    internal static void RuleBoundaries(string text, ReadOnlySpan<Token> tokens, int first, int end, Span<bool> ends)
    {
        for (var t = first; t < end; t++)
        {
            var kind = Terminal(text, tokens[t]);
            if (kind == TerminalKind.None)
            {
                continue;
            }

            // Closing quotes and brackets glued to the terminal stay with this sentence: .” ?' .)
            var next = t + 1;
            while (next < end && (tokens[next].Traits & TokenTraits.SpaceBefore) == 0 && IsCloser(text, tokens[next]))
            {
                next++;
            }

            if (next < end && StartsSentence(text, tokens[next], kind, quoted: next > t + 1))
            {
                ends[next - 1 - first] = true;
                t = next - 1;
            }
        }
    }

    private static void Add(ReadOnlySpan<Token> tokens, int first, int end, int paragraph, ImmutableArray<Sentence>.Builder output) =>
        output.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[end - 1].Span.End), first, end, paragraph));

    private enum TerminalKind
    {
        None,
        Stop,
        Ellipsis,
        Abbreviation,
    }

    private static TerminalKind Terminal(string text, Token token)
    {
        var s = text.AsSpan(token.Span.Start, token.Span.Length);
        var last = s[^1];
        if (s.Length == 1)
        {
            return last switch
            {
                '.' or '!' or '?' or '。' or '！' or '？' => TerminalKind.Stop,
                '…' => TerminalKind.Ellipsis,
                _ => TerminalKind.None,
            };
        }

        if (s[0] is '!' or '?')
        {
            return TerminalKind.Stop; // "?!", "!!!"
        }

        if (s[0] == '.' && last == '.')
        {
            return TerminalKind.Ellipsis; // "..."
        }

        return last == '.' ? TerminalKind.Abbreviation : TerminalKind.None;
    }

    private static bool IsCloser(string text, Token token)
    {
        var s = text.AsSpan(token.Span.Start, token.Span.Length);
        foreach (var c in s)
        {
            if (!CharClasses.IsCloser(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsSentence(string text, Token next, TerminalKind kind, bool quoted)
    {
        var c = text[next.Span.Start];
        return kind switch
        {
            // The tokeniser leaves the period on an abbreviation only when the sentence goes on.
            TerminalKind.Abbreviation => false,
            TerminalKind.Ellipsis => CharClasses.IsUpper(c) && !(next.Span.Length == 1 && c == 'I'),

            // After a full stop, even a lower-case word starts a sentence (web text); after a quoted
            // question or exclamation it is the attribution ("“Are you sure?” he asked").
            _ => char.IsLetterOrDigit(c) ? !(quoted && CharClasses.IsLower(c) && text[next.Span.Start - 1] is not '.')
                : CharClasses.IsOpener(c) || char.IsSymbol(c) || c is '-' or '*' or '•' or '(' || char.IsHighSurrogate(c),
        };
    }
}
