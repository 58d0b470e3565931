namespace Dossier.Analysis.Syntax;

/// <summary>
/// Finds abbreviations a text defines next to the name they stand for: "Islamic State (IS",
/// "Islamic State of Iraq and Syria (ISIS", or the other way round, "WHO (World Health
/// Organization". The tagger tags every occurrence of such an abbreviation in the document as a
/// proper noun. Without this, news text's "IS" (Islamic State) is read as the verb "is": EWT's
/// only all-capital "IS" tokens are shouted verbs (36 of 36 in train), so the treebank alone
/// cannot tell them apart; the document's own definition can.
/// </summary>
internal static class Abbreviations
{
    private const int MinLetters = 2;
    private const int MaxLetters = 8;

    // Lower-case words a name may contain without contributing a letter to its abbreviation.
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal) { "of", "the", "and", "for", "on", "in", "&", "-" };

    /// <summary>The abbreviations <paramref name="forms"/> (a document's or sentence's words, in order) define; null when none.</summary>
    public static HashSet<string>? DefinedIn(IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        HashSet<string>? found = null;
        for (var p = 1; p + 1 < forms.Count; p++)
        {
            if (!string.Equals(forms[p], "(", StringComparison.Ordinal))
            {
                continue;
            }

            // Name (ABBR ...
            var after = forms[p + 1];
            if (IsAbbreviation(after) && InitialsBefore(forms, p, after.Length) is { } before
                && string.Equals(before, after, StringComparison.Ordinal))
            {
                (found ??= new HashSet<string>(StringComparer.Ordinal)).Add(after);
            }

            // ABBR (Name ...
            var previous = forms[p - 1];
            if (IsAbbreviation(previous) && InitialsAfter(forms, p + 1, previous.Length) is { } following
                && string.Equals(following, previous, StringComparison.Ordinal))
            {
                (found ??= new HashSet<string>(StringComparer.Ordinal)).Add(previous);
            }
        }

        return found;
    }

    private static bool IsAbbreviation(string form)
    {
        if (form.Length is < MinLetters or > MaxLetters)
        {
            return false;
        }

        foreach (var c in form)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Initials of the <paramref name="letters"/> capitalised words that end just before <paramref name="end"/>.</summary>
    private static string? InitialsBefore(IReadOnlyList<string> forms, int end, int letters)
    {
        Span<char> initials = stackalloc char[letters];
        var count = 0;
        for (var i = end - 1; i >= 0 && count < letters; i--)
        {
            var form = forms[i];
            if (IsNameWord(form))
            {
                initials[letters - 1 - count] = char.ToUpperInvariant(form[0]);
                count++;
            }
            else if (count == 0 || !Connectives.Contains(form))
            {
                return null;
            }
        }

        return count == letters ? new string(initials) : null;
    }

    /// <summary>Initials of the <paramref name="letters"/> capitalised words that start at <paramref name="start"/>.</summary>
    private static string? InitialsAfter(IReadOnlyList<string> forms, int start, int letters)
    {
        Span<char> initials = stackalloc char[letters];
        var count = 0;
        for (var i = start; i < forms.Count && count < letters; i++)
        {
            var form = forms[i];
            if (IsNameWord(form))
            {
                initials[count++] = char.ToUpperInvariant(form[0]);
            }
            else if (count == 0 || !Connectives.Contains(form))
            {
                return null;
            }
        }

        // The name must be all of the parenthesis, not the start of a longer phrase.
        return count == letters ? new string(initials) : null;
    }

    // A capitalised word, not itself an abbreviation: "State", not "IS" or "(".
    private static bool IsNameWord(string form) =>
        form.Length >= 2 && char.IsUpper(form[0]) && char.IsLower(form[1]);
}
