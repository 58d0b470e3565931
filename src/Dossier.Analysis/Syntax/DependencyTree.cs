using System.Collections.Immutable;
using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// Questions later stages ask of a parsed sentence — who is the subject of this verb, what is its
/// object, is it negated — answered over <see cref="Document.Dependencies"/> with UD v2 relations.
/// All token indices are document-wide. Every method needs the Dependencies layer (and the
/// negation and modality ones the Tags layer); results are in text order.
/// </summary>
public static class DependencyTree
{
    private static readonly string[] SubjectRelations = ["nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass", "expl"];
    private static readonly string[] ObjectRelations = ["obj", "iobj"];
    private static readonly string[] ComplementRelations = ["ccomp", "xcomp"];

    /// <summary>The head of <paramref name="token"/>, or -1 for a sentence root.</summary>
    public static int HeadOf(Document document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Dependencies[token].Head;
    }

    /// <summary>The dependents of <paramref name="head"/>, optionally only those with one of <paramref name="relations"/>.</summary>
    public static ImmutableArray<int> Children(Document document, int head, params ReadOnlySpan<string> relations)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (first, end) = SentenceRange(document, head);
        var children = ImmutableArray.CreateBuilder<int>();
        for (var i = first; i < end; i++)
        {
            var dependency = document.Dependencies[i];
            if (dependency.Head == head && (relations.IsEmpty || Contains(relations, dependency.Relation)))
            {
                children.Add(i);
            }
        }

        return children.ToImmutable();
    }

    /// <summary>
    /// Subjects of <paramref name="verb"/>. A verb coordinated with an earlier one shares its subject
    /// when it has none of its own ("The US accused Islamabad … and threatened it": US is the
    /// subject of both), because UD attaches the shared subject to the first conjunct only.
    /// </summary>
    public static ImmutableArray<int> Subjects(Document document, int verb)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (var current = verb; current >= 0;)
        {
            var subjects = Children(document, current, SubjectRelations);
            if (!subjects.IsEmpty)
            {
                return subjects;
            }

            if (!string.Equals(document.Dependencies[current].Relation, "conj", StringComparison.Ordinal))
            {
                break;
            }

            current = document.Dependencies[current].Head;
        }

        return [];
    }

    /// <summary>
    /// The agents of a passive <paramref name="verb"/> ("Islamabad was accused <b>by the US</b>"):
    /// obl:agent dependents, the noun heading each by-phrase. Shared through conj like subjects are not.
    /// </summary>
    public static ImmutableArray<int> Agents(Document document, int verb) => Children(document, verb, "obl:agent");

    /// <summary>True when <paramref name="verb"/> is passive: it has a passive subject or a passive auxiliary.</summary>
    public static bool IsPassive(Document document, int verb) =>
        !Children(document, verb, "nsubj:pass", "csubj:pass", "aux:pass").IsEmpty;

    /// <summary>Direct and indirect objects of <paramref name="verb"/> (obj, iobj).</summary>
    public static ImmutableArray<int> Objects(Document document, int verb) => Children(document, verb, ObjectRelations);

    /// <summary>Clausal complements of <paramref name="verb"/> (ccomp, xcomp): the heads of the reported or controlled clauses.</summary>
    public static ImmutableArray<int> ClausalComplements(Document document, int verb) => Children(document, verb, ComplementRelations);

    /// <summary>
    /// Every conjunct of the coordination <paramref name="token"/> belongs to, including itself, in
    /// text order; just <paramref name="token"/> when it is not coordinated. In UD the first
    /// conjunct heads the others with relation conj.
    /// </summary>
    public static ImmutableArray<int> Conjuncts(Document document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        var first = token;
        while (string.Equals(document.Dependencies[first].Relation, "conj", StringComparison.Ordinal) && document.Dependencies[first].Head >= 0)
        {
            first = document.Dependencies[first].Head;
        }

        return [first, .. Children(document, first, "conj")];
    }

    /// <summary>
    /// Tokens in apposition with <paramref name="token"/>: its appos dependents, or, when it is
    /// itself an apposition, the noun it renames ("Zamir Kabulov, the head of …").
    /// </summary>
    public static ImmutableArray<int> Appositions(Document document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        var dependency = document.Dependencies[token];
        if (string.Equals(dependency.Relation, "appos", StringComparison.Ordinal) && dependency.Head >= 0)
        {
            return [dependency.Head];
        }

        return Children(document, token, "appos");
    }

    /// <summary>
    /// True when <paramref name="predicate"/> has a negating dependent: "not", "n't", "never", "no"
    /// or any word the tagger marks Polarity=Neg.
    /// </summary>
    public static bool IsNegated(Document document, int predicate)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var child in Children(document, predicate, "advmod", "det", "aux", "cc:preconj"))
        {
            var tags = document.Tags.IsDefaultOrEmpty ? default : document.Tags[child];
            if (IsNegation(document.TokenText(child)) || (tags.Features?.Contains("Polarity=Neg", StringComparison.Ordinal) ?? false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Modal auxiliaries of <paramref name="verb"/> ("could", "would", "must"): aux dependents
    /// tagged MD. Empty when the statement is not modalised.
    /// </summary>
    public static ImmutableArray<int> Modals(Document document, int verb)
    {
        ArgumentNullException.ThrowIfNull(document);
        var modals = ImmutableArray.CreateBuilder<int>();
        foreach (var child in Children(document, verb, "aux"))
        {
            if (string.Equals(document.Tags[child].Xpos, "MD", StringComparison.Ordinal))
            {
                modals.Add(child);
            }
        }

        return modals.ToImmutable();
    }

    /// <summary>
    /// The half-open token range <c>[First, End)</c> covered by <paramref name="token"/> and all its
    /// descendants (contiguous for the projective trees the parser produces).
    /// </summary>
    public static (int First, int End) Subtree(Document document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (sentenceFirst, sentenceEnd) = SentenceRange(document, token);
        int first = token, last = token;
        for (var i = sentenceFirst; i < sentenceEnd; i++)
        {
            if (i < first || i > last)
            {
                for (var ancestor = document.Dependencies[i].Head; ancestor >= 0; ancestor = document.Dependencies[ancestor].Head)
                {
                    if (ancestor == token)
                    {
                        first = Math.Min(first, i);
                        last = Math.Max(last, i);
                        break;
                    }
                }
            }
        }

        return (first, last + 1);
    }

    private static bool IsNegation(ReadOnlySpan<char> word) =>
        word.Equals("not", StringComparison.OrdinalIgnoreCase)
        || word.Equals("n't", StringComparison.OrdinalIgnoreCase)
        || word.Equals("n\u2019t", StringComparison.OrdinalIgnoreCase)
        || word.Equals("never", StringComparison.OrdinalIgnoreCase)
        || word.Equals("no", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(ReadOnlySpan<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The token range of the sentence holding <paramref name="token"/> (the whole document when there are no sentences).</summary>
    private static (int First, int End) SentenceRange(Document document, int token)
    {
        var sentences = document.Sentences;
        int low = 0, high = sentences.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (token < sentences[middle].FirstToken)
            {
                high = middle - 1;
            }
            else if (token >= sentences[middle].EndToken)
            {
                low = middle + 1;
            }
            else
            {
                return (sentences[middle].FirstToken, sentences[middle].EndToken);
            }
        }

        return (0, document.Tokens.Length);
    }
}
