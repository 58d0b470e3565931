using System.Diagnostics;
using Dossier.Analysis.Pipeline;
using Dossier.Evaluation.Scoring;
using Dossier.Text;

namespace Dossier.Evaluation.Tokenization;

/// <summary>Tokenisation and sentence-segmentation scores from raw text, CoNLL 2018 style.</summary>
/// <param name="Tokens">Surface tokens (multi-word tokens count once).</param>
/// <param name="Words">Syntactic words (clitics split).</param>
/// <param name="Sentences">Sentences.</param>
/// <param name="Characters">Length of the raw text.</param>
/// <param name="Elapsed">Wall-clock time of the segmentation run alone.</param>
/// <param name="Predicted">The segmented document, for error listings.</param>
public sealed record SegmentationScores(PrfScore Tokens, PrfScore Words, PrfScore Sentences, int Characters, TimeSpan Elapsed, Document Predicted)
{
    /// <summary>Gold spans of one layer that the prediction missed, and predicted spans that are not gold.</summary>
    public static (List<TextSpan> Missed, List<TextSpan> Spurious) Differences(IReadOnlyList<TextSpan> predicted, IReadOnlyList<TextSpan> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var goldSet = new HashSet<TextSpan>(gold);
        var predictedSet = new HashSet<TextSpan>(predicted);
        return ([.. gold.Where(span => !predictedSet.Contains(span))], [.. predicted.Where(span => !goldSet.Contains(span))]);
    }
}

/// <summary>
/// Runs a segmentation pipeline (paragraphs → tokens → sentences) over the raw text of a
/// <see cref="SegmentationGold"/> and scores its spans against the gold ones by exact match.
/// </summary>
public static class SegmentationEvaluator
{
    /// <summary>Segments <paramref name="gold"/>'s text with <paramref name="pipeline"/> and scores it.</summary>
    public static SegmentationScores Evaluate(SegmentationGold gold, Pipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(pipeline);
        var stopwatch = Stopwatch.StartNew();
        var document = pipeline.Process(new Document("gold", gold.Text), cancellationToken);
        stopwatch.Stop();

        var words = new List<TextSpan>(document.Tokens.Length);
        var surface = new List<TextSpan>(document.Tokens.Length);
        foreach (var token in document.Tokens)
        {
            words.Add(token.Span);
            if (token.ContinuesWord && surface.Count > 0)
            {
                surface[^1] = new TextSpan(surface[^1].Start, token.Span.End);
            }
            else
            {
                surface.Add(token.Span);
            }
        }

        var sentences = new List<TextSpan>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            sentences.Add(sentence.Span);
        }

        return new SegmentationScores(
            SpanScorer.Score(surface, gold.Tokens),
            SpanScorer.Score(words, gold.Words),
            SpanScorer.Score(sentences, gold.Sentences),
            gold.Text.Length,
            stopwatch.Elapsed,
            document);
    }
}
