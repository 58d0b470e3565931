using Dossier.Analysis.Dates;
using Dossier.Text.Quantities;

namespace Dossier.Analysis.Tests.Dates;

public sealed class TimeExpressionRecognizerTests
{
    private static readonly DateOnly Published = new(2017, 12, 23);

    [Theory]
    [InlineData("The attack happened on 23 December 2017.", "23 December 2017", "2017-12-23", "2017-12-24", TimeGranularity.Day)]
    [InlineData("Talks resumed on Dec. 23, officials said.", "Dec. 23", "2017-12-23", "2017-12-24", TimeGranularity.Day)]
    [InlineData("The report is dated 2017-12-23.", "2017-12-23", "2017-12-23", "2017-12-24", TimeGranularity.Day)]
    [InlineData("The offensive began in April 2017.", "April 2017", "2017-04-01", "2017-05-01", TimeGranularity.Month)]
    [InlineData("The group was defeated this year.", "this year", "2017-01-01", "2018-01-01", TimeGranularity.Year)]
    [InlineData("In April, Moscow invited the US to talks.", "April", "2017-04-01", "2017-05-01", TimeGranularity.Month)]
    [InlineData("The minister arrived on Thursday.", "Thursday", "2017-12-21", "2017-12-22", TimeGranularity.Day)]
    [InlineData("Fighting intensified last week.", "last week", "2017-12-11", "2017-12-18", TimeGranularity.Week)]
    [InlineData("The convoy was attacked yesterday.", "yesterday", "2017-12-22", "2017-12-23", TimeGranularity.Day)]
    [InlineData("Elections were held in March 2016 and again in 2017.", "March 2016", "2016-03-01", "2016-04-01", TimeGranularity.Month)]
    [InlineData("The ceasefire held from 2014 to 2016.", "from 2014 to 2016", "2014-01-01", "2017-01-01", TimeGranularity.Range)]
    [InlineData("Aid arrived two weeks ago.", "two weeks ago", "2017-12-09", "2017-12-10", TimeGranularity.Day)]
    [InlineData("The town fell two years and three months ago.", "two years and three months ago", "2015-09-23", "2015-09-24", TimeGranularity.Day)]
    [InlineData("Growth slowed in the 1990s.", "1990s", "1990-01-01", "2000-01-01", TimeGranularity.Decade)]
    [InlineData("Revenue fell in Q3 2017.", "Q3 2017", "2017-07-01", "2017-10-01", TimeGranularity.Quarter)]
    public void Resolves_against_the_publication_date(string text, string span, string start, string end, TimeGranularity granularity)
    {
        var found = TimeExpressionRecognizer.Find(text, Published);
        var e = Assert.Single(found, x => text.Substring(x.Span.Start, x.Span.Length) == span);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), e.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e.End);
        Assert.Equal(granularity, e.Granularity);
    }

    [Theory]
    [InlineData("The last meeting was on Monday, and the next is on 31 December 9999.", 1, 1, 1)]
    [InlineData("They met last Tuesday and will meet again on 31 December 9999.", 9999, 12, 31)]
    public void Dates_past_the_calendar_edges_are_skipped_not_thrown(string text, int year, int month, int day)
    {
        // Against a reference at either end of DateOnly's range, day arithmetic would overflow: those readings are dropped.
        var found = TimeExpressionRecognizer.Find(text, new DateOnly(year, month, day));
        Assert.All(found, e => Assert.True(e.Start is null || e.Start <= e.End));
    }

    [Fact]
    public void Future_tense_takes_the_next_reading()
    {
        var e = Assert.Single(TimeExpressionRecognizer.Find("The talks will resume in April.", Published));
        Assert.Equal(new DateOnly(2018, 4, 1), e.Start);
    }

    [Theory]
    [InlineData("at the moment", -7, 8)]
    [InlineData("Lately", -30, 1)]
    [InlineData("currently", -7, 8)]
    public void Vague_present_is_a_window_around_the_reference(string phrase, int fromDays, int toDays)
    {
        var e = Assert.Single(TimeExpressionRecognizer.Find($"The group {phrase} holds the valley.", Published));
        Assert.Equal(TimeGranularity.Vague, e.Granularity);
        Assert.Equal(Published.AddDays(fromDays), e.Start);
        Assert.Equal(Published.AddDays(toDays), e.End);
    }

    [Theory]
    [InlineData("You may go now.")]
    [InlineData("Call 555-1212 for details.")]
    [InlineData("The troops numbered 10,000.")]
    public void Ignores_things_that_are_not_dates(string text)
    {
        Assert.Empty(TimeExpressionRecognizer.Find(text, Published, new TimeReadingOptions { VaguePresent = false }));
    }
}

public sealed class TimeExpressionFalsePositiveTests
{
    [Theory]
    [InlineData("Thousands march in Paris against the reform.")]
    [InlineData("The minister may resign next spring.")]
    [InlineData("Leaders met at the G20 summit.")]
    [InlineData("The talks are expected to last two weeks.")]
    public void Verbs_and_codes_are_not_dates(string text)
    {
        Assert.DoesNotContain(TimeExpressionRecognizer.Find(text, new DateOnly(2017, 12, 23)), e => e.Granularity is TimeGranularity.Month or TimeGranularity.Year or TimeGranularity.Range);
    }
}

public sealed class OpenEndedTimeExpressionTests
{
    private static readonly DateOnly Published = new(2017, 12, 23);

    [Theory]
    [InlineData("Fighting has continued since April.", "since April", "2017-04-01", null)]
    [InlineData("The town was held after 2014.", "after 2014", "2015-01-01", null)]
    [InlineData("The base was built before 2010.", "before 2010", null, "2010-01-01")]
    [InlineData("The curfew lasts until Friday.", "until Friday", null, "2017-12-23")]
    [InlineData("No arrests have been made to date.", "to date", null, "2017-12-23")]
    public void Open_ends_are_null(string text, string span, string? start, string? end)
    {
        var e = Assert.Single(TimeExpressionRecognizer.Find(text, Published));
        Assert.Equal(span, text.Substring(e.Span.Start, e.Span.Length));
        Assert.Equal(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), e.Start);
        Assert.Equal(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e.End);
    }
}
