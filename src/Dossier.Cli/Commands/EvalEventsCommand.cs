using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Paragraphs;
using Dossier.Evaluation.Events;
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
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "PLOVER gold records (JSON array), e.g. ../shared/data/events/plover-gsr-dev.json.", Required = true };
        var mapping = new Option<string?>("--mapping") { Description = "A CAMEO2PLOVER table to report Dossier's mapping's agreement with (default: next to --gold)." };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Fail (exit 1) when event-type precision (percent) is below this floor." };
        var minRecall = new Option<double?>("--min-recall") { Description = "Fail (exit 1) when event-type recall (percent) is below this floor." };
        var minActors = new Option<double?>("--min-actors") { Description = "Fail (exit 1) when actor accuracy on true positives (percent) is below this floor." };
        var summary = new Option<bool>("--summary") { Description = "Group the errors: false positives by predicted type and cue, wrong actors on true positives by kind." };
        var errors = new Option<int>("--errors") { Description = "List up to N records whose gold type was missed, that got a wrong type, or whose matched event has a wrong actor." };
        var halves = new Option<bool>("--halves") { Description = "Also score the records with odd and even id numbers apart, to see whether a change helps both halves." };
        var command = new Command("events", "Score CAMEO event coding against PLOVER gold records (event type via CAMEO→PLOVER, source/target actors).")
        {
            gold, mapping, minPrecision, minRecall, minActors, errors, summary, halves,
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

                var records = PloverGold.Parse(File.ReadAllText(path));
                var pipeline = SegmentationPipelines.Full(ArticleLayout.Plain).Build();
                var scorer = new EventScorer(SegmentationPipelines.Codebook);
                var halfScorers = new SortedDictionary<string, EventScorer>(StringComparer.Ordinal)
                {
                    ["even"] = new EventScorer(SegmentationPipelines.Codebook), ["odd"] = new EventScorer(SegmentationPipelines.Codebook),
                };
                var texts = new Dictionary<string, Document>(StringComparer.Ordinal);
                var stopwatch = new Stopwatch();
                foreach (var record in records)
                {
                    stopwatch.Start();
                    var document = pipeline.Process(new Document(record.Id, record.Text));
                    stopwatch.Stop();
                    texts[record.Id] = document;
                    scorer.Add(record, document.Events);
                    halfScorers[PloverGold.Half(record.Id)].Add(record, document.Events);
                }

                var scores = scorer.Result();
                foreach (var error in scores.Errors.Take(parseResult.GetValue(errors)))
                {
                    var document = texts[error.Record.Id];
                    var got = string.Join(", ", error.Events.Select(e => $"{e.Code}{(e.Negated ? "(neg)" : string.Empty)} {document.TextOf(e.Trigger)} {e.Source?.Cameo ?? "-"}→{e.Target?.Cameo ?? "-"} [{e.Origin.Rule}]"));
                    var goldActors = $"{string.Join('/', error.Record.Sources)}→{string.Join('/', error.Record.Targets)}";
                    output.WriteLine($"{(!error.Hit ? "missed" : error.Predicted.Length > 1 ? "extra" : "actors")} {error.Record.Event} ({goldActors}): {error.Record.Text}\n    coded: {(got.Length == 0 ? "nothing" : got)}");
                }

                if (parseResult.GetValue(summary))
                {
                    output.WriteLine("false positives by predicted type and cue:");
                    foreach (var (group, count) in EventErrorSummary.FalsePositives(SegmentationPipelines.Codebook, scores.Errors))
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,3}  {group}"));
                    }

                    output.WriteLine("wrong actors on true positives by kind:");
                    foreach (var (group, count) in EventErrorSummary.ActorErrors(SegmentationPipelines.Codebook, scores.Errors))
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,3}  {group}"));
                    }
                }

                double Percent(double fraction) => 100 * fraction;
                var precision = Percent(scores.Types.Precision);
                var recall = Percent(scores.Types.Recall);
                var actors = Percent(scores.ActorAccuracy);
                var (source, target) = (scores.Source, scores.Target);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Event coding on {scores.Records} PLOVER gold records ({scores.Types.Predicted} predicted event types)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"event type   P {precision:F2}  R {recall:F2}  F1 {Percent(scores.Types.F1):F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actors on true positives  {actors:F2} ({source.Correct + target.Correct}/{source.Gold + target.Gold}); source {Percent(source.Gold == 0 ? 0 : source.Recall):F2} ({source.Correct}/{source.Gold}), target {Percent(target.Gold == 0 ? 0 : target.Recall):F2} ({target.Correct}/{target.Gold})"));
                if (parseResult.GetValue(halves))
                {
                    foreach (var (half, halfScorer) in halfScorers)
                    {
                        var part = halfScorer.Result();
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"half {half,-4} ({part.Records} records)  P {Percent(part.Types.Precision):F2}  R {Percent(part.Types.Recall):F2}  actors {Percent(part.ActorAccuracy):F2} ({part.Source.Correct + part.Target.Correct}/{part.Source.Gold + part.Target.Gold})"));
                    }
                }

                output.WriteLine("type          P       R    gold");
                foreach (var (type, score) in scores.PerType)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-11} {Percent(score.Predicted == 0 ? 0 : score.Precision),6:F1}  {Percent(score.Gold == 0 ? 0 : score.Recall),6:F1}  {score.Gold,4}"));
                }

                var mappingPath = parseResult.GetValue(mapping) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "CAMEO2PLOVER-2021.txt");
                if (File.Exists(mappingPath))
                {
                    var (agree, compared) = PloverGold.MappingAgreement(SegmentationPipelines.Codebook, File.ReadLines(mappingPath));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CAMEO→PLOVER mapping agrees with {Path.GetFileName(mappingPath)} on {agree}/{compared} codes ({(compared == 0 ? 0 : 100.0 * agree / compared):F1} %)"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {stopwatch.Elapsed.TotalMilliseconds:F0} ms for the full pipeline on {scores.Records} records"));
                var ok = CheckFloor(output, "event-type precision", precision, parseResult.GetValue(minPrecision))
                    & CheckFloor(output, "event-type recall", recall, parseResult.GetValue(minRecall))
                    & CheckFloor(output, "actor accuracy", actors, parseResult.GetValue(minActors));
                return ok ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
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
