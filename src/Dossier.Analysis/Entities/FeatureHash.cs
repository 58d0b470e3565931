namespace Dossier.Analysis.Entities;

/// <summary>
/// Stable 64-bit hashes for feature keys. Features are never materialised as strings: a template
/// number and the hash of its value(s) are mixed into one key, so extraction allocates nothing.
/// The functions are fixed (FNV-1a over UTF-16 code units, then the MurmurHash3 64-bit finaliser),
/// unlike <see cref="string.GetHashCode()"/>, so saved models stay valid across processes.
/// </summary>
internal static class FeatureHash
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Hash of a character sequence.</summary>
    public static ulong Of(ReadOnlySpan<char> value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>Hash of the lower-case form of a character sequence, without allocating.</summary>
    public static ulong OfLower(ReadOnlySpan<char> value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>The key of feature <paramref name="template"/> with one value.</summary>
    public static ulong Key(int template, ulong value) => NonZero(Mix(value + (((ulong)template + 1) * Golden)));

    /// <summary>The key of feature <paramref name="template"/> with two values (order matters).</summary>
    public static ulong Key(int template, ulong first, ulong second) => Key(template, Mix(first ^ (second * Golden + 0x632BE59BD9B4E019UL)));

    /// <summary>The key of feature <paramref name="template"/> with three values (order matters).</summary>
    public static ulong Key(int template, ulong first, ulong second, ulong third) => Key(template, Mix(first ^ (second * Golden + 0x632BE59BD9B4E019UL)), third);

    /// <summary>MurmurHash3's 64-bit finaliser: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    // Zero marks an empty slot in FeatureTable, so no key may be zero.
    private static ulong NonZero(ulong key) => key == 0 ? 1 : key;
}
