using Dossier.Corpora.PolNear;
using Dossier.Text;

namespace Dossier.Corpora.Tests.PolNear;

public sealed class PolNearReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-polnear-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_text_and_the_first_annotators_relations_with_discontinuous_spans()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "text"));
        Directory.CreateDirectory(Path.Combine(_folder, "attributions"));
        File.WriteAllText(Path.Combine(_folder, "text", "story.txt"), "Title\n\n“Yes,” she said, “indeed.”");
        File.WriteAllText(Path.Combine(_folder, "attributions", "story_b2.ann"), "T1\tSource 0 5\tTitle\nE1\tAttribution:T1 Content:T1\n");
        File.WriteAllText(Path.Combine(_folder, "attributions", "story_a1.ann"),
            "T1\tSource 14 17\tshe\nT2\tCue 18 22\tsaid\nT3\tContent 7 13;24 33\t“Yes,” “indeed.”\nsecond line of a span text\n" +
            "T4\tAttribution 18 22\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n");

        var article = Assert.Single(PolNearReader.ReadSplit(_folder));
        Assert.Equal("story", article.Name);
        var attribution = Assert.Single(article.Attributions);
        Assert.Equal([new TextSpan(7, 13), new TextSpan(24, 33)], attribution.Content);
        Assert.Equal([new TextSpan(18, 22)], attribution.Cue);
        Assert.Equal([new TextSpan(14, 17)], attribution.Source);
    }

    [Fact]
    public void A_folder_that_is_not_a_split_is_a_clear_error() =>
        Assert.Throws<DirectoryNotFoundException>(() => PolNearReader.ReadSplit(_folder).ToList());
}
