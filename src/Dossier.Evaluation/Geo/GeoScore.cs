namespace Dossier.Evaluation.Geo;

/// <summary>
/// Toponym resolution scores (Gritta et al. 2019): accuracy@161 km over every geocoded gold
/// toponym (an unresolved toponym counts as a miss), mean and median error in km over the resolved
/// ones, and the area under the curve of log error (AUC, lower is better) where an unresolved
/// toponym counts as the maximum error (20,039 km, half the Earth's circumference).
/// </summary>
public sealed class GeoScore
{
    /// <summary>The distance within which a resolution counts as correct (100 miles).</summary>
    public const double ThresholdKm = 161;

    private const double MaxErrorKm = 20039;
    private readonly List<double> _errors = [];

    /// <summary>Gold toponyms with coordinates seen.</summary>
    public int Total { get; private set; }

    /// <summary>Toponyms the resolver placed somewhere.</summary>
    public int Resolved => _errors.Count;

    /// <summary>Resolved within <see cref="ThresholdKm"/>.</summary>
    public int WithinThreshold { get; private set; }

    /// <summary>Accuracy@161 km over all gold toponyms.</summary>
    public double AccuracyAt161 => Total == 0 ? 0 : (double)WithinThreshold / Total;

    /// <summary>Mean error (km) over resolved toponyms.</summary>
    public double MeanErrorKm => _errors.Count == 0 ? 0 : _errors.Average();

    /// <summary>Median error (km) over resolved toponyms.</summary>
    public double MedianErrorKm
    {
        get
        {
            if (_errors.Count == 0)
            {
                return 0;
            }

            var sorted = _errors.Order().ToList();
            return sorted[sorted.Count / 2];
        }
    }

    /// <summary>AUC of log(1 + error) normalised by log(1 + max error); unresolved count as max error.</summary>
    public double Auc
    {
        get
        {
            if (Total == 0)
            {
                return 0;
            }

            var sum = _errors.Sum(e => Math.Log(1 + e)) + ((Total - Resolved) * Math.Log(1 + MaxErrorKm));
            return sum / (Total * Math.Log(1 + MaxErrorKm));
        }
    }

    /// <summary>Adds one gold toponym; <paramref name="errorKm"/> is null when the resolver gave no place.</summary>
    public void Add(double? errorKm)
    {
        Total++;
        if (errorKm is { } error)
        {
            _errors.Add(error);
            if (error <= ThresholdKm)
            {
                WithinThreshold++;
            }
        }
    }
}
