using System.CommandLine;
using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Ledger;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier claims</c> and <c>dossier disagreements</c>: the claim ledger over the corpus.</summary>
internal static class LedgerCommands
{
    public static Command Claims()
    {
        var about = new Option<string?>("--about") { Description = "Subject names, comma-separated (e.g. \"Islamic State,ISIS,IS,Daesh\")." };
        var measure = new Option<string?>("--measure") { Description = "What is counted (fighters, killed, wounded, displaced, territory-share …)." };
        var place = new Option<string?>("--place") { Description = "Text the place must contain (e.g. Afghanistan)." };
        var claimant = new Option<string?>("--claimant") { Description = "The claimant's actor id (per:zamir-kabulov) or text of their name (Kabulov)." };
        var from = new Option<DateOnly?>("--from") { Description = "Only claims published on or after this day (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Only claims published on or before this day (yyyy-mm-dd)." };
        var database = StoreOptions.Database();
        var limit = new Option<int>("--limit") { Description = "At most this many claims.", DefaultValueFactory = _ => 200 };
        var command = new Command("claims", "The claim ledger: comparable numeric claims over time, with claimant, channel, outlet and evidence.")
        {
            about, measure, place, claimant, from, to, database, limit,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var filter = new ClaimFilter(
                    parseResult.GetValue(about)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    parseResult.GetValue(measure), parseResult.GetValue(place), parseResult.GetValue(claimant), parseResult.GetValue(from), parseResult.GetValue(to));
                var claims = store.Claims(filter, parseResult.GetValue(limit));
                foreach (var claim in claims)
                {
                    output.WriteLine(Describe(claim));
                }

                output.WriteLine($"{claims.Count} claims");
                return CommandErrors.Success;
            });
        });
        return command;
    }

    public static Command Disagreements()
    {
        var measure = new Option<string?>("--measure") { Description = "Only claims about this measure." };
        var place = new Option<string?>("--place") { Description = "Only claims whose place contains this text." };
        var database = StoreOptions.Database();
        var command = new Command("disagreements", "Claim groups whose intervals cannot all be true: claimants who disagree, and claimants whose figure shifted.")
        {
            measure, place, database,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: true);
                var claims = store.Claims(new ClaimFilter(null, parseResult.GetValue(measure), parseResult.GetValue(place)), int.MaxValue);
                var found = DisagreementFinder.Find(claims.Select(WithSide));
                foreach (var topic in found.GroupBy(d => d.Topic, StringComparer.Ordinal))
                {
                    output.WriteLine(topic.Key);
                    foreach (var disagreement in topic)
                    {
                        output.WriteLine($"  {(disagreement.SameClaimant ? "shift   " : "disagree")}  {Describe(disagreement.First)}");
                        output.WriteLine($"            {Describe(disagreement.Second)}");
                    }
                }

                output.WriteLine($"{found.Count} disagreements");
                return CommandErrors.Success;
            });
        });
        return command;
    }

    /// <summary>
    /// A claim the linker gave no side (an outlet stating a figure itself, an unlinked speaker) takes the
    /// country the knowledge base gives the claimant's name or the outlet ("TASS", "Sputnik" → RUS).
    /// </summary>
    internal static StoredClaim WithSide(StoredClaim claim)
    {
        if (claim.Side is not null)
        {
            return claim;
        }

        foreach (var name in new[] { claim.Claimant, claim.Claimant is null ? claim.Outlet : null })
        {
            if (name is not null && SegmentationPipelines.KnowledgeBase.Index.TryGet(name, out var candidates) && candidates is [var first, ..])
            {
                var actor = first.Actor;
                var side = actor.Country ?? (actor.Type == Knowledge.Actors.ActorType.Country ? actor.Id.Value : null);
                if (side is not null)
                {
                    return claim with { Side = side };
                }
            }
        }

        return claim;
    }

    private static string Describe(StoredClaim claim)
    {
        var date = claim.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
        var channel = claim.Channel is null ? string.Empty : $" via {claim.Channel}";
        var trend = claim.Trend is null ? string.Empty : $", {claim.Trend}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{date}  {claim.ClaimedBy}{channel} [{claim.Outlet ?? "-"}]: {claim.Subject ?? "?"} {claim.Measure} {Format(claim)}{trend} (\"{claim.Text}\", {Path.GetFileName(claim.DocumentKey)}@{claim.Evidence.Start})");
    }

    private static string Format(StoredClaim claim)
    {
        var interval = claim.Interval;
        string Bound(double value) => double.IsInfinity(value) ? (value > 0 ? "∞" : "-∞") : value.ToString("0.##", CultureInfo.InvariantCulture);
        return $"{(interval.LowInclusive ? '[' : '(')}{Bound(interval.Low)}, {Bound(interval.High)}{(interval.HighInclusive ? ']' : ')')}{(interval.Approximate ? "~" : string.Empty)}";
    }
}
