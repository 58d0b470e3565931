using Dossier.Analysis.Tokenization;
using Dossier.Text;
using FsCheck;
using FsCheck.Xunit;

namespace Dossier.Analysis.Tests.Tokenization;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("ISIS has over 10,000 fighters.", "ISIS | has | over | 10,000 | fighters | .")]
    [InlineData("Russia’s special envoy says.", "Russia | ’s | special | envoy | says | .")]
    [InlineData("Russia's envoy", "Russia | 's | envoy")]
    [InlineData("We don't know and can't say.", "We | do | n't | know | and | ca | n't | say | .")]
    [InlineData("They’re sure we'll win, I'm told.", "They | ’re | sure | we | 'll | win | , | I | 'm | told | .")]
    [InlineData("You cannot go.", "You | can | not | go | .")]
    [InlineData("the soldiers' home", "the | soldiers | ' | home")]
    [InlineData("the U.S. Army", "the | U.S. | Army")]
    [InlineData("Gen. John Nicholson said on Dec. 23 at 5 p.m. that", "Gen. | John | Nicholson | said | on | Dec. | 23 | at | 5 | p.m. | that")]
    [InlineData("It grew 1.5 percent to $2.5 billion.", "It | grew | 1.5 | percent | to | $ | 2.5 | billion | .")]
    [InlineData("a long-term, non-binding deal", "a | long | - | term | , | non-binding | deal")]
    [InlineData("a US-led coalition", "a | US | - | led | coalition")]
    [InlineData("Syria & Iraq – Moscow", "Syria | & | Iraq | – | Moscow")]
    [InlineData("peace—or war", "peace | — | or | war")]
    [InlineData("see https://www.rt.com/news/414101-isis-afghanistan/.", "see | https://www.rt.com/news/414101-isis-afghanistan/ | .")]
    [InlineData("(www.example.org)", "( | www.example.org | )")]
    [InlineData("mail press@example.com now", "mail | press@example.com | now")]
    [InlineData("follow @RT_com and #Afghanistan", "follow | @RT_com | and | #Afghanistan")]
    [InlineData("Wait... what?!", "Wait | ... | what | ?!")]
    [InlineData("Wait… what", "Wait | … | what")]
    [InlineData("“Russia was first,” he told RIA Novosti.", "“ | Russia | was | first | , | ” | he | told | RIA | Novosti | .")]
    [InlineData("He said \"no\".", "He | said | \" | no | \" | .")]
    [InlineData("‘Scare’ quotes", "‘ | Scare | ’ | quotes")]
    [InlineData("AT&T and S&P", "AT&T | and | S&P")]
    [InlineData("call 713-853-3989 on 11/28/2000 at 12:30", "call | 713-853-3989 | on | 11/28/2000 | at | 12:30")]
    [InlineData("ages 13-17", "ages | 13 | - | 17")]
    [InlineData("the 21st century and the 1990s", "the | 21st | century | and | the | 1990s")]
    [InlineData("a 375mm statue", "a | 375 | mm | statue")]
    [InlineData("Apple Inc. The company", "Apple | Inc | . | The | company")]
    [InlineData("Apple Inc. said", "Apple | Inc. | said")]
    [InlineData("in the U.S.", "in | the | U.S | .")]
    [InlineData("No. 10 and the answer is No.", "No. | 10 | and | the | answer | is | No | .")]
    [InlineData("Islamic State (IS, formerly ISIS) was", "Islamic | State | ( | IS | , | formerly | ISIS | ) | was")]
    [InlineData("Moscow\u00A0believes", "Moscow | believes")]
    public void Splits_newswire_text_like_UD_English(string text, string expected) =>
        Assert.Equal(expected, TestDocuments.Tokens(text));

    [Fact]
    public void Marks_split_clitics_as_continuing_the_word()
    {
        var document = TestDocuments.Segment("I don't");
        Assert.Equal([false, false, true], document.Tokens.Select(token => token.ContinuesWord));
    }

    [Fact]
    public void Records_whitespace_before_tokens()
    {
        var document = TestDocuments.Segment("Hello, world");
        Assert.Equal([true, false, true], document.Tokens.Select(token => (token.Traits & TokenTraits.SpaceBefore) != 0));
    }

    [Fact]
    public void Keeps_decomposed_accents_inside_words()
    {
        // "Zürich" with U+0308 COMBINING DIAERESIS: NFD input tokenises like NFC input.
        Assert.Equal("Zu\u0308rich | is", TestDocuments.Tokens("Zu\u0308rich is"));
    }

    [Fact]
    public void Keeps_emoji_surrogate_pairs_whole()
    {
        Assert.Equal("great | 👍", TestDocuments.Tokens("great 👍"));
    }

    [Property(MaxTest = 300)]
    public bool Tokens_are_ordered_disjoint_non_empty_and_free_of_whitespace(NonNull<string> input)
    {
        var text = input.Get;
        var tokens = Tokenizer.Tokenize(text);
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            if (token.Span.Start < previousEnd || token.Span.IsEmpty || token.Span.End > text.Length)
            {
                return false;
            }

            if (text.AsSpan(token.Span.Start, token.Span.Length).ContainsAny(' ', '\n', '\t'))
            {
                return false;
            }

            previousEnd = token.Span.End;
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Every_non_space_character_is_in_a_token(NonNull<string> input)
    {
        var text = input.Get;
        var covered = new bool[text.Length];
        foreach (var token in Tokenizer.Tokenize(text))
        {
            for (var i = token.Span.Start; i < token.Span.End; i++)
            {
                covered[i] = true;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i] && !CharClasses.IsSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
