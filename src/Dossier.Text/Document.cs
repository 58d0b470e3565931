using System.Collections.Immutable;
using Dossier.Text.Attribution;
using Dossier.Text.Claims;
using Dossier.Text.Events;
using Dossier.Text.Knowledge;
using Dossier.Text.Quantities;

namespace Dossier.Text;

/// <summary>
/// One article: its text, owned once and never rewritten, plus annotation layers that point into
/// it by character offset. Layers are added by pipeline components with <c>with</c> expressions, so
/// a document is immutable and safe to share between threads; adding a layer never changes another.
/// </summary>
/// <remarks>
/// All spans are half-open ranges of UTF-16 code units into <see cref="Text"/>. Token-parallel
/// layers (<see cref="Tags"/>, <see cref="Dependencies"/>) are either empty or exactly as long as
/// <see cref="Tokens"/>.
/// </remarks>
public sealed record Document
{
    /// <summary>Creates a document over <paramref name="text"/> with no annotation yet.</summary>
    public Document(string id, string text, DocumentMetadata? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Metadata = metadata ?? DocumentMetadata.Empty;
    }

    /// <summary>A stable identifier (file name, URL or content hash).</summary>
    public string Id { get; }

    /// <summary>The article's text exactly as read (after decoding); every span indexes into it.</summary>
    public string Text { get; }

    /// <summary>Title, outlet, publication date and other facts about the article.</summary>
    public DocumentMetadata Metadata { get; init; }

    /// <summary>Paragraphs in text order.</summary>
    public ImmutableArray<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>Tokens in text order; they never overlap.</summary>
    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>Sentences in text order; together they cover every token exactly once.</summary>
    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>Part-of-speech tags and lemmas, parallel to <see cref="Tokens"/> (or empty).</summary>
    public ImmutableArray<TokenTags> Tags { get; init; } = [];

    /// <summary>Dependency arcs, parallel to <see cref="Tokens"/> (or empty).</summary>
    public ImmutableArray<Dependency> Dependencies { get; init; } = [];

    /// <summary>Named-entity mentions in text order; they never overlap.</summary>
    public ImmutableArray<Mention> Mentions { get; init; } = [];

    /// <summary>Links of mentions to canonical actors, in text order (one per linked or clustered mention).</summary>
    public ImmutableArray<EntityLink> Links { get; init; } = [];

    /// <summary>Place mentions resolved to coordinates, in text order.</summary>
    public ImmutableArray<PlaceReference> Places { get; init; } = [];

    /// <summary>Attributed statements (direct, indirect and mixed quotes) in text order of their content.</summary>
    public ImmutableArray<Quote> Quotes { get; init; } = [];

    /// <summary>Roles and affiliations given to people ("Zamir Kabulov, the head of …"), in text order of the role.</summary>
    public ImmutableArray<Role> Roles { get; init; } = [];

    /// <summary>Numbers with their qualifier semantics, in text order; they never overlap.</summary>
    public ImmutableArray<Quantity> Quantities { get; init; } = [];

    /// <summary>Dates and periods resolved against the publication date, in text order; they never overlap.</summary>
    public ImmutableArray<TimeExpression> TimeExpressions { get; init; } = [];

    /// <summary>Numeric claims: quantities bound to measure, subject, place, time and claimant.</summary>
    public ImmutableArray<Claim> Claims { get; init; } = [];

    /// <summary>Political events coded in CAMEO, in text order of their triggers.</summary>
    public ImmutableArray<PoliticalEvent> Events { get; init; } = [];

    /// <summary>The layers this document carries.</summary>
    public Layers Layers =>
        (Paragraphs.IsDefaultOrEmpty ? Layers.None : Layers.Paragraphs)
        | (Tokens.IsDefaultOrEmpty ? Layers.None : Layers.Tokens)
        | (Sentences.IsDefaultOrEmpty ? Layers.None : Layers.Sentences)
        | (Tags.IsDefaultOrEmpty ? Layers.None : Layers.Tags)
        | (Dependencies.IsDefaultOrEmpty ? Layers.None : Layers.Dependencies)
        | (Mentions.IsDefaultOrEmpty ? Layers.None : Layers.Mentions)
        | (Quotes.IsDefaultOrEmpty ? Layers.None : Layers.Quotes)
        | (Quantities.IsDefaultOrEmpty ? Layers.None : Layers.Quantities)
        | (TimeExpressions.IsDefaultOrEmpty ? Layers.None : Layers.TimeExpressions)
        | (Claims.IsDefaultOrEmpty ? Layers.None : Layers.Claims)
        | (Links.IsDefaultOrEmpty ? Layers.None : Layers.Links)
        | (Places.IsDefaultOrEmpty ? Layers.None : Layers.Places)
        | (Events.IsDefaultOrEmpty ? Layers.None : Layers.Events)
        | (Roles.IsDefaultOrEmpty ? Layers.None : Layers.Roles);

    /// <summary>The characters of <paramref name="span"/> as a new string (allocates; prefer <see cref="SliceOf"/>).</summary>
    public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The characters of <paramref name="span"/> without copying.</summary>
    public ReadOnlySpan<char> SliceOf(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    /// <summary>
    /// Index of the token that contains <paramref name="offset"/>, or of the first token after it when
    /// it falls between tokens (<see cref="Tokens"/>.Length when past the last one). Binary search.
    /// </summary>
    public int TokenAt(int offset)
    {
        var tokens = Tokens;
        int low = 0, high = tokens.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (tokens[mid].Span.End <= offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The characters of token <paramref name="index"/> without copying.</summary>
    public ReadOnlySpan<char> TokenText(int index) => SliceOf(Tokens[index].Span);
}
