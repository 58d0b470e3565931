namespace Dossier.Analysis.Syntax;

/// <summary>What the tagger reads about one token, as lexicon ids (computed once per sentence).</summary>
internal struct TokenAtoms
{
    public int Lower;
    public int Exact;
    public int Suffix1;
    public int Suffix2;
    public int Suffix3;
    public int Suffix4;
    public int Prefix1;
    public int Prefix2;
    public int Prefix3;
    public int Shape;
    public int Flags;
    public int Ambiguity;
    public int Cluster4;
    public int Cluster6;
    public int Cluster10;
    public int Cluster;
}

/// <summary>
/// Tagger feature templates (in the spirit of Ratnaparkhi 1996 and Collins 2002): the word, its
/// case, affixes and shape, a two-word window either side, the two previously predicted tags, and
/// the ambiguity classes (tags seen in training) of the word and the two words after it, which
/// stand in for the right-hand tags a left-to-right tagger has not predicted yet. Word-cluster
/// path prefixes of the word and its neighbours (Koo et al. 2008; Owoputi et al. 2013) carry what
/// unlabelled news says about words the treebank has seen rarely or never.
/// </summary>
internal static class TaggerFeatures
{
    public const int Count = 42;

    /// <summary>Templates of the second (stacked) pass: <see cref="Count"/> plus eight that read the first pass's tags.</summary>
    public const int StackedCount = Count + 8;

    private const int FirstToken = 1, Capitalized = 2, AllUpper = 4, HasDigit = 8, HasHyphen = 16, HasPeriod = 32, NoLetter = 64;

    /// <summary>Fills <paramref name="atoms"/> for each (normalised) form, looking strings up in <paramref name="ids"/>.</summary>
    public static void Describe(ReadOnlySpan<string> forms, Span<TokenAtoms> atoms, IStringIds ids, Func<string, int> ambiguityOf, ClusterLexicon clusters)
    {
        Span<char> shape = stackalloc char[32];
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < forms.Length; i++)
        {
            var form = forms[i];
            ReadOnlySpan<char> lower = form.Length <= buffer.Length ? Lower(form, buffer) : form.ToLowerInvariant();
            ref var a = ref atoms[i];
            a.Lower = ids.IdOf(lower);
            a.Exact = lower.SequenceEqual(form) ? a.Lower : ids.IdOf(form);
            a.Suffix1 = ids.IdOf(Suffix(lower, 1));
            a.Suffix2 = ids.IdOf(Suffix(lower, 2));
            a.Suffix3 = ids.IdOf(Suffix(lower, 3));
            a.Suffix4 = ids.IdOf(Suffix(lower, 4));
            a.Prefix1 = ids.IdOf(Prefix(form, 1));
            a.Prefix2 = ids.IdOf(Prefix(lower, 2));
            a.Prefix3 = ids.IdOf(Prefix(lower, 3));
            a.Shape = ids.IdOf(shape[..ShapeOf(form, shape)]);
            a.Flags = FlagsOf(form, i == 0);
            a.Ambiguity = ambiguityOf(form);
            var entry = clusters.Find(form);
            a.Cluster4 = clusters.Prefix(entry, 0);
            a.Cluster6 = clusters.Prefix(entry, 1);
            a.Cluster10 = clusters.Prefix(entry, 2);
            a.Cluster = clusters.Prefix(entry, 3);
        }
    }

    /// <summary>
    /// The atoms of the sentence read backwards, from those of the sentence read forwards, without
    /// looking the strings up again: only the first-token flag depends on the position.
    /// </summary>
    public static void Reverse(ReadOnlySpan<TokenAtoms> forward, Span<TokenAtoms> backward)
    {
        for (var i = 0; i < forward.Length; i++)
        {
            backward[i] = forward[forward.Length - 1 - i];
            backward[i].Flags = (backward[i].Flags & ~FirstToken) | (i == 0 ? FirstToken : 0);
        }
    }

    private static ReadOnlySpan<char> Lower(string form, Span<char> buffer)
    {
        var length = form.AsSpan().ToLowerInvariant(buffer);
        return buffer[..length];
    }

    private static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> s, int n) => s.Length <= n ? s : s[^n..];

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>Word shape with runs capped at two: "Kabulov" → "Xxx", "10,000" → "dd,ddd" → "dd,dd".</summary>
    internal static int ShapeOf(string form, Span<char> shape)
    {
        var length = 0;
        var run = 0;
        var last = '\0';
        foreach (var c in form)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 2 && length < shape.Length)
            {
                shape[length++] = s;
            }
        }

        return length;
    }

    private static int FlagsOf(string form, bool first)
    {
        var flags = first ? FirstToken : 0;
        var letters = 0;
        var upper = 0;
        foreach (var c in form)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
            else if (char.IsDigit(c))
            {
                flags |= HasDigit;
            }
            else if (c == '-')
            {
                flags |= HasHyphen;
            }
            else if (c == '.')
            {
                flags |= HasPeriod;
            }
        }

        if (form.Length > 0 && char.IsUpper(form[0]))
        {
            flags |= Capitalized;
        }

        if (letters > 0 && upper == letters)
        {
            flags |= AllUpper;
        }

        if (letters == 0)
        {
            flags |= NoLetter;
        }

        return flags;
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> into <paramref name="features"/> (length
    /// <see cref="Count"/>). Tags are class ids offset past the lexicon's reserved ids, with
    /// <see cref="Lexicon.Boundary"/> before the sentence.
    /// </summary>
    public static void Extract(ReadOnlySpan<TokenAtoms> atoms, int i, int previousTag, int previousTag2, Span<ulong> features)
    {
        ref readonly var w = ref atoms[i];
        var wm1 = i >= 1 ? atoms[i - 1].Lower : Lexicon.Boundary;
        var wm2 = i >= 2 ? atoms[i - 2].Lower : Lexicon.Boundary;
        var wp1 = i + 1 < atoms.Length ? atoms[i + 1].Lower : Lexicon.Boundary;
        var wp2 = i + 2 < atoms.Length ? atoms[i + 2].Lower : Lexicon.Boundary;
        var sm1 = i >= 1 ? atoms[i - 1].Suffix3 : Lexicon.Boundary;
        var sp1 = i + 1 < atoms.Length ? atoms[i + 1].Suffix3 : Lexicon.Boundary;
        var shp1 = i + 1 < atoms.Length ? atoms[i + 1].Shape : Lexicon.Boundary;
        var shm1 = i >= 1 ? atoms[i - 1].Shape : Lexicon.Boundary;
        features[0] = FeatureKey.Of(0, 0);
        features[1] = FeatureKey.Of(1, w.Lower);
        features[2] = FeatureKey.Of(2, w.Exact);
        features[3] = FeatureKey.Of(3, w.Suffix1);
        features[4] = FeatureKey.Of(4, w.Suffix2);
        features[5] = FeatureKey.Of(5, w.Suffix3);
        features[6] = FeatureKey.Of(6, w.Suffix4);
        features[7] = FeatureKey.Of(7, w.Prefix1);
        features[8] = FeatureKey.Of(8, w.Prefix2);
        features[9] = FeatureKey.Of(9, w.Prefix3);
        features[10] = FeatureKey.Of(10, w.Shape);
        features[11] = FeatureKey.Of(11, wm1);
        features[12] = FeatureKey.Of(12, wm2);
        features[13] = FeatureKey.Of(13, wp1);
        features[14] = FeatureKey.Of(14, wp2);
        features[15] = FeatureKey.Of(15, previousTag);
        features[16] = FeatureKey.Of(16, previousTag2, previousTag);
        features[17] = FeatureKey.Of(17, previousTag, w.Lower);
        features[18] = FeatureKey.Of(18, sm1);
        features[19] = FeatureKey.Of(19, sp1);
        features[20] = FeatureKey.Of(20, wm1, w.Lower);
        features[21] = FeatureKey.Of(21, w.Lower, wp1);
        features[22] = FeatureKey.Of(22, w.Flags);
        features[23] = FeatureKey.Of(23, previousTag, wp1);
        features[24] = FeatureKey.Of(24, shp1);
        features[25] = FeatureKey.Of(25, shm1);
        features[26] = FeatureKey.Of(26, previousTag, w.Suffix3);
        features[27] = FeatureKey.Of(27, wm1, wp1);
        var ap1 = i + 1 < atoms.Length ? atoms[i + 1].Ambiguity : Lexicon.Boundary;
        var ap2 = i + 2 < atoms.Length ? atoms[i + 2].Ambiguity : Lexicon.Boundary;
        features[28] = FeatureKey.Of(28, w.Ambiguity);
        features[29] = FeatureKey.Of(29, ap1);
        features[30] = FeatureKey.Of(30, ap2);
        features[31] = FeatureKey.Of(31, previousTag, ap1);
        features[32] = FeatureKey.Of(32, w.Ambiguity, ap1);
        var cm1 = i >= 1 ? atoms[i - 1].Cluster : Lexicon.Boundary;
        var cp1 = i + 1 < atoms.Length ? atoms[i + 1].Cluster : Lexicon.Boundary;
        var c6p1 = i + 1 < atoms.Length ? atoms[i + 1].Cluster6 : Lexicon.Boundary;
        var c6p2 = i + 2 < atoms.Length ? atoms[i + 2].Cluster6 : Lexicon.Boundary;
        features[33] = FeatureKey.Of(33, w.Cluster4);
        features[34] = FeatureKey.Of(34, w.Cluster6);
        features[35] = FeatureKey.Of(35, w.Cluster10);
        features[36] = FeatureKey.Of(36, w.Cluster);
        features[37] = FeatureKey.Of(37, cm1);
        features[38] = FeatureKey.Of(38, cp1);
        features[39] = FeatureKey.Of(39, previousTag, w.Cluster);
        features[40] = FeatureKey.Of(40, w.Cluster6, c6p1);
        features[41] = FeatureKey.Of(41, c6p1, c6p2);
    }

    /// <summary>
    /// Features of the second pass (stacked learning, Wolpert 1992): everything <see cref="Extract"/> writes, plus the first pass's tags of the word
    /// and of the words around it. A left-to-right tagger sees only its own past decisions; the
    /// first pass tells it what follows ("that" before a verb is SCONJ, "like" before a noun ADP).
    /// <paramref name="first"/> holds the first pass's classes offset like tags (class + 3).
    /// </summary>
    public static void ExtractStacked(
        ReadOnlySpan<TokenAtoms> atoms, ReadOnlySpan<int> first, int i, int previousTag, int previousTag2, Span<ulong> features)
    {
        Extract(atoms, i, previousTag, previousTag2, features);
        var f0 = first[i];
        var fm1 = i >= 1 ? first[i - 1] : Lexicon.Boundary;
        var fp1 = i + 1 < first.Length ? first[i + 1] : Lexicon.Boundary;
        var fp2 = i + 2 < first.Length ? first[i + 2] : Lexicon.Boundary;
        var wp1 = i + 1 < atoms.Length ? atoms[i + 1].Lower : Lexicon.Boundary;
        features[Count] = FeatureKey.Of(Count, f0);
        features[Count + 1] = FeatureKey.Of(Count + 1, fp1);
        features[Count + 2] = FeatureKey.Of(Count + 2, fp2);
        features[Count + 3] = FeatureKey.Of(Count + 3, fp1, fp2);
        features[Count + 4] = FeatureKey.Of(Count + 4, fp1, atoms[i].Lower);
        features[Count + 5] = FeatureKey.Of(Count + 5, previousTag, fp1);
        features[Count + 6] = FeatureKey.Of(Count + 6, f0, fp1);
        features[Count + 7] = FeatureKey.Of(Count + 7, fm1, f0, fp1);
    }
}
