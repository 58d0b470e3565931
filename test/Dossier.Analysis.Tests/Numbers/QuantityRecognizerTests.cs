using Dossier.Analysis.Numbers;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Tests.Numbers;

public sealed class QuantityRecognizerTests
{
    private static Quantity Single(string text, string expectedSpan)
    {
        var found = QuantityRecognizer.Find(text);
        var q = Assert.Single(found, x => text.Substring(x.Span.Start, x.Span.Length) == expectedSpan);
        return q;
    }

    [Theory]
    [InlineData("Officials said 10,000 people had fled.", "10,000", 10000)]
    [InlineData("Officials said 10 000 people had fled.", "10 000", 10000)]
    [InlineData("The fund holds 1.5m dollars in cash.", "1.5m", 1500000)]
    [InlineData("The deal is worth $2bn, the company said.", "$2bn", 2e9)]
    [InlineData("The city has 2.5 million voters.", "2.5 million", 2500000)]
    [InlineData("Ten thousand protesters marched on Sunday.", "Ten thousand", 10000)]
    [InlineData("The army sent a dozen tanks to the border.", "a dozen", 12)]
    [InlineData("The list names one hundred and twenty-five officials.", "one hundred and twenty-five", 125)]
    [InlineData("Turnout reached 1,234,567.5 in the final count.", "1,234,567.5", 1234567.5)]
    [InlineData("Police seized three hundred and two kilograms.", "three hundred and two", 302)]
    [InlineData("Exports fell to 4.5 billion euros.", "4.5 billion", 4.5e9)]
    public void Reads_cardinals(string text, string span, double value)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Cardinal, q.Kind);
        Assert.Equal(QuantityComparison.Exact, q.Comparison);
        Assert.Equal(value, q.Value, 6);
    }

    [Fact]
    public void Records_the_currency_as_the_unit()
    {
        const string text = "The deal is worth $2bn.";
        var q = Assert.Single(QuantityRecognizer.Find(text));
        Assert.Equal("$", q.Unit);
        Assert.Equal("2bn", text.Substring(q.NumberSpan.Start, q.NumberSpan.Length));
    }

    [Theory]
    [InlineData("About two-thirds of the budget goes to defence.", "two-thirds", 2.0 / 3)]
    [InlineData("A third of the villages have no water.", "A third", 1.0 / 3)]
    [InlineData("Rebels hold half of the province.", "half", 0.5)]
    [InlineData("Three quarters of the ballots were counted.", "Three quarters", 0.75)]
    public void Reads_proportions(string text, string number, double value)
    {
        var q = Assert.Single(QuantityRecognizer.Find(text), x => text.Substring(x.NumberSpan.Start, x.NumberSpan.Length) == number);
        Assert.Equal(QuantityKind.Proportion, q.Kind);
        Assert.True(q.IsFraction);
        Assert.Equal(value, q.Value, 9);
    }

    [Theory]
    [InlineData("Unemployment rose to 30% in the region.", "30%", 30)]
    [InlineData("Unemployment rose to 30 per cent in the region.", "30 per cent", 30)]
    [InlineData("Support dropped by twelve percent.", "twelve percent", 12)]
    public void Reads_percentages(string text, string span, double value)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Percent, q.Kind);
        Assert.Equal(value, q.Value, 9);
    }

    [Theory]
    [InlineData("He was the first foreign leader to visit.", "first", 1)]
    [InlineData("It was the 21st attack this month.", "21st", 21)]
    [InlineData("The twenty-fifth summit opened on Monday.", "twenty-fifth", 25)]
    public void Keeps_ordinals_apart(string text, string span, double rank)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityKind.Ordinal, q.Kind);
        Assert.Equal(rank, q.Value);
    }

    [Theory]
    [InlineData("The group has over 10,000 fighters.", "over 10,000", 10000, double.PositiveInfinity, false, false)]
    [InlineData("It has as many as 10,000 troops.", "as many as 10,000", 0, 10000, true, true)]
    [InlineData("Its force is stronger than 10,000 troops.", "stronger than 10,000", 10000, double.PositiveInfinity, false, false)]
    [InlineData("The militia has no less than 5,000 men.", "no less than 5,000", 5000, double.PositiveInfinity, true, false)]
    [InlineData("The number exceeds 3,000, officials said.", "exceeds 3,000", 3000, double.PositiveInfinity, false, false)]
    [InlineData("The army has up to 7,000 soldiers there.", "up to 7,000", 0, 7000, true, true)]
    [InlineData("Fewer than 200 people attended.", "Fewer than 200", 0, 200, true, false)]
    [InlineData("At least 40 people were killed.", "At least 40", 40, double.PositiveInfinity, true, false)]
    [InlineData("Between 5,000 and 7,000 fighters remain.", "Between 5,000 and 7,000", 5000, 7000, true, true)]
    [InlineData("Estimates range from 5 to 10 brigades.", "from 5 to 10", 5, 10, true, true)]
    [InlineData("The camp holds 5,000-7,000 refugees.", "5,000-7,000", 5000, 7000, true, true)]
    [InlineData("Police detained 500 or more protesters.", "500 or more", 500, double.PositiveInfinity, true, false)]
    [InlineData("The deal is worth more than $2bn.", "more than $2bn", 2e9, double.PositiveInfinity, false, false)]
    [InlineData("Support is between 20% and 30%.", "between 20% and 30%", 20, 30, true, true)]
    public void Turns_qualifiers_into_intervals(string text, string span, double low, double high, bool lowInclusive, bool highInclusive)
    {
        var q = Single(text, span);
        Assert.Equal(low, q.Interval.Low);
        Assert.Equal(high, q.Interval.High);
        Assert.Equal(lowInclusive, q.Interval.LowInclusive);
        Assert.Equal(highInclusive, q.Interval.HighInclusive);
        Assert.False(q.Interval.Approximate);
    }

    [Theory]
    [InlineData("Around 3,000 troops crossed the river.", "Around 3,000", 2700, 3300, true)]
    [InlineData("Approximately 3,000 troops crossed the river.", "Approximately 3,000", 2700, 3300, true)]
    [InlineData("Some 3,000 troops crossed the river.", "Some 3,000", 2700, 3300, true)]
    [InlineData("Nearly 3,000 troops crossed the river.", "Nearly 3,000", 2700, 3000, false)]
    [InlineData("Almost 3,000 troops crossed the river.", "Almost 3,000", 2700, 3000, false)]
    public void Approximations_widen_by_ten_percent(string text, string span, double low, double high, bool highInclusive)
    {
        var q = Single(text, span);
        Assert.True(q.Interval.Approximate);
        Assert.Equal(low, q.Interval.Low, 6);
        Assert.Equal(high, q.Interval.High, 6);
        Assert.Equal(highInclusive, q.Interval.HighInclusive);
    }

    [Theory]
    [InlineData("Thousands of reservists were called up.", "Thousands", 2000, 10000)]
    [InlineData("Hundreds of families left the town.", "Hundreds", 200, 1000)]
    [InlineData("Tens of thousands of people marched.", "Tens of thousands", 20000, 100000)]
    [InlineData("Several thousand soldiers are stationed there.", "Several thousand", 3000, 10000)]
    [InlineData("Dozens of shops were looted.", "Dozens", 24, 100)]
    public void Vague_quantities_have_documented_intervals(string text, string span, double low, double high)
    {
        var q = Single(text, span);
        Assert.Equal(QuantityComparison.Vague, q.Comparison);
        Assert.True(q.Interval.Approximate);
        Assert.Equal(low, q.Interval.Low);
        Assert.Equal(high, q.Interval.High);
    }

    [Theory]
    [InlineData("Which one do you prefer?")]
    [InlineData("The 180ml bottle was empty.")]
    [InlineData("He ran the 29km route.")]
    [InlineData("Leaders met at the G20 summit.")]
    public void Ignores_non_numbers(string text)
    {
        Assert.Empty(QuantityRecognizer.Find(text, new QuantityReadingOptions { Ordinals = false }));
    }

    [Fact]
    public void Spans_lie_inside_the_text_and_do_not_overlap()
    {
        const string text = "Over 10,000 fighters, about half of them foreign, and 30% of the 2,500 recruits arrived between May and June.";
        var found = QuantityRecognizer.Find(text);
        int last = 0;
        foreach (var q in found)
        {
            Assert.True(q.Span.Start >= last && q.Span.End <= text.Length);
            Assert.True(q.Span.Contains(q.NumberSpan));
            last = q.Span.End;
        }
    }
}

public sealed class QuantityRecognizerPropertyTests
{
    // Random sentences drawn from number and date words, so the grammar is exercised, not just noise.
    private static readonly string[] Vocabulary =
    [
        "over", "10,000", "as", "many", "up", "to", "between", "and", "from", "-", "%", "per", "cent", "half", "of", "a", "third",
        "one", "hundred", "twenty", "-", "five", "thousand", "million", "and", "a", "half", "first", "21st", "about", "nearly",
        "thousands", "tens", "several", "dozen", "1.5m", "$", "2bn", "3/4", "in", "April", "2017", "May", "this", "year", "last",
        "week", "on", "Thursday", "since", "before", "ago", "two", "days", "the", "end", "2014-2018", "12/23/2017", "Dec.", "23",
        ",", ".", "or", "more", "less", "than", "at", "least", "moment", "lately", "q1", "1990s", "next", "month", "until", "to", "date",
    ];

    private static string Sentence(int[]? picks) =>
        string.Join(' ', (picks ?? []).Select(p => Vocabulary[(int)((uint)p % (uint)Vocabulary.Length)]));

    // A fixed seed keeps the run deterministic; 500 random sentences per run.
    [FsCheck.Xunit.Property(Replay = "20171223,13", MaxTest = 500)]
    public bool Quantities_lie_inside_the_text_in_order(int[]? picks)
    {
        string text = Sentence(picks);
        int last = 0;
        foreach (var q in QuantityRecognizer.Find(text))
        {
            if (q.Span.Start < last || q.Span.End > text.Length || !q.Span.Contains(q.NumberSpan) || q.Interval.Low > q.Interval.High)
            {
                return false;
            }

            last = q.Span.End;
        }

        return true;
    }

    [FsCheck.Xunit.Property(Replay = "20171223,13", MaxTest = 500)]
    public bool Time_expressions_lie_inside_the_text_in_order(int[]? picks)
    {
        string text = Sentence(picks);
        int last = 0;
        foreach (var e in Dossier.Analysis.Dates.TimeExpressionRecognizer.Find(text, new DateOnly(2017, 12, 23)))
        {
            if (e.Span.Start < last || e.Span.End > text.Length || (e.Start is { } s && e.End is { } en && s > en))
            {
                return false;
            }

            last = e.Span.End;
        }

        return true;
    }
}
