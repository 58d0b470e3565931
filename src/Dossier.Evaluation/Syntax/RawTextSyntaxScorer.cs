using Dossier.Evaluation.Scoring;
using Dossier.Evaluation.Tokenization;
using Dossier.Text;

namespace Dossier.Evaluation.Syntax;

/// <summary>End-to-end syntax scores from raw text (CoNLL 2018 style): each an F1 over predicted and gold words.</summary>
/// <param name="Words">Words whose spans match.</param>
/// <param name="Upos">Aligned words with the right UPOS.</param>
/// <param name="Uas">Aligned words whose head is the aligned gold head (or both roots).</param>
/// <param name="Las">Same, with the same universal relation.</param>
public sealed record RawTextSyntaxScores(PrfScore Words, PrfScore Upos, PrfScore Uas, PrfScore Las);

/// <summary>
/// Scores a document tagged and parsed from raw text against <see cref="SegmentationGold"/>: predicted
/// words align to gold words by identical character span; a word counts for UPOS/UAS/LAS only when it is
/// aligned and right, so segmentation errors cost precision and recall as in the CoNLL 2018 shared task.
/// </summary>
public static class RawTextSyntaxScorer
{
    /// <summary>Scores <paramref name="predicted"/> (Tokens, Tags, Dependencies) against <paramref name="gold"/>.</summary>
    public static RawTextSyntaxScores Score(Document predicted, SegmentationGold gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldIndex = new Dictionary<TextSpan, int>();
        for (var i = 0; i < gold.Words.Count; i++)
        {
            goldIndex[gold.Words[i]] = i;
        }

        int aligned = 0, upos = 0, uas = 0, las = 0;
        var tokens = predicted.Tokens;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (!goldIndex.TryGetValue(tokens[t].Span, out var g))
            {
                continue;
            }

            aligned++;
            var (goldUpos, goldHead, goldRelation) = gold.WordSyntax[g];
            upos += predicted.Tags[t].Upos == goldUpos ? 1 : 0;
            var head = predicted.Dependencies[t].Head;
            var headMatches = head < 0 ? goldHead == -1 : goldHead >= 0 && goldIndex.TryGetValue(tokens[head].Span, out var h) && h == goldHead;
            if (headMatches)
            {
                uas++;
                las += Universal(predicted.Dependencies[t].Relation) == Universal(goldRelation) ? 1 : 0;
            }
        }

        PrfScore Of(int correct) => new(correct, tokens.Length, gold.Words.Count);
        return new RawTextSyntaxScores(Of(aligned), Of(upos), Of(uas), Of(las));
    }

    // LAS compares universal relations only: "obl:tmod" counts as "obl" (CoNLL 2018).
    private static string Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }
}
