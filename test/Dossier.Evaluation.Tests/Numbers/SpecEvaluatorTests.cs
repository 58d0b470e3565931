using System.Text;
using Dossier.Evaluation.Numbers;

namespace Dossier.Evaluation.Tests.Numbers;

/// <summary>Spec reading and scoring on small hand-written spec files in the reference format.</summary>
public sealed class SpecEvaluatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dossier-specs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string json, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        File.WriteAllBytes(Path.Combine(_dir, name), bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    [Fact]
    public void Reads_inclusive_ends_a_byte_order_mark_and_not_supported_marks()
    {
        Write("DateTimeModel.json", """
            [
              { "Input": "Troops left on Friday.", "Context": { "ReferenceDateTime": "2017-12-23T00:00:00" },
                "Results": [ { "Text": "friday", "Start": 15, "End": 20, "TypeName": "datetimeV2.date",
                               "Resolution": { "values": [ { "timex": "XXXX-WXX-5", "type": "date", "value": "2017-12-22" } ] } } ] },
              { "Input": "Skipped here.", "NotSupported": "javascript, dotnet", "Results": [] }
            ]
            """, bom: true);
        var cases = RecognizerSpecReader.Read(Path.Combine(_dir, "DateTimeModel.json"));
        Assert.Equal(2, cases.Length);
        Assert.Equal(21, cases[0].Results[0].End);
        Assert.Equal(new DateTime(2017, 12, 23), cases[0].Reference);
        Assert.True(cases[1].NotSupportedOnDotnet);
    }

    [Fact]
    public void Scores_number_files_on_text_span_type_and_value()
    {
        Write("NumberModel.json", """
            [
              { "Input": "Officials counted 10,000 ballots.", "Results": [ { "Text": "10,000", "TypeName": "number", "Resolution": { "subtype": "integer", "value": "10000" }, "Start": 18, "End": 23 } ] },
              { "Input": "Officials counted 9,000 ballots.", "Results": [ { "Text": "9,000", "TypeName": "number", "Resolution": { "subtype": "integer", "value": "9001" }, "Start": 18, "End": 22 } ] }
            ]
            """);
        Write("NumberRangeModel.json", """
            [ { "Input": "It has over 300 tanks.", "Results": [ { "Text": "over 300", "TypeName": "numberrange", "Resolution": { "value": "(300,)" }, "Start": 7, "End": 14 } ] } ]
            """);
        var scores = NumberSpecEvaluator.Evaluate(_dir);
        var numbers = Assert.Single(scores, s => s.File == "NumberModel.json");
        Assert.Equal(2, numbers.InScope);
        Assert.Equal(1, numbers.Passed);
        var ranges = Assert.Single(scores, s => s.File == "NumberRangeModel.json");
        Assert.Equal(1, ranges.Passed);
    }

    [Fact]
    public void Scores_dates_against_any_listed_reading_and_leaves_times_out_of_scope()
    {
        Write("DateTimeModel.json", """
            [
              { "Input": "Troops left on Friday.", "Context": { "ReferenceDateTime": "2017-12-23T00:00:00" },
                "Results": [ { "Text": "friday", "Start": 15, "End": 20, "TypeName": "datetimeV2.date",
                               "Resolution": { "values": [ { "value": "2017-12-22" }, { "value": "2017-12-29" } ] } } ] },
              { "Input": "They met at 5pm.", "Context": { "ReferenceDateTime": "2017-12-23T00:00:00" },
                "Results": [ { "Text": "5pm", "Start": 12, "End": 14, "TypeName": "datetimeV2.time", "Resolution": { "values": [ { "value": "17:00:00" } ] } } ] }
            ]
            """);
        var score = DateSpecEvaluator.Evaluate(Path.Combine(_dir, "DateTimeModel.json"));
        Assert.Equal(1, score.OutOfScope);
        Assert.Equal(1, score.InScope);
        Assert.Equal(1, score.Passed);
    }
}
