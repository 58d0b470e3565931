using System.Collections.Immutable;
using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>
/// The BILOU label set over a list of entity types: label 0 is O (outside); type <c>t</c> owns
/// labels <c>1 + 4t</c> … <c>4 + 4t</c> for Begin, Inside, Last and Unit. Ratinov &amp; Roth (2009)
/// found BILOU better than BIO for NER because the model learns how names end, not only how they
/// start. The valid transitions are fixed here, so the decoder never produces a broken span.
/// Immutable and thread-safe.
/// </summary>
internal sealed class EntityLabels
{
    public const int Outside = 0;
    public const int Begin = 0, Inside = 1, Last = 2, Unit = 3;

    public EntityLabels(ImmutableArray<string> types)
    {
        Types = types;
        Count = 1 + (4 * types.Length);
        Allowed = new bool[Count * Count];
        AllowedStart = new bool[Count];
        AllowedEnd = new bool[Count];
        for (var label = 0; label < Count; label++)
        {
            AllowedStart[label] = label == Outside || KindOf(label) is Begin or Unit;
            AllowedEnd[label] = label == Outside || KindOf(label) is Last or Unit;
        }

        for (var previous = 0; previous < Count; previous++)
        {
            for (var current = 0; current < Count; current++)
            {
                Allowed[(previous * Count) + current] = AllowedEnd[previous]
                    ? AllowedStart[current]
                    : current != Outside && TypeOf(current) == TypeOf(previous) && KindOf(current) is Inside or Last;
            }
        }
    }

    /// <summary>Entity types in label order.</summary>
    public ImmutableArray<string> Types { get; }

    /// <summary>Number of labels (1 + 4 × types).</summary>
    public int Count { get; }

    /// <summary><c>Allowed[previous * Count + current]</c>: whether the transition keeps spans well formed.</summary>
    public bool[] Allowed { get; }

    public bool[] AllowedStart { get; }

    public bool[] AllowedEnd { get; }

    public static int KindOf(int label) => (label - 1) & 3;

    public static int TypeOf(int label) => (label - 1) >> 2;

    public static int LabelOf(int type, int kind) => 1 + (type * 4) + kind;

    public string NameOf(int label) => label == Outside ? "O" : "BILU"[KindOf(label)] + "-" + Types[TypeOf(label)];

    public int TypeIndex(string type)
    {
        for (var i = 0; i < Types.Length; i++)
        {
            if (string.Equals(Types[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes the BILOU labels of <paramref name="mentions"/> into <paramref name="labels"/> (indexed by token); unknown types stay O.</summary>
    public void Encode(ReadOnlySpan<Mention> mentions, Span<int> labels)
    {
        labels.Clear();
        foreach (var mention in mentions)
        {
            var type = TypeIndex(mention.Type);
            if (type < 0)
            {
                continue;
            }

            if (mention.EndToken - mention.FirstToken == 1)
            {
                labels[mention.FirstToken] = LabelOf(type, Unit);
                continue;
            }

            labels[mention.FirstToken] = LabelOf(type, Begin);
            for (var i = mention.FirstToken + 1; i < mention.EndToken - 1; i++)
            {
                labels[i] = LabelOf(type, Inside);
            }

            labels[mention.EndToken - 1] = LabelOf(type, Last);
        }
    }

    /// <summary>Reads mentions back from well-formed labels (as the decoder produces) over the tokens of <paramref name="tokens"/>.</summary>
    public ImmutableArray<Mention> Decode(ReadOnlySpan<int> labels, ReadOnlySpan<Token> tokens, Provenance source)
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        var start = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == Outside)
            {
                start = -1;
                continue;
            }

            var kind = KindOf(label);
            if (kind is Begin or Unit)
            {
                start = i;
            }

            if (kind is Last or Unit && start >= 0)
            {
                mentions.Add(new Mention(new TextSpan(tokens[start].Span.Start, tokens[i].Span.End), start, i + 1, Types[TypeOf(label)], source));
                start = -1;
            }
        }

        return mentions.ToImmutable();
    }
}
