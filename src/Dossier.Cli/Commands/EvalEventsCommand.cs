using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dossier.Analysis.Paragraphs;
using Dossier.Knowledge.Events;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval events --gold plover-gsr-dev.json</c>: event-type precision and recall on PLOVER gold records, through
/// Dossier's CAMEO→PLOVER mapping, and source/target actor accuracy on the true positives.
/// </summary>
/// <remarks>
/// Each record is one sentence with one gold event. A record's predictions are the distinct PLOVER types of its coded,
/// non-negated events (CAMEO statements that PLOVER has no type for are left out): the gold type among them is a true
/// positive, every other type a false positive; a record whose gold type is missing is a false negative. Gold labels are
/// PLOVER v0.5b1 and are mapped to the current 16 types as the data's README says (DEMAND→REQUEST, DISAPPROVE and
/// INVESTIGATE→ACCUSE, FIGHT→ASSAULT). An actor is right when the first three letters of its CAMEO code (its country or
/// IGO/group prefix) equal a gold actor's code's.
/// </remarks>
internal static class EvalEventsCommand
{
    private static readonly Dictionary<string, string> LegacyLabels = new(StringComparer.Ordinal)
    {
        ["DEMAND"] = "REQUEST", ["DISAPPROVE"] = "ACCUSE", ["INVESTIGATE"] = "ACCUSE", ["FIGHT"] = "ASSAULT",
    };

    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "PLOVER gold records (JSON array), e.g. ../shared/data/events/plover-gsr-dev.json.", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "A CAMEO2PLOVER table to report Dossier's mapping's agreement with (default: next to --gold)." };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Fail (exit 1) when event-type precision (percent) is below this floor." };
        var minRecall = new Option<double?>("--min-recall") { Description = "Fail (exit 1) when event-type recall (percent) is below this floor." };
        var minActors = new Option<double?>("--min-actors") { Description = "Fail (exit 1) when actor accuracy on true positives (percent) is below this floor." };
        var errors = new Option<int>("--errors") { Description = "List up to N records whose gold type was missed or that got a wrong type." };
        var command = new Command("events", "Score CAMEO event coding against PLOVER gold records (event type via CAMEO→PLOVER, source/target actors).")
        {
            gold, mapping, minPrecision, minRecall, minActors, errors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var path = parseResult.GetRequiredValue(gold);
                if (!File.Exists(path))
                {
                    throw new UserInputException($"Gold file '{path}' was not found.");
                }

                using var json = JsonDocument.Parse(File.ReadAllText(path));
                var codebook = SegmentationPipelines.Codebook;
                var pipeline = SegmentationPipelines.Full(ArticleLayout.Plain).Build();
                var perType = new SortedDictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
                int records = 0, tp = 0, fp = 0, fn = 0, actorRight = 0, actorChecked = 0, sourceRight = 0, sourceChecked = 0, targetRight = 0, targetChecked = 0;
                var listed = 0;
                var limit = parseResult.GetValue(errors);
                var stopwatch = new Stopwatch();
                foreach (var record in json.RootElement.EnumerateArray())
                {
                    var text = record.GetProperty("text").GetString() ?? string.Empty;
                    var label = record.GetProperty("event").GetString() ?? string.Empty;
                    label = LegacyLabels.GetValueOrDefault(label, label);
                    records++;
                    stopwatch.Start();
                    var document = pipeline.Process(new Document(record.GetProperty("id").GetString() ?? records.ToString(CultureInfo.InvariantCulture), text));
                    stopwatch.Stop();

                    var predicted = new Dictionary<string, Text.Events.PoliticalEvent>(StringComparer.Ordinal);
                    foreach (var coded in document.Events)
                    {
                        if (!coded.Negated && codebook.TryGet(coded.Code, out var cameo) && cameo.PloverEvent != "OTHER")
                        {
                            predicted.TryAdd(cameo.PloverEvent, coded);
                        }
                    }

                    var hit = predicted.TryGetValue(label, out var match);
                    Bump(perType, label, hit ? 1 : 0, 0, hit ? 0 : 1);
                    tp += hit ? 1 : 0;
                    fn += hit ? 0 : 1;
                    foreach (var type in predicted.Keys.Where(type => type != label))
                    {
                        Bump(perType, type, 0, 1, 0);
                        fp++;
                    }

                    if (hit && match is not null)
                    {
                        if (GoldCodes(record, "source") is { Count: > 0 } sources)
                        {
                            var right = Agrees(match.Source?.Cameo ?? match.Source?.Country, sources);
                            (sourceRight, sourceChecked) = (sourceRight + (right ? 1 : 0), sourceChecked + 1);
                        }

                        if (GoldCodes(record, "target") is { Count: > 0 } targets)
                        {
                            var right = Agrees(match.Target?.Cameo ?? match.Target?.Country, targets);
                            (targetRight, targetChecked) = (targetRight + (right ? 1 : 0), targetChecked + 1);
                        }
                    }

                    if ((!hit || predicted.Count > 1) && listed < limit)
                    {
                        listed++;
                        var got = string.Join(", ", document.Events.Select(e => $"{e.Code}{(e.Negated ? "(neg)" : string.Empty)} {document.TextOf(e.Trigger)} {e.Source?.Cameo ?? "-"}→{e.Target?.Cameo ?? "-"}"));
                        output.WriteLine($"{(hit ? "extra" : "missed")} {label}: {text}\n    coded: {(got.Length == 0 ? "nothing" : got)}");
                    }
                }

                actorRight = sourceRight + targetRight;
                actorChecked = sourceChecked + targetChecked;
                double Ratio(int a, int b) => b == 0 ? 0 : 100.0 * a / b;
                var precision = Ratio(tp, tp + fp);
                var recall = Ratio(tp, tp + fn);
                var actors = Ratio(actorRight, actorChecked);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Event coding on {records} PLOVER gold records ({tp + fp} predicted event types)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event type   P {precision:F2}  R {recall:F2}  F1 {(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)):F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actors on true positives  {actors:F2} ({actorRight}/{actorChecked}); source {Ratio(sourceRight, sourceChecked):F2} ({sourceRight}/{sourceChecked}), target {Ratio(targetRight, targetChecked):F2} ({targetRight}/{targetChecked})"));
                output.WriteLine("type          P       R    gold");
                foreach (var (type, score) in perType)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-11} {Ratio(score.Tp, score.Tp + score.Fp),6:F1}  {Ratio(score.Tp, score.Tp + score.Fn),6:F1}  {score.Tp + score.Fn,4}"));
                }

                var mappingPath = parseResult.GetValue(mapping) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "CAMEO2PLOVER-2021.txt");
                if (File.Exists(mappingPath))
                {
                    var (agree, compared) = MappingAgreement(codebook, mappingPath);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CAMEO→PLOVER mapping agrees with {Path.GetFileName(mappingPath)} on {agree}/{compared} codes ({Ratio(agree, compared):F1} %)"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {stopwatch.Elapsed.TotalMilliseconds:F0} ms for the full pipeline on {records} records"));
                var ok = CheckFloor(output, "event-type precision", precision, parseResult.GetValue(minPrecision))
                    & CheckFloor(output, "event-type recall", recall, parseResult.GetValue(minRecall))
                    & CheckFloor(output, "actor accuracy", actors, parseResult.GetValue(minActors));
                return ok ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
    }

    private static void Bump(SortedDictionary<string, (int Tp, int Fp, int Fn)> perType, string type, int tp, int fp, int fn)
    {
        var (a, b, c) = perType.GetValueOrDefault(type);
        perType[type] = (a + tp, b + fp, c + fn);
    }

    private static List<string> GoldCodes(JsonElement record, string side)
    {
        var codes = new List<string>();
        if (record.TryGetProperty(side, out var actors) && actors.ValueKind == JsonValueKind.Array)
        {
            foreach (var actor in actors.EnumerateArray())
            {
                if (actor.TryGetProperty("code", out var code) && code.GetString() is { Length: >= 3 } value)
                {
                    codes.Add(value);
                }
            }
        }

        return codes;
    }

    internal static bool Agrees(string? predicted, List<string> gold) =>
        predicted is { Length: >= 3 } code && gold.Any(g => string.Equals(g[..3], code[..3], StringComparison.Ordinal));

    /// <summary>How many of Dossier's codes map to the same PLOVER event as the table's lines "0311: AGREE, mode, context # name".</summary>
    private static (int Agree, int Compared) MappingAgreement(CameoCodebook codebook, string path)
    {
        int agree = 0, compared = 0;
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 2)
            {
                continue;
            }

            var code = line[..colon].Trim();
            var rest = line[(colon + 1)..].Split('#')[0].Split(',');
            var ploverEvent = rest[0].Trim();
            if (ploverEvent.Length == 0 || !codebook.TryGet(code, out var cameo))
            {
                continue;
            }

            compared++;
            agree += string.Equals(LegacyLabels.GetValueOrDefault(ploverEvent, ploverEvent), cameo.PloverEvent, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return (agree, compared);
    }

    private static bool CheckFloor(TextWriter output, string name, double value, double? floor)
    {
        if (floor is not { } minimum)
        {
            return true;
        }

        var ok = value >= minimum;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok" : "FAIL")}: {name} {value:F2} {(ok ? ">=" : "<")} floor {minimum:F2}"));
        return ok;
    }
}
