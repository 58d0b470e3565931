using Dossier.Text.Quantities;

namespace Dossier.Storage.Ledger;

/// <summary>Two claims about the same measure and place whose intervals cannot both be true.</summary>
/// <param name="Topic">"fighters in afghanistan".</param>
/// <param name="First">The earlier claim.</param>
/// <param name="Second">The later claim.</param>
/// <param name="SameClaimant">True when one claimant changed their figure (a shift), false when two claimants disagree.</param>
public sealed record Disagreement(string Topic, StoredClaim First, StoredClaim Second, bool SameClaimant);

/// <summary>
/// Finds disagreements in a claim ledger: claims are grouped by measure and place; within a group, two
/// claims whose intervals leave a gap are a disagreement when they come from different sides (the
/// claimants' countries, when the linker knows them; else the claimants themselves), and a shift when
/// one claimant changed figure on a later day. Claimants are the same when their actor ids are, else by
/// surname ("Zamir Kabulov" = "Kabulov"). One pair is reported per pair of sides (or claimant) and group.
/// </summary>
public static class DisagreementFinder
{
    /// <summary>The disagreements among <paramref name="claims"/>, by topic, earliest first.</summary>
    public static IReadOnlyList<Disagreement> Find(IEnumerable<StoredClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var result = new List<Disagreement>();
        var groups = claims.Where(claim => claim.Measure is not null)
            .GroupBy(claim => $"{claim.Measure} in {(claim.Place ?? "an unstated place").ToLowerInvariant()}", StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            // A total order (date, document, offset), so the report does not depend on the order documents were stored in.
            // Keys are computed once per claim: the pair loop below is quadratic in the group's size.
            var ordered = group.OrderBy(claim => claim.Published ?? DateOnly.MaxValue)
                .ThenBy(claim => claim.DocumentKey, StringComparer.Ordinal)
                .ThenBy(claim => claim.Evidence.Start)
                .Select(claim => (Claim: claim, Claimant: ClaimantKey(claim), Side: claim.Side ?? ClaimantKey(claim)))
                .ToList();
            var reported = new HashSet<(string, string)>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var a = ordered[i];
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    var b = ordered[j];
                    if (Overlap(a.Claim.Interval, b.Claim.Interval))
                    {
                        continue;
                    }

                    var same = string.Equals(a.Claimant, b.Claimant, StringComparison.Ordinal);
                    if (same && a.Claim.Published == b.Claim.Published)
                    {
                        continue; // one claimant, one day: two readings of the same statement, not a shift
                    }

                    var (who, other) = same ? (a.Claimant, b.Claimant) : (a.Side, b.Side);
                    if (!same && string.Equals(who, other, StringComparison.Ordinal))
                    {
                        continue; // two voices of one side: not a dispute between sides
                    }

                    var key = string.CompareOrdinal(who, other) <= 0 ? (who, other) : (other, who);
                    if (reported.Add(key))
                    {
                        result.Add(new Disagreement(group.Key, a.Claim, b.Claim, same));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// True unless a gap separates the intervals. Intervals that merely touch ("as many as 10,000" and
    /// "over 10,000") count as agreeing: they are two wordings of one estimate, not a dispute.
    /// </summary>
    public static bool Overlap(QuantityInterval a, QuantityInterval b) => Math.Max(a.Low, b.Low) <= Math.Min(a.High, b.High);

    /// <summary>Claimants compare by actor id, else by surname, case-insensitively: "Zamir Kabulov" and "Kabulov" are one.</summary>
    internal static string ClaimantKey(StoredClaim claim)
    {
        if (claim.ClaimantActor is { } actor)
        {
            // A person's id ends in their surname ("per:zamir-kabulov"), so linked and unlinked mentions agree.
            return actor.StartsWith("per:", StringComparison.Ordinal) ? actor[(actor.LastIndexOf('-') + 1)..] : actor;
        }

        var name = claim.ClaimedBy.Trim();
        var space = name.LastIndexOf(' ');
        return (space < 0 ? name : name[(space + 1)..]).ToLowerInvariant();
    }
}
