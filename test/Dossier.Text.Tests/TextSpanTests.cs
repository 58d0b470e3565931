using Dossier.Text;

namespace Dossier.Text.Tests;

public sealed class TextSpanTests
{
    [Fact]
    public void Rejects_end_before_start() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));

    [Fact]
    public void Overlap_is_half_open()
    {
        Assert.False(new TextSpan(0, 3).Overlaps(new TextSpan(3, 5)));
        Assert.True(new TextSpan(0, 4).Overlaps(new TextSpan(3, 5)));
    }

    [Fact]
    public void Document_slices_without_rewriting_text()
    {
        var document = new Document("d", "Russia’s envoy");
        Assert.Equal("Russia", document.TextOf(new TextSpan(0, 6)));
        Assert.Equal("’s", document.SliceOf(new TextSpan(6, 8)).ToString());
    }
}
