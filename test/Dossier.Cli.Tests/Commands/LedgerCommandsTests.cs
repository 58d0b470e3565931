namespace Dossier.Cli.Tests.Commands;

public sealed class LedgerCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-ledger-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Seed_article_claims_are_in_the_ledger_with_intervals_claimants_and_channel()
    {
        var database = Path.Combine(_folder, "ledger.db");
        Assert.Equal(0, CliRunner.Run(["ingest", CliRunner.Seed, "--db", database, "--quiet"]).ExitCode);
        var result = CliRunner.Run(["claims", "--db", database, "--measure", "fighters", "--place", "Afghanistan"]);
        Assert.Contains("2017-12-23  Moscow [RT]: Islamic State fighters (10000, ∞) (\"over 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov [RT]: Islamic State fighters (10000, ∞) (\"over 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov [RT]: Islamic State fighters [0, 10000] (\"as many as 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov via RIA Novosti [RT]: Islamic State fighters (10000, ∞), increasing (\"stronger than 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 claims", result.Output, StringComparison.Ordinal);

        var share = CliRunner.Run(["claims", "--db", database, "--measure", "territory-share"]);
        Assert.Contains("Zamir Kabulov [RT]: ", share.Output, StringComparison.Ordinal);
        Assert.Contains("territory-share [0.5, 0.5]", share.Output, StringComparison.Ordinal);
    }
}

public sealed class DemoLedgerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-demo-ledger-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Demo_corpus_flags_the_Russian_and_US_estimates_as_a_disagreement_and_Kabulovs_change_as_a_shift()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "isis-afghanistan");
        var database = Path.Combine(_folder, "demo.db");
        Assert.Equal(0, CliRunner.Run(["ingest", samples, "--db", database, "--quiet"]).ExitCode);
        var result = CliRunner.Run(["disagreements", "--db", database, "--measure", "fighters"]);
        Assert.Contains("fighters in afghanistan", result.Output, StringComparison.Ordinal);
        // The headline "US commander says …" names nobody: the claimant is the description, not the country.
        Assert.Contains("  disagree  2017-11-28  US commander [Wire]: Islamic State fighters [2700, 3300]~ (\"about 3,000\"", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"  shift     2017-12-2\d  (Zamir )?Kabulov .*\(10000, ∞\)", result.Output);
        Assert.Contains("2018-02-05  Kabulov [TASS]: ", result.Output, StringComparison.Ordinal);
    }
}
