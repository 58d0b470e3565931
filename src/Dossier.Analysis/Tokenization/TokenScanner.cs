using System.Collections.Frozen;
using System.Collections.Immutable;
using Dossier.Text;

namespace Dossier.Analysis.Tokenization;

/// <summary>
/// The English news tokeniser, UD/PTB-compatible: splits a range of text into tokens without
/// copying or rewriting it. Whitespace separates chunks; each chunk is then split into words,
/// numbers, URLs, e-mail addresses, handles and punctuation, and clitics are split off words
/// (<c>do|n't</c>, <c>Russia|’s</c>) as UD's multi-word tokens do. Allocation-free apart from
/// the output builder.
/// </summary>
internal static class TokenScanner
{
    /// <summary>
    /// Prefixes that keep their hyphen inside one token ("non-human", "e-mail", "pre-war"); UD
    /// English EWT splits every other letter-hyphen-letter compound ("long - term").
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixes =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "e", "non", "pre", "anti", "mid", "re", "post", "co", "over", "pro", "multi", "ex", "sub", "semi", "cross",
            "neo", "psycho", "socio", "counter", "intra", "inter", "micro", "macro", "un", "de", "bi", "tri", "mega", "ultra",
            "quasi", "pseudo", "trans", "extra", "infra", "hyper", "mis", "out", "under", "up", "vice")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Run-together contractions that UD English writes as two words ("cannot" = can + not,
    /// "gonna" = gon + na, the apostrophe-less "dont" = do + nt): the whole word and its split point.
    /// </summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FusedWords =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["cannot"] = 3, ["gonna"] = 3, ["wanna"] = 3, ["gotta"] = 3, ["dont"] = 2, ["didnt"] = 3, ["doesnt"] = 4,
            ["isnt"] = 2, ["wasnt"] = 3, ["arent"] = 3, ["werent"] = 4, ["havent"] = 4, ["hasnt"] = 3, ["hadnt"] = 3,
            ["couldnt"] = 5, ["wouldnt"] = 5, ["shouldnt"] = 6, ["aint"] = 2, ["wont"] = 2, ["cant"] = 2,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the tokens of <c>text[start..end)</c> to <paramref name="output"/> in text order.</summary>
    public static void Scan(string text, int start, int end, ImmutableArray<Token>.Builder output)
    {
        var i = start;
        var spaceBefore = start == 0 || CharClasses.IsSpace(text[start - 1]);
        while (i < end)
        {
            if (CharClasses.IsSpace(text[i]))
            {
                i++;
                spaceBefore = true;
                continue;
            }

            var chunkEnd = i + 1;
            while (chunkEnd < end && !CharClasses.IsSpace(text[chunkEnd]))
            {
                chunkEnd++;
            }

            new ChunkScanner(text, i, chunkEnd, end, output).Run(spaceBefore);
            i = chunkEnd;
            spaceBefore = false;
        }
    }

    /// <summary>Splits one whitespace-free chunk <c>text[start..end)</c>.</summary>
    private ref struct ChunkScanner(string text, int start, int end, int limit, ImmutableArray<Token>.Builder output)
    {
        private readonly string _text = text;
        private readonly int _end = end;
        private readonly int _limit = limit;
        private readonly ImmutableArray<Token>.Builder _output = output;
        private int _position = start;
        private bool _spaceBefore;

        public void Run(bool spaceBefore)
        {
            _spaceBefore = spaceBefore;
            while (_position < _end)
            {
                var c = _text[_position];
                if (TryUrl() || TryHandle() || TryStandaloneClitic() || TryEmoticon())
                {
                    continue;
                }

                if (CharClasses.IsWordChar(c))
                {
                    ScanWord();
                }
                else
                {
                    ScanPunctuation();
                }
            }
        }

        private void Emit(int start, int end, bool continuesWord = false)
        {
            var traits = continuesWord ? TokenTraits.ContinuesWord : TokenTraits.None;
            if (_spaceBefore)
            {
                traits |= TokenTraits.SpaceBefore;
                _spaceBefore = false;
            }

            _output.Add(new Token(new TextSpan(start, end), traits));
            _position = end;
        }

        private readonly bool At(int index, char c) => index < _end && _text[index] == c;

        private readonly bool WordCharAt(int index) => index < _end && CharClasses.IsWordChar(_text[index]);

        private readonly bool DigitAt(int index) => index >= 0 && index < _end && CharClasses.IsDigit(_text[index]);

        /// <summary>http://, https://, ftp:// and www. addresses run to the end of the chunk, less trailing punctuation.</summary>
        private bool TryUrl()
        {
            var rest = _text.AsSpan(_position, _end - _position);
            if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                  || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                  || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
                  || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && WordCharAt(_position + 4))))
            {
                return false;
            }

            var urlEnd = _end;
            var openParens = rest.Count('(') - rest.Count(')');
            while (urlEnd > _position + 4)
            {
                var last = _text[urlEnd - 1];
                if (last == ')' && openParens >= 0)
                {
                    break; // a balanced ")" belongs to the URL (Wikipedia links)
                }

                if (".,;:!?'\"’”)]}>".Contains(last, StringComparison.Ordinal))
                {
                    urlEnd--;
                    if (last == ')')
                    {
                        openParens++;
                    }

                    continue;
                }

                break;
            }

            Emit(_position, urlEnd);
            return true;
        }

        /// <summary>@handles and #hashtags.</summary>
        private bool TryHandle()
        {
            var c = _text[_position];
            if ((c != '@' && c != '#') || !WordCharAt(_position + 1))
            {
                return false;
            }

            var q = _position + 1;
            while (WordCharAt(q) || (At(q, '_') && WordCharAt(q + 1)))
            {
                q++;
            }

            Emit(_position, q);
            return true;
        }

        /// <summary>A clitic written apart from its host ("Russia 's"), or an apostrophe-initial word ("'90s").</summary>
        private bool TryStandaloneClitic()
        {
            if (!CharClasses.IsApostrophe(_text[_position]) || !WordCharAt(_position + 1))
            {
                return false;
            }

            var q = _position + 1;
            while (WordCharAt(q))
            {
                q++;
            }

            var word = _text.AsSpan(_position + 1, q - _position - 1);
            if (IsCliticBody(word) || (word.Length >= 2 && CharClasses.IsDigit(word[0]) && word[^1] == 's'))
            {
                Emit(_position, q);
                return true;
            }

            return false;
        }

        private static bool IsCliticBody(ReadOnlySpan<char> word) =>
            word.Equals("s", StringComparison.OrdinalIgnoreCase) || word.Equals("m", StringComparison.OrdinalIgnoreCase)
            || word.Equals("d", StringComparison.OrdinalIgnoreCase) || word.Equals("re", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ve", StringComparison.OrdinalIgnoreCase) || word.Equals("ll", StringComparison.OrdinalIgnoreCase);

        /// <summary>A whole chunk that is an emoticon: ":)", ":-(", ";-)", ":D".</summary>
        private bool TryEmoticon()
        {
            var c = _text[_position];
            if (c != ':' && c != ';')
            {
                return false;
            }

            var q = _position + 1;
            if (At(q, '-'))
            {
                q++;
            }

            if (q < _end && "()DPp".Contains(_text[q], StringComparison.Ordinal) && !WordCharAt(q + 1) && (q + 1 == _end || _text[q + 1] is not ('(' or ')')))
            {
                Emit(_position, q + 1);
                return true;
            }

            return false;
        }

        private void ScanWord()
        {
            var start = _position;
            var q = start + 1;
            var segmentStart = start;
            while (q < _end)
            {
                var c = _text[q];
                if (CharClasses.IsWordChar(c))
                {
                    if (char.IsLetter(c) && CharClasses.IsDigit(_text[q - 1]) && !NumberKeepsLetters(start, q))
                    {
                        break; // "375mm", "650k": UD writes number and unit as two tokens
                    }

                    q++;
                    continue;
                }

                if (!WordCharAt(q + 1) || !KeepsConnector(c, q, segmentStart))
                {
                    break;
                }

                if (CharClasses.IsHyphen(c))
                {
                    segmentStart = q + 1;
                }

                q += 2;
            }

            var wordEnd = q;

            // A period after the word is part of it when the word is an abbreviation ("Gen.", "U.S."),
            // unless it also ends the sentence: then UD keeps the period apart ("in the U.S" + ".").
            // "Inc.." is the abbreviation and a full stop; "etc..." is a word and an ellipsis.
            if (At(q, '.') && (!At(q + 1, '.') || !At(q + 2, '.')) && !WordCharAt(q + 1))
            {
                var word = _text.AsSpan(start, q - start);
                if (Abbreviations.KeepsPeriod(word, NextNonSpaceIsDigit(q + 1))
                    && (At(q + 1, '.') || Abbreviations.IsTitle(word) || !PeriodEndsSentence(q + 1)))
                {
                    Emit(start, q + 1);
                    return;
                }
            }

            var split = CliticSplit(_text.AsSpan(start, wordEnd - start));
            if (split > 0)
            {
                Emit(start, start + split);
                Emit(start + split, wordEnd, continuesWord: true);
                return;
            }

            Emit(start, wordEnd);

            // The possessive apostrophe of a plural ("soldiers'") is a clitic like "'s".
            if (wordEnd < _end && CharClasses.IsApostrophe(_text[wordEnd]) && (_text[wordEnd - 1] | 0x20) == 's'
                && !WordCharAt(wordEnd + 1) && wordEnd - start > 1)
            {
                Emit(wordEnd, wordEnd + 1, continuesWord: true);
            }
        }

        /// <summary>
        /// Digits followed by letters stay one token for ordinals and decades ("21st", "1990s") and
        /// codes ending in one capital ("83N"); otherwise the letters are a unit of their own.
        /// </summary>
        private readonly bool NumberKeepsLetters(int wordStart, int letters)
        {
            // Only a word that is a number so far ("375", "1.5"), not a code like "EB4054".
            if (!CharClasses.IsDigit(_text[wordStart]))
            {
                return true;
            }

            var end = letters;
            while (end < _end && char.IsLetter(_text[end]))
            {
                end++;
            }

            if (WordCharAt(end))
            {
                return true; // letters then digits again: a code ("3a4"), keep whole
            }

            var suffix = _text.AsSpan(letters, end - letters);
            return suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("s", StringComparison.Ordinal) || (suffix.Length == 1 && CharClasses.IsUpper(suffix[0]));
        }

        /// <summary>
        /// Whether a period at <paramref name="afterPeriod"/> - 1 closes the sentence: the paragraph
        /// ends, or the next word is one that typically opens a sentence ("… Inc. The company …").
        /// </summary>
        private readonly bool PeriodEndsSentence(int afterPeriod)
        {
            var index = afterPeriod;
            while (index < _limit && CharClasses.IsSpace(_text[index]))
            {
                index++;
            }

            if (index >= _limit)
            {
                return true;
            }

            var wordEnd = index;
            while (wordEnd < _limit && CharClasses.IsWordChar(_text[wordEnd]))
            {
                wordEnd++;
            }

            return SentenceStarters.Contains(_text.AsSpan(index, wordEnd - index));
        }

        /// <summary>Whether a non-word character between two word characters stays inside the token.</summary>
        private readonly bool KeepsConnector(char c, int index, int segmentStart)
        {
            switch (c)
            {
                case '.':
                case '@':
                case '_':
                    return true; // abbreviations, decimals, domains, file names, e-mail addresses
                case '\'':
                case '’':
                    return true; // O'Brien, rock'n'roll; clitics are split off afterwards
                case ',':
                    // Thousands separators: 10,000 but not "5,a" or "1,2".
                    return DigitAt(index - 1) && DigitAt(index + 1) && DigitAt(index + 2) && DigitAt(index + 3) && !DigitAt(index + 4);
                case ':':
                    return DigitAt(index - 1) && DigitAt(index + 1); // 12:30
                case '/':
                    // 11/28/2000, and abbreviations of single letters: "b/c", "w/o".
                    return (DigitAt(index - 1) && DigitAt(index + 1))
                        || (segmentStart == index - 1 && !WordCharAt(index + 2) && char.IsLetter(_text[index - 1]));
                case '&':
                    return CharClasses.IsUpper(_text[index - 1]) && CharClasses.IsUpper(_text[index + 1]); // AT&T, S&P
                default:
                    if (CharClasses.IsHyphen(c))
                    {
                        return (DigitAt(index - 1) && DigitRunLength(index + 1) >= 3) // phone numbers: 713-853-3989, not ranges: 5-10
                            || HyphenPrefixes.Contains(_text.AsSpan(segmentStart, index - segmentStart));
                    }

                    return false;
            }
        }

        private readonly int DigitRunLength(int index)
        {
            var end = index;
            while (DigitAt(end))
            {
                end++;
            }

            return end - index;
        }

        private readonly bool NextNonSpaceIsDigit(int index)
        {
            while (index < _limit && CharClasses.IsSpace(_text[index]))
            {
                index++;
            }

            return index < _limit && CharClasses.IsDigit(_text[index]);
        }

        /// <summary>
        /// Where a clitic starts inside <paramref name="word"/> (n't, 's, 'm, 'd, 're, 've, 'll, and
        /// run-together forms like "cannot"), or 0 when the word has none.
        /// </summary>
        private static int CliticSplit(ReadOnlySpan<char> word)
        {
            var n = word.Length;
            if (n >= 4 && CharClasses.IsApostrophe(word[n - 2]) && (word[n - 1] | 0x20) == 't' && (word[n - 3] | 0x20) == 'n')
            {
                return n - 3; // do|n't, ca|n't, wo|n't
            }

            if (n >= 3 && CharClasses.IsApostrophe(word[n - 2]) && IsCliticBody(word[(n - 1)..]))
            {
                return n - 2; // Russia|'s, I|'m, they|'d
            }

            if (n >= 4 && CharClasses.IsApostrophe(word[n - 3]) && IsCliticBody(word[(n - 2)..]))
            {
                return n - 3; // we|'re, I|'ve, you|'ll
            }

            return FusedWords.TryGetValue(word, out var at) ? at : 0;
        }

        private void ScanPunctuation()
        {
            var start = _position;
            var c = _text[start];
            if (char.IsHighSurrogate(c) && start + 1 < _end)
            {
                Emit(start, start + 2); // an emoji or other astral symbol: one token of two code units
                return;
            }

            // Runs that are one token: "...", "--", "---", "!!", "?!", "``", "''", "**".
            var q = start + 1;
            if (c is '.' or '!' or '?')
            {
                while (q < _end && _text[q] is '.' or '!' or '?')
                {
                    q++; // "...", "?!", ".?": one token
                }
            }
            else if (c is '-' or '`' or '*' or '=' or '_' or '~' or '#' or '$' or '<' or '>' || (c == '\'' && At(q, '\'')))
            {
                while (q < _end && _text[q] == c)
                {
                    q++; // "--", "``", "''", "$$$", "<<"
                }
            }

            Emit(start, q);
        }
    }
}
