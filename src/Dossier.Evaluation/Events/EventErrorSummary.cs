using System.Collections.Immutable;
using Dossier.Knowledge.Events;
using Dossier.Text.Events;

namespace Dossier.Evaluation.Events;

/// <summary>
/// Groups event-coding errors for error analysis: false positives by predicted PLOVER type and the coder's cue (the
/// rule up to its first refinement: "lexicon:accuse", "light-verb:hold+talks" → "light-verb:hold"), and wrong actors on
/// true positives by kind (missing, the gold's other side, a generic or unknown actor in the wrong country, a named actor
/// that is not the gold's, an implicit target where the gold names one).
/// </summary>
public static class EventErrorSummary
{
    /// <summary>False positives counted per "TYPE cue", most frequent first, then by name.</summary>
    public static ImmutableArray<KeyValuePair<string, int>> FalsePositives(CameoCodebook codebook, IEnumerable<EventError> errors)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(errors);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var coded in error.Events)
            {
                if (PloverOf(codebook, coded) is { } type && type != error.Record.Event && seen.Add(type))
                {
                    var key = type + " " + Cue(coded.Origin.Rule);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return Ordered(counts);
    }

    /// <summary>Wrong actors on true positives counted per kind, most frequent first.</summary>
    public static ImmutableArray<KeyValuePair<string, int>> ActorErrors(CameoCodebook codebook, IEnumerable<EventError> errors)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(errors);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;
        foreach (var error in errors.Where(error => error.Hit))
        {
            // The scorer checks the first event of the gold type; so does this.
            var match = error.Events.FirstOrDefault(coded => PloverOf(codebook, coded) == error.Record.Event);
            if (match is null)
            {
                continue;
            }

            var gold = error.Record;
            if (!gold.Sources.IsDefaultOrEmpty && !EventScorer.Agrees(match.Source, gold.Sources))
            {
                Count("source " + Kind(match.Source, gold.Targets, implicitTarget: false));
            }

            if (!gold.Targets.IsDefaultOrEmpty && !EventScorer.Agrees(match.Target, gold.Targets))
            {
                Count("target " + Kind(match.Target, gold.Sources, match.Origin.Rule.EndsWith("+implicit-target", StringComparison.Ordinal)));
            }
        }

        return Ordered(counts);
    }

    private static string Kind(EventActor? actor, ImmutableArray<string> otherSide, bool implicitTarget)
    {
        if ((actor?.Cameo ?? actor?.Country) is null)
        {
            return "missing";
        }

        if (implicitTarget)
        {
            return "implicit (the source's country) where the gold names one";
        }

        if (!otherSide.IsDefaultOrEmpty && EventScorer.Agrees(actor, otherSide))
        {
            return "is the gold's other side";
        }

        return actor!.ActorId is null ? "generic or unknown actor, wrong country" : "named actor, not the gold's";
    }

    private static string? PloverOf(CameoCodebook codebook, PoliticalEvent coded) =>
        !coded.Negated && codebook.TryGet(coded.Code, out var cameo) && cameo.PloverEvent != "OTHER" ? cameo.PloverEvent : null;

    private static string Cue(string rule)
    {
        var cue = rule.StartsWith("events/", StringComparison.Ordinal) ? rule["events/".Length..] : rule;
        var refinement = cue.IndexOf('+', StringComparison.Ordinal);
        return refinement > 0 ? cue[..refinement] : cue;
    }

    private static ImmutableArray<KeyValuePair<string, int>> Ordered(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal)];
}
