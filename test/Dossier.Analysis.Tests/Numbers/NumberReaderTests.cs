using Dossier.Analysis.Numbers;

namespace Dossier.Analysis.Tests.Numbers;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("one and a half", 1.5)]
    [InlineData("three and a quarter", 3.25)]
    [InlineData("half a million", 500000)]
    [InlineData("two thirds of a million", 666666.6666666666)]
    [InlineData("3 million and a half", 3500000)]
    [InlineData("five and a half million", 5500000)]
    [InlineData("one over four", 0.25)]
    [InlineData("two out of five", 0.4)]
    [InlineData("twenty-one trillion", 21e12)]
    [InlineData("six crore", 6e7)]
    [InlineData("two hundred point zero five", 200.05)]
    [InlineData("minus five", -5)]
    [InlineData("1.2e3", 1200)]
    [InlineData("3/4", 0.75)]
    [InlineData("12,34,567", 1234567)]
    [InlineData("1.234.567,5", 1234567.5)]
    public void Reads_one_number(string text, double value)
    {
        var m = Assert.Single(NumberReader.FindNumbers(text, NumberReadingOptions.Default));
        Assert.Equal(0, m.Start);
        Assert.Equal(text.Length, m.End);
        Assert.Equal(value, m.Value, 6);
    }

    [Theory]
    [InlineData("192.168.1.2", 4)]
    [InlineData("Items 22,24,26 and 31", 4)]
    [InlineData("3 hundred and 2 hundred", 2)]
    [InlineData("12 out of 10", 2)]
    public void Splits_what_is_not_one_number(string text, int count)
    {
        Assert.Equal(count, NumberReader.FindNumbers(text, NumberReadingOptions.Default).Count);
    }
}
