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
        Assert.Contains("2017-12-23  Moscow [RT]: ISIS fighters (10000, ∞) (\"over 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov [RT]: Islamic State fighters (10000, ∞) (\"over 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov [RT]: ISIS fighters [0, 10000] (\"as many as 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("2017-12-23  Zamir Kabulov via RIA Novosti [RT]: ISIS fighters (10000, ∞), increasing (\"stronger than 10,000\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("4 claims", result.Output, StringComparison.Ordinal);

        var share = CliRunner.Run(["claims", "--db", database, "--measure", "territory-share"]);
        Assert.Contains("Zamir Kabulov [RT]: ", share.Output, StringComparison.Ordinal);
        Assert.Contains("territory-share [0.5, 0.5]", share.Output, StringComparison.Ordinal);
    }
}
