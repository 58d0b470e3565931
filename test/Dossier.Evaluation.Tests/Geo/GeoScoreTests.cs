using Dossier.Evaluation.Geo;

namespace Dossier.Evaluation.Tests.Geo;

public sealed class GeoScoreTests
{
    [Fact]
    public void Accuracy_counts_unresolved_toponyms_as_misses()
    {
        var score = new GeoScore();
        score.Add(10);
        score.Add(200);
        score.Add(null);
        score.Add(161);
        Assert.Equal(4, score.Total);
        Assert.Equal(3, score.Resolved);
        Assert.Equal(0.5, score.AccuracyAt161);
        Assert.Equal(371.0 / 3, score.MeanErrorKm, 6);
        Assert.Equal(161, score.MedianErrorKm);
    }

    [Fact]
    public void Auc_is_zero_for_perfect_and_one_for_nothing_resolved()
    {
        var perfect = new GeoScore();
        perfect.Add(0);
        Assert.Equal(0, perfect.Auc);
        var nothing = new GeoScore();
        nothing.Add(null);
        Assert.Equal(1, nothing.Auc, 6);
    }

    [Fact]
    public void Misaligned_gold_offsets_move_to_the_nearest_occurrence()
    {
        const string text = "The hogs were culled in Pandi, Bulacan.";
        var aligned = GeoCorpus.Align(text, new GoldToponym(25, 30, "Pandi", 14.87, 120.95));
        Assert.Equal("Pandi", text[aligned.Start..aligned.End]);
        var unchanged = GeoCorpus.Align(text, new GoldToponym(24, 29, "Pandi", 14.87, 120.95));
        Assert.Equal(24, unchanged.Start);
    }

    [Fact]
    public void Reads_both_gold_schemas()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dossier-geo-gold-{Environment.ProcessId}.xml");
        File.WriteAllText(path, """
            <articles>
              <article docid="7"><text>Floods hit Dhaka.</text>
                <toponyms><toponym><start>11</start><end>16</end><phrase>Dhaka</phrase><gaztag geonameid="1"><lat>23.7</lat><lon>90.4</lon></gaztag></toponym>
                <toponym><start>0</start><end>6</end><phrase>Floods</phrase></toponym></toponyms>
              </article>
              <article><text>Cases rose in Lagos.</text>
                <locations><location><name>Lagos</name><start>14</start><end>19</end><lat>6.45</lat><lon>3.4</lon></location></locations>
              </article>
            </articles>
            """);
        try
        {
            var articles = GeoCorpus.Read(path);
            Assert.Equal(["7", "2"], articles.Select(a => a.Id));
            Assert.Equal(23.7, articles[0].Toponyms[0].Latitude);
            Assert.Null(articles[0].Toponyms[1].Latitude);
            Assert.Equal("Lagos", articles[1].Toponyms[0].Phrase);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
