using System.Collections.Frozen;

namespace Dossier.Analysis.Tokenization;

/// <summary>
/// Words that keep their trailing period ("Gen.", "Dec.", "Inc.") and how they behave at a
/// possible sentence end. Lists are written from English newswire and style-guide usage.
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and name parts: almost always followed by a name, so never a sentence end.</summary>
    private static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
        "Cdr", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Rev", "Fr", "Sr", "Jr", "St", "Ste",
        "Pres", "Supt", "Insp", "Det", "Hon", "Amb", "Atty", "Mt", "Ft", "Pt", "Mme", "Mlle", "Msgr", "Sec", "vs", "v",
        "cf", "approx", "ca", "viz");

    /// <summary>Abbreviations that are only abbreviations before a number ("No. 10", "Art. 5", "p. 3").</summary>
    private static readonly FrozenSet<string> BeforeNumbers = FrozenSet.Create(StringComparer.Ordinal,
        "No", "no", "Nos", "nos", "Vol", "vol", "Art", "art", "pp", "Fig", "fig", "Ch", "ch", "Ex", "ex", "Nr", "nr", "Para", "para");

    /// <summary>Abbreviations that can also end a sentence ("… of Apple Inc. The company …").</summary>
    private static readonly FrozenSet<string> Enders = FrozenSet.Create(StringComparer.Ordinal,
        "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Assn", "Dept", "Univ", "Intl", "Natl", "Govt", "Plc", "LLC", "Ave", "Blvd", "Rd",
        "Hwy", "Sq", "etc", "al", "esp", "est", "min", "max", "misc", "dept", "div", "govt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
        "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis",
        "Wyo", "Alta", "Ont", "Que", "Sask", "arrv", "hr", "hrs", "yr", "yrs", "mos", "sq", "ft", "lb", "lbs", "oz", "tel", "Tel",
        "ext", "Ext", "dia", "inc", "corp", "ltd");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup = BeforeNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnderLookup = Enders.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="word"/> (without its period) takes the period into the token:
    /// listed abbreviations, single-letter initials ("W."), and dotted forms ("U.S", "a.m", "e.g").
    /// </summary>
    /// <param name="word">The word before the period.</param>
    /// <param name="digitFollows">True when the next non-space character is a digit ("No. 10").</param>
    public static bool KeepsPeriod(ReadOnlySpan<char> word, bool digitFollows) =>
        TitleLookup.Contains(word) || EnderLookup.Contains(word) || IsInitial(word) || IsDotted(word)
        || (digitFollows && BeforeNumberLookup.Contains(word));

    /// <summary>True for an abbreviation that is followed by a name and so never ends a sentence.</summary>
    public static bool IsTitle(ReadOnlySpan<char> wordWithoutPeriod) =>
        TitleLookup.Contains(wordWithoutPeriod) || IsInitial(wordWithoutPeriod);

    /// <summary>A single letter: an initial in "George W. Bush".</summary>
    public static bool IsInitial(ReadOnlySpan<char> word) => word.Length == 1 && char.IsLetter(word[0]);

    /// <summary>Letters separated by periods: "U.S", "a.m", "e.g", "Ph.D".</summary>
    public static bool IsDotted(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.IndexOf('.') < 0)
        {
            return false;
        }

        var runLength = 0;
        foreach (var c in word)
        {
            if (c == '.')
            {
                if (runLength == 0 || runLength > 3)
                {
                    return false;
                }

                runLength = 0;
            }
            else if (char.IsLetter(c))
            {
                runLength++;
            }
            else
            {
                return false;
            }
        }

        return runLength is > 0 and <= 3;
    }
}
