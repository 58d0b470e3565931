using System.Text;
using Dossier.Corpora.Conllu;
using Dossier.Text;

namespace Dossier.Evaluation.Tokenization;

/// <summary>
/// Raw text rebuilt from a CoNLL-U file's <c># text</c> lines, with the gold surface tokens,
/// syntactic words and sentences as character spans into it. Sentences of one paragraph are
/// joined by a space; paragraphs (<c># newpar</c>, <c># newdoc</c>) by a blank line — the layout
/// of the CoNLL 2018 shared task's raw-text input.
/// </summary>
/// <param name="Text">The rebuilt raw text.</param>
/// <param name="Tokens">Gold surface tokens (a multi-word token such as "don't" is one).</param>
/// <param name="Words">Gold syntactic words whose spans can be placed ("do", "n't").</param>
/// <param name="Sentences">Gold sentences.</param>
/// <param name="UnplacedWords">Words inside multi-word tokens whose forms do not spell the surface form, left out of <see cref="Words"/>.</param>
/// <param name="UnalignedTokens">Tokens whose form was not found in the sentence text (left out).</param>
public sealed record SegmentationGold(
    string Text,
    IReadOnlyList<TextSpan> Tokens,
    IReadOnlyList<TextSpan> Words,
    IReadOnlyList<TextSpan> Sentences,
    int UnplacedWords,
    int UnalignedTokens)
{
    /// <summary>
    /// The gold syntax of each word of <see cref="Words"/> (same order): UPOS, the index in
    /// <see cref="Words"/> of its head (-1 for a root, -2 when the head was left out), and the relation.
    /// </summary>
    public IReadOnlyList<(string Upos, int Head, string Relation)> WordSyntax { get; init; } = [];

    /// <summary>Builds the gold standard from CoNLL-U sentences that carry <c># text</c>.</summary>
    /// <exception cref="FormatException">A sentence has no <c># text</c> comment.</exception>
    public static SegmentationGold FromConllu(IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var raw = new StringBuilder();
        var tokens = new List<TextSpan>();
        var words = new List<TextSpan>();
        var placed = new List<(int Sentence, ConlluWord Word)>();
        var sentenceIndex = -1;
        var sentenceSpans = new List<TextSpan>();
        int unplaced = 0, unaligned = 0;
        foreach (var sentence in sentences)
        {
            var text = sentence.Text ?? throw new FormatException($"Sentence '{sentence.SentenceId}' has no '# text' comment.");
            sentenceIndex++;
            if (raw.Length > 0)
            {
                raw.Append(sentence.StartsParagraph ? "\n\n" : " ");
            }

            var offset = raw.Length;
            raw.Append(text);
            var position = 0;
            var firstToken = tokens.Count;
            var multiwords = sentence.MultiwordTokens;
            var nextMultiword = 0;
            for (var w = 0; w < sentence.Words.Length; w++)
            {
                var word = sentence.Words[w];
                if (nextMultiword < multiwords.Length && multiwords[nextMultiword].FirstId == word.Id)
                {
                    var multiword = multiwords[nextMultiword++];
                    var count = multiword.LastId - multiword.FirstId + 1;
                    var found = Find(text, multiword.Form, ref position);
                    if (found < 0)
                    {
                        unaligned++;
                        unplaced += count;
                    }
                    else
                    {
                        tokens.Add(new TextSpan(offset + found, offset + found + multiword.Form.Length));
                        unplaced += PlaceWords(sentence, w, count, multiword.Form, offset + found, words, placed, sentenceIndex);
                    }

                    w += count - 1;
                    continue;
                }

                var start = Find(text, word.Form, ref position);
                if (start < 0)
                {
                    unaligned++;
                    continue;
                }

                var span = new TextSpan(offset + start, offset + start + word.Form.Length);
                tokens.Add(span);
                words.Add(span);
                placed.Add((sentenceIndex, word));
            }

            if (tokens.Count > firstToken)
            {
                sentenceSpans.Add(new TextSpan(tokens[firstToken].Start, tokens[^1].End));
            }
        }

        var index = new Dictionary<(int Sentence, int Id), int>();
        for (var i = 0; i < placed.Count; i++)
        {
            index[(placed[i].Sentence, placed[i].Word.Id)] = i;
        }

        var syntax = placed.Select(p => (p.Word.Upos,
            p.Word.Head == 0 ? -1 : index.TryGetValue((p.Sentence, p.Word.Head), out var head) ? head : -2,
            p.Word.Relation)).ToList();
        return new SegmentationGold(raw.ToString(), tokens, words, sentenceSpans, unplaced, unaligned) { WordSyntax = syntax };
    }

    /// <summary>One gold standard per <c># newdoc</c> document, for training on separate documents.</summary>
    public static IEnumerable<SegmentationGold> PerDocument(IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var current = new List<ConlluSentence>();
        foreach (var sentence in sentences)
        {
            if (sentence.StartsDocument && current.Count > 0)
            {
                yield return FromConllu(current);
                current = [];
            }

            current.Add(sentence);
        }

        if (current.Count > 0)
        {
            yield return FromConllu(current);
        }
    }

    // Finds form at or after position (normally right after whitespace) and moves position past it.
    private static int Find(string text, string form, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var index = string.CompareOrdinal(text, position, form, 0, form.Length) == 0
            ? position
            : text.IndexOf(form, position, StringComparison.Ordinal);
        if (index >= 0)
        {
            position = index + form.Length;
        }

        return index;
    }

    // Words of a multi-word token get spans when their forms spell the surface form ("do" + "n't" = "don't").
    private static int PlaceWords(
        ConlluSentence sentence, int firstWord, int count, string surface, int start, List<TextSpan> words, List<(int, ConlluWord)> placed, int sentenceIndex)
    {
        var length = 0;
        for (var k = 0; k < count; k++)
        {
            length += sentence.Words[firstWord + k].Form.Length;
        }

        if (length != surface.Length)
        {
            return count;
        }

        var at = 0;
        for (var k = 0; k < count; k++)
        {
            var form = sentence.Words[firstWord + k].Form;
            if (string.Compare(surface, at, form, 0, form.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return count;
            }

            at += form.Length;
        }

        at = start;
        for (var k = 0; k < count; k++)
        {
            var form = sentence.Words[firstWord + k].Form;
            words.Add(new TextSpan(at, at + form.Length));
            placed.Add((sentenceIndex, sentence.Words[firstWord + k]));
            at += form.Length;
        }

        return 0;
    }
}
