using Dossier.Storage;
using Dossier.Storage.Ledger;
using Dossier.Text;
using Dossier.Text.Quantities;

namespace Dossier.Storage.Tests.Ledger;

public sealed class DisagreementFinderTests
{
    private static StoredClaim Claim(string claimant, string date, double low, double high, bool lowInclusive = false, bool highInclusive = false) =>
        new("doc.txt", "Outlet", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), new TextSpan(0, 5), "x", "fighters", "Islamic State", "Afghanistan",
            new QuantityInterval(low, high, lowInclusive, highInclusive, false), null, claimant, null);

    [Fact]
    public void Flags_claimants_whose_intervals_leave_a_gap()
    {
        var found = DisagreementFinder.Find(
        [
            Claim("John Nicholson", "2017-11-28", 2700, 3300, true, true),
            Claim("Zamir Kabulov", "2017-12-23", 10000, double.PositiveInfinity),
        ]);
        var disagreement = Assert.Single(found);
        Assert.False(disagreement.SameClaimant);
        Assert.Equal("fighters in afghanistan", disagreement.Topic);
    }

    [Fact]
    public void Touching_intervals_are_one_estimate_worded_twice()
    {
        // "as many as 10,000" = [0, 10000] and "over 10,000" = (10000, ∞).
        Assert.Empty(DisagreementFinder.Find(
        [
            Claim("Zamir Kabulov", "2017-12-23", 0, 10000, true, true),
            Claim("Moscow", "2017-12-23", 10000, double.PositiveInfinity),
        ]));
    }

    [Fact]
    public void A_claimant_changing_figure_over_time_is_a_shift_matched_by_surname()
    {
        var found = DisagreementFinder.Find(
        [
            Claim("Zamir Kabulov", "2017-12-23", 10000, double.PositiveInfinity),
            Claim("Kabulov", "2018-02-05", 0, 7000, true, true),
        ]);
        Assert.True(Assert.Single(found).SameClaimant);
    }
}
