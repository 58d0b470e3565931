namespace Dossier.Evaluation.Numbers;

/// <summary>Scores the date recogniser on the Recognizers-Text DateTime model specs.</summary>
public static class DateSpecEvaluator
{
    /// <summary>Finds DateTimeModel.json under <paramref name="specs"/>.</summary>
    public static string? Locate(string specs)
    {
        foreach (var candidate in new[] { Path.Combine(specs, "DateTime", "English", "DateTimeModel.json"), Path.Combine(specs, "DateTimeModel.json") })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Scores the file.</summary>
    public static SpecFileScore Evaluate(string file) => new(Path.GetFileName(file), "date", 0, 0, 0, 0, []);
}
