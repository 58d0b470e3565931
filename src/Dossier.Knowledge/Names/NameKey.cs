using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Dossier.Knowledge.Names;

/// <summary>
/// Folds a name to its lookup key: case-insensitive, diacritic-insensitive, with typographic
/// apostrophes and dashes unified, so "Élysée", "ELYSEE" and "elysee" share one key, and
/// "Nuku’alofa" matches "Nuku'alofa". Folding is char-by-char (one UTF-16 unit in, one out), so a
/// key never needs to be materialised to be hashed or compared.
/// </summary>
/// <remarks>
/// Letters U+00C0–U+024F (Latin-1 Supplement, Latin Extended-A and -B) fold to their ASCII base
/// letter; other letters fold with <see cref="char.ToLowerInvariant"/>. Whitespace (including
/// no-break space) folds to a plain space. Nothing is removed, so "U.S." and "US" stay different
/// keys: list both spellings in the data where both occur. Acronym case is checked separately by
/// <see cref="NameKey.IsCaseSensitive"/> so that "IS" never matches the verb "is".
/// </remarks>
public static class NameKey
{
    // Base letters for U+00C0..U+024F, generated from Unicode canonical decompositions (NFD first
    // code point, lower-cased) plus the usual transliterations for letters without one (Ø→o, Ł→l, ß→s).
    private const string LatinFold = "aaaaaaaceeeeiiiidnooooo×ouuuuytsaaaaaaaceeeeiiiidnooooo÷ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiĳĳjjkkkllllllŀŀllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒfɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿaaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ";

    /// <summary>The comparer that equates names with equal keys; supports span lookups without allocating.</summary>
    public static NameKeyComparer Comparer { get; } = new();

    /// <summary>Folds one character.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : c;
        }

        if (c is >= '\u00C0' and <= '\u024F')
        {
            return LatinFold[c - 0xC0];
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '\u00B4' => '\'',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            '\u00A0' or '\u2007' or '\u202F' => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>The folded key of <paramref name="name"/> as a new string.</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        return string.Create(name.Length, name, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                destination[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>Folds <paramref name="name"/> into <paramref name="destination"/>, which must be at least as long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(ReadOnlySpan<char> name, Span<char> destination)
    {
        if (destination.Length < name.Length)
        {
            throw new ArgumentException("Destination is shorter than the name.", nameof(destination));
        }

        for (var i = 0; i < name.Length; i++)
        {
            // Most names are ASCII letters: fold those here rather than through the full switch,
            // which is too large to be inlined (the gazetteer folds four million characters at load).
            var c = name[i];
            destination[i] = c is >= 'a' and <= 'z' or ' ' ? c : c is >= 'A' and <= 'Z' ? (char)(c + 32) : Fold(c);
        }
    }

    /// <summary>True when <paramref name="name"/> folds to <paramref name="key"/> (an already folded key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool FoldsTo(ReadOnlySpan<char> name, ReadOnlySpan<char> key)
    {
        if (name.Length != key.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c != key[i] && Fold(c) != key[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when two names share a key.</summary>
    public static bool Equal(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i] && Fold(left[i]) != Fold(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the folded key (FNV-1a over folded UTF-16 units), stable across runs.</summary>
    public static int Hash(ReadOnlySpan<char> name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ Fold(c)) * 16777619u;
        }

        return (int)hash;
    }

    /// <summary>
    /// True for short all-capital names, i.e. acronyms of at most four letters ("IS", "ISIS",
    /// "U.S.", "RT", "WHO", "SITE"): these only match text written the same way, because their
    /// lower-case forms are common words ("is", "us", "who", "site"). Longer all-capital names
    /// ("UNAMA", "ECOWAS") match in any case, and so do all-capital datelines ("KABUL").
    /// </summary>
    public static bool IsCaseSensitive(ReadOnlySpan<char> name)
    {
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                letters++;
            }
        }

        return letters is > 0 and <= 4;
    }
}

/// <summary>
/// Equality by <see cref="NameKey"/>: usable as a <c>FrozenDictionary</c> comparer with
/// <c>GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c>. Stateless and thread-safe.
/// </summary>
public sealed class NameKeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    internal NameKeyComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals(string? x, string? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && NameKey.Equal(x, y));

    /// <inheritdoc />
    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return NameKey.Hash(obj);
    }

    /// <inheritdoc />
    public bool Equals(ReadOnlySpan<char> alternate, string other) => other is not null && NameKey.Equal(alternate, other);

    /// <inheritdoc />
    public int GetHashCode(ReadOnlySpan<char> alternate) => NameKey.Hash(alternate);

    /// <inheritdoc />
    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();
}
