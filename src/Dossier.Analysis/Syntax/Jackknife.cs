namespace Dossier.Analysis.Syntax;

/// <summary>
/// Jack-knifed tagging: splits the training set into folds, trains a tagger on all folds but one
/// and tags the held-out fold with it, so a parser trained on the result sees tags with realistic
/// errors rather than gold ones.
/// </summary>
public static class Jackknife
{
    /// <summary>Returns <paramref name="train"/> with XPOS/UPOS replaced by predictions of held-out taggers.</summary>
    public static IReadOnlyList<AnnotatedSentence> Tag(
        IReadOnlyList<AnnotatedSentence> train, int folds, TaggerTrainingOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var result = new AnnotatedSentence[train.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var rest = train.Where((_, i) => i % folds != fold).ToArray();
            var tagger = PosTaggerTrainer.Train(rest, null, options);
            for (var i = fold; i < train.Count; i += folds)
            {
                var tags = tagger.Tag(train[i].Forms);
                result[i] = train[i] with { Upos = [.. tags.Select(t => t.Upos)], Xpos = [.. tags.Select(t => t.Xpos)] };
            }

            progress?.Invoke($"jack-knife fold {fold + 1}/{folds} tagged");
        }

        return result;
    }
}
