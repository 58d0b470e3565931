using System.CommandLine;
using System.Globalization;
using Dossier.Evaluation.Numbers;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval numbers</c> and <c>dossier eval dates</c>: pass rates of the number and date
/// recognisers on the English Recognizers-Text specs, per file and in total.
/// </summary>
internal static class NumberCommands
{
    public static Command Numbers()
    {
        var specs = new Option<DirectoryInfo>("--specs") { Description = "The Recognizers-Text Specs folder (or its Number/English folder).", Required = true };
        var minPass = new Option<double?>("--min-pass") { Description = "Fail (exit 1) when the in-scope Number/NumberRange/Percent pass rate is below this (0-1)." };
        var failures = new Option<bool>("--failures") { Description = "Print each failing case." };
        var command = new Command("numbers", "Score number, range, percentage and ordinal recognition on the Recognizers-Text specs.") { specs, minPass, failures };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var dir = parseResult.GetValue(specs)!;
            var folder = dir.Exists ? NumberSpecEvaluator.Locate(dir.FullName) : null;
            if (folder is null)
            {
                error.WriteLine($"error: no Number/English/NumberModel.json under '{dir.FullName}'; pass --specs <Recognizers-Text Specs folder>.");
                return 2;
            }

            var scores = NumberSpecEvaluator.Evaluate(folder);
            var goal = scores.Where(s => s.Group is "number" or "range" or "percent").ToList();
            double total = Report(output, scores, goal, "Number/NumberRange/Percent", parseResult.GetValue(failures));
            return Floor(error, total, parseResult.GetValue(minPass));
        });
        return command;
    }

    public static Command Dates()
    {
        var specs = new Option<DirectoryInfo>("--specs") { Description = "The Recognizers-Text Specs folder (or its DateTime/English folder).", Required = true };
        var minPass = new Option<double?>("--min-pass") { Description = "Fail (exit 1) when the in-scope DateTime model pass rate is below this (0-1)." };
        var failures = new Option<bool>("--failures") { Description = "Print each failing case." };
        var command = new Command("dates", "Score date recognition and resolution on the Recognizers-Text DateTime model specs.") { specs, minPass, failures };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var dir = parseResult.GetValue(specs)!;
            var file = dir.Exists ? DateSpecEvaluator.Locate(dir.FullName) : null;
            if (file is null)
            {
                error.WriteLine($"error: no DateTime/English/DateTimeModel.json under '{dir.FullName}'; pass --specs <Recognizers-Text Specs folder>.");
                return 2;
            }

            var score = DateSpecEvaluator.Evaluate(file);
            double total = Report(output, [score], [score], "DateTime model", parseResult.GetValue(failures));
            return Floor(error, total, parseResult.GetValue(minPass));
        });
        return command;
    }

    private static double Report(TextWriter output, IReadOnlyList<SpecFileScore> scores, IReadOnlyList<SpecFileScore> goal, string goalName, bool showFailures)
    {
        output.WriteLine($"{"file",-42} {"group",-8} {"cases",6} {"skipped",8} {"out",5} {"in",5} {"passed",7} {"rate",8}");
        foreach (var s in scores)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.File,-42} {s.Group,-8} {s.Cases,6} {s.Skipped,8} {s.OutOfScope,5} {s.InScope,5} {s.Passed,7} {s.PassRate,8:P1}"));
        }

        int inScope = goal.Sum(s => s.InScope);
        int passed = goal.Sum(s => s.Passed);
        double rate = inScope == 0 ? 1 : (double)passed / inScope;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{goalName} in scope: {passed}/{inScope} = {rate:P2}"));
        if (showFailures)
        {
            foreach (var s in scores)
            {
                foreach (var f in s.Failures)
                {
                    output.WriteLine($"FAIL {s.File}: {f}");
                }
            }
        }

        return rate;
    }

    private static int Floor(TextWriter error, double rate, double? minPass)
    {
        if (minPass is { } floor && rate < floor)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: pass rate {rate:P2} is below the floor {floor:P2}."));
            return 1;
        }

        return 0;
    }
}
