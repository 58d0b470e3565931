namespace Dossier.Evaluation.Scoring;

/// <summary>Counts of a set comparison and the precision, recall and F1 they give (as fractions, 0–1).</summary>
/// <param name="Correct">Predicted items that are also gold.</param>
/// <param name="Predicted">All predicted items.</param>
/// <param name="Gold">All gold items.</param>
public readonly record struct PrfScore(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct / Predicted (1 when nothing was predicted and nothing was gold).</summary>
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;

    /// <summary>Correct / Gold (1 when nothing was gold).</summary>
    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds two sets of counts.</summary>
    public static PrfScore operator +(PrfScore left, PrfScore right) =>
        new(left.Correct + right.Correct, left.Predicted + right.Predicted, left.Gold + right.Gold);

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public static PrfScore Add(PrfScore left, PrfScore right) => left + right;
}
