using Dossier.Cli;

namespace Dossier.Cli.Tests.Commands;

public sealed class KnowledgeCommandsTests
{
    /// <summary>The repository root (the folder holding Dossier.slnx), found from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dossier.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dossier.slnx not found above the test binaries.");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DossierCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Eval_link_scores_the_held_out_gold_above_its_floor()
    {
        var root = RepositoryRoot();
        var (code, output, error) = Run("eval", "link", "--gold", Path.Combine(root, "data", "gold", "linking", "heldout.tsv"),
            "--texts", Path.Combine(root, "data", "gold", "linking", "texts"), "--min-acc", "0.98");
        Assert.True(code == 0, output + error);
        Assert.Contains("linking accuracy:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_link_fails_below_the_floor()
    {
        var root = RepositoryRoot();
        var (code, _, error) = Run("eval", "link", "--gold", Path.Combine(root, "data", "gold", "linking", "heldout.tsv"),
            "--texts", Path.Combine(root, "data", "gold", "linking", "texts"), "--min-acc", "1.01");
        Assert.Equal(1, code);
        Assert.Contains("below the floor", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_geo_reports_a_missing_corpus()
    {
        var (code, _, error) = Run("eval", "geo", "--corpus", "/nonexistent/lgl.xml");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_geo_scores_a_small_corpus()
    {
        // A two-article corpus in the LGL schema, written for this test.
        var path = Path.Combine(Path.GetTempPath(), $"dossier-geo-{Environment.ProcessId}.xml");
        File.WriteAllText(path, """
            <articles>
              <article docid="1"><text>A man from Bangor, Maine, was arrested in Portland.</text>
                <toponyms>
                  <toponym><start>11</start><end>17</end><phrase>Bangor</phrase><gaztag geonameid="1"><lat>44.80118</lat><lon>-68.77781</lon></gaztag></toponym>
                  <toponym><start>19</start><end>24</end><phrase>Maine</phrase><gaztag geonameid="2"><lat>45.5</lat><lon>-69.25</lon></gaztag></toponym>
                  <toponym><start>43</start><end>51</end><phrase>Portland</phrase><gaztag geonameid="3"><lat>43.66</lat><lon>-70.25</lon></gaztag></toponym>
                </toponyms>
              </article>
              <article docid="2"><text>Moscow believes the threat is growing.</text>
                <toponyms>
                  <toponym><start>0</start><end>6</end><phrase>Moscow</phrase><gaztag geonameid="4"><lat>55.75</lat><lon>37.62</lon></gaztag></toponym>
                </toponyms>
              </article>
            </articles>
            """);
        try
        {
            var (code, output, error) = Run("eval", "geo", "--corpus", path, "--min-acc161", "1.0");
            Assert.True(code == 0, output + error);
            Assert.Contains("accuracy@161km: 1.0000", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
