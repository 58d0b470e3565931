using Dossier.Text;
using FsCheck;
using FsCheck.Xunit;

namespace Dossier.Analysis.Tests.Sentences;

public sealed class SentenceSplitterTests
{
    private static string Sentences(string text)
    {
        var document = TestDocuments.Segment(text);
        return string.Join(" || ", document.Sentences.Select(sentence => document.TextOf(sentence.Span)));
    }

    [Theory]
    [InlineData("He left. She stayed.", "He left. || She stayed.")]
    [InlineData("“Russia was among the first,” he told RIA Novosti. “Lately IS has grown.”", "“Russia was among the first,” he told RIA Novosti. || “Lately IS has grown.”")]
    [InlineData("“Is it over?” he asked. “No.”", "“Is it over?” he asked. || “No.”")]
    [InlineData("does the US pull its weight? Russia stands for cooperation.", "does the US pull its weight? || Russia stands for cooperation.")]
    [InlineData("Gen. John Nicholson said so. Mr. Kabulov disagreed.", "Gen. John Nicholson said so. || Mr. Kabulov disagreed.")]
    [InlineData("He lives in the U.S. The war goes on.", "He lives in the U.S. || The war goes on.")]
    [InlineData("The U.S. Army left.", "The U.S. Army left.")]
    [InlineData("George W. Bush spoke.", "George W. Bush spoke.")]
    [InlineData("It ended on Dec. 23 in Kabul.", "It ended on Dec. 23 in Kabul.")]
    [InlineData("That includes fighters from Syria and Iraq.” Kabulov added more.", "That includes fighters from Syria and Iraq.” || Kabulov added more.")]
    [InlineData("Washington, he said, is focused on the Taliban.", "Washington, he said, is focused on the Taliban.")]
    [InlineData("Prices rose 1.5 per cent. Then they fell.", "Prices rose 1.5 per cent. || Then they fell.")]
    [InlineData("Wait... what happened?", "Wait... what happened?")]
    public void Splits_sentences_in_a_paragraph(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Paragraph_break_ends_a_sentence_without_a_period()
    {
        Assert.Equal("ISIS has over 10,000 fighters – Moscow || The group grew.", Sentences("ISIS has over 10,000 fighters – Moscow\nThe group grew."));
    }

    [Property(MaxTest = 200)]
    public bool Sentences_tile_the_tokens(NonNull<string> input)
    {
        var document = TestDocuments.Segment(input.Get);
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            if (sentence.FirstToken != next || sentence.EndToken <= sentence.FirstToken)
            {
                return false;
            }

            if (sentence.Span != new TextSpan(document.Tokens[sentence.FirstToken].Span.Start, document.Tokens[sentence.EndToken - 1].Span.End))
            {
                return false;
            }

            next = sentence.EndToken;
        }

        return next == document.Tokens.Length;
    }
}
