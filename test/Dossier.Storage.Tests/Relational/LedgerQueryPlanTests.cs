using Dossier.Storage.Synthetic;

namespace Dossier.Storage.Tests.Relational;

/// <summary>
/// The claim ledger is paged (LIMIT n) in publication order. Read in the order of an index, a page costs n rows; sorted,
/// it costs every matching claim and its document — on the 100k-article bench store 110 ms instead of 1 ms per page,
/// which is what a planner change did before migration 008. These tests pin the plan on SQLite.
/// </summary>
public sealed class LedgerQueryPlanTests
{
    [Theory]
    [InlineData("fighters", null, "claims_measure_ledger")]
    [InlineData("fighters", "Afghanistan", "claims_measure_ledger")]
    [InlineData(null, "Afghanistan", "claims_ledger")]
    [InlineData(null, null, "claims_ledger")]
    public void Ledger_pages_are_read_in_index_order_without_sorting(string? measure, string? place, string index)
    {
        using var test = StoreUnderTest.Open("sqlite");
        var corpus = new SyntheticCorpus(seed: 3);
        test.Store.SaveMany(Enumerable.Range(0, 300).Select(corpus.Article));
        test.Store.Analyze(); // with statistics, as a real store has them after `dossier bench store` or ANALYZE

        var plan = test.Store.ExplainClaims(new ClaimFilter(Measure: measure, Place: place), limit: 100);

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        var page = test.Store.Claims(new ClaimFilter(Measure: measure, Place: place), 100);
        Assert.NotEmpty(page);
        Assert.Equal(page.Select(claim => claim.Published).Order(), page.Select(claim => claim.Published));
    }
}
