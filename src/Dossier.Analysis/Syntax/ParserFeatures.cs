namespace Dossier.Analysis.Syntax;

/// <summary>
/// Parser feature templates after Zhang and Nivre (2011), adapted to arc-hybrid (where s1 rather
/// than s0's head competes for s0): words, tags and labels of the top three stack items, the first
/// three buffer words and the outermost dependents of s0, s1 and b0, plus distance, valency and
/// label-set features. Words are lower-cased, tags are the tagger's predicted XPOS. Word-cluster
/// path prefixes of s0, s1, b0 and b1, alone and paired with tags and with each other, stand in
/// for word features the treebank is too small to learn (Koo, Carreras and Collins 2008).
/// </summary>
internal static class ParserFeatures
{
    public const int Count = 115;

    /// <summary>Cluster atoms per word in the <c>clusters</c> array: path prefixes of 4 and 6 bits and the whole path.</summary>
    public const int ClusterStride = 3;

    /// <summary>Writes the features of <paramref name="state"/> into <paramref name="f"/> (length <see cref="Count"/>).</summary>
    /// <remarks>
    /// <paramref name="punctuation"/>[i] counts punctuation tokens among words 1..i, so the number between two words is a difference.
    /// <paramref name="clusters"/> holds <see cref="ClusterStride"/> atoms per 1-based word (coarse to fine).
    /// </remarks>
    public static void Extract(ArcHybridState state, int[] words, int[] tags, int[] suffixes, int[] punctuation, int[] clusters, Span<ulong> f)
    {
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var s2 = state.Stack(2);
        var b0 = state.BufferAt(0);
        var b1 = state.BufferAt(1);
        var b2 = state.BufferAt(2);
        var s0l = Child(state.LeftMost, s0);
        var s0l2 = Child(state.LeftMost2, s0);
        var s0r = Child(state.RightMost, s0);
        var s0r2 = Child(state.RightMost2, s0);
        var s1l = Child(state.LeftMost, s1);
        var s1r = Child(state.RightMost, s1);
        var b0l = Child(state.LeftMost, b0);
        var b0l2 = Child(state.LeftMost2, b0);

        int W(int p) => p < 0 ? Lexicon.None : p == 0 ? Lexicon.Boundary : words[p];
        int T(int p) => p < 0 ? Lexicon.None : p == 0 ? Lexicon.Boundary : tags[p];
        int L(int p) => p < 0 || state.Labels[p] < 0 ? Lexicon.None : state.Labels[p] + 3;

        int s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
        int b1w = W(b1), b1t = T(b1), b2t = T(b2);
        int s0lt = T(s0l), s0rt = T(s0r), b0lt = T(b0l), s1rt = T(s1r), s1lt = T(s1l);
        var d = s0 > 0 && b0 > 0 ? Bucket(b0 - s0) : 0;
        var d1 = s1 > 0 && s0 > 0 ? Bucket(s0 - s1) : 0;
        int s0vl = s0 >= 0 ? state.LeftCount[s0] : 0, s0vr = s0 >= 0 ? state.RightCount[s0] : 0;
        int b0vl = b0 >= 0 ? state.LeftCount[b0] : 0, s1vr = s1 >= 0 ? state.RightCount[s1] : 0;

        f[0] = FeatureKey.Of(0, 0);
        f[1] = FeatureKey.Of(1, s0w);
        f[2] = FeatureKey.Of(2, s0t);
        f[3] = FeatureKey.Of(3, s0w, s0t);
        f[4] = FeatureKey.Of(4, b0w);
        f[5] = FeatureKey.Of(5, b0t);
        f[6] = FeatureKey.Of(6, b0w, b0t);
        f[7] = FeatureKey.Of(7, b1w);
        f[8] = FeatureKey.Of(8, b1t);
        f[9] = FeatureKey.Of(9, b1w, b1t);
        f[10] = FeatureKey.Of(10, W(b2));
        f[11] = FeatureKey.Of(11, b2t);
        f[12] = FeatureKey.Of(12, s1w);
        f[13] = FeatureKey.Of(13, s1t);
        f[14] = FeatureKey.Of(14, s1w, s1t);
        f[15] = FeatureKey.Of(15, T(s2));
        f[16] = FeatureKey.Of(16, W(s2));
        f[17] = FeatureKey.Of(17, s0w, s0t, b0t);
        f[18] = FeatureKey.Of(18, s0t, b0w, b0t);
        f[19] = FeatureKey.Of(19, s0w, b0w);
        f[20] = FeatureKey.Of(20, s0t, b0t);
        f[21] = FeatureKey.Of(21, s0w, b0w, b0t);
        f[22] = FeatureKey.Of(22, s0w, s0t, b0w);
        f[23] = FeatureKey.Of(23, b0t, b1t);
        f[24] = FeatureKey.Of(24, b0t, b1t, b2t);
        f[25] = FeatureKey.Of(25, s0t, b0t, b1t);
        f[26] = FeatureKey.Of(26, s1t, s0t, b0t);
        f[27] = FeatureKey.Of(27, s1t, s0t);
        f[28] = FeatureKey.Of(28, s1w, s0w);
        f[29] = FeatureKey.Of(29, s1w, s0t);
        f[30] = FeatureKey.Of(30, s1t, s0w);
        f[31] = FeatureKey.Of(31, T(s2), s1t, s0t);
        f[32] = FeatureKey.Of(32, s0t, s0lt, b0t);
        f[33] = FeatureKey.Of(33, s0t, s0rt, b0t);
        f[34] = FeatureKey.Of(34, s0t, b0t, b0lt);
        f[35] = FeatureKey.Of(35, s1t, s1rt, s0t);
        f[36] = FeatureKey.Of(36, s1t, s0t, s0lt);
        f[37] = FeatureKey.Of(37, s1t, s0t, s0rt);
        f[38] = FeatureKey.Of(38, s0w, d);
        f[39] = FeatureKey.Of(39, s0t, d);
        f[40] = FeatureKey.Of(40, b0w, d);
        f[41] = FeatureKey.Of(41, b0t, d);
        f[42] = FeatureKey.Of(42, s1t, d1);
        f[43] = FeatureKey.Of(43, s0t, b0t, d);
        f[44] = FeatureKey.Of(44, s1t, s0t, d1);
        f[45] = FeatureKey.Of(45, s0w, b0w, d);
        f[46] = FeatureKey.Of(46, s0w, s0vr);
        f[47] = FeatureKey.Of(47, s0t, s0vr);
        f[48] = FeatureKey.Of(48, s0w, s0vl);
        f[49] = FeatureKey.Of(49, s0t, s0vl);
        f[50] = FeatureKey.Of(50, b0w, b0vl);
        f[51] = FeatureKey.Of(51, b0t, b0vl);
        f[52] = FeatureKey.Of(52, s1t, s1vr);
        f[53] = FeatureKey.Of(53, s1w, s1vr);
        f[54] = FeatureKey.Of(54, W(s0l));
        f[55] = FeatureKey.Of(55, s0lt);
        f[56] = FeatureKey.Of(56, L(s0l));
        f[57] = FeatureKey.Of(57, W(s0r));
        f[58] = FeatureKey.Of(58, s0rt);
        f[59] = FeatureKey.Of(59, L(s0r));
        f[60] = FeatureKey.Of(60, W(b0l));
        f[61] = FeatureKey.Of(61, b0lt);
        f[62] = FeatureKey.Of(62, L(b0l));
        f[63] = FeatureKey.Of(63, W(s1r));
        f[64] = FeatureKey.Of(64, s1rt);
        f[65] = FeatureKey.Of(65, L(s1r));
        f[66] = FeatureKey.Of(66, s1lt);
        f[67] = FeatureKey.Of(67, L(s1l));
        f[68] = FeatureKey.Of(68, W(s0l2));
        f[69] = FeatureKey.Of(69, T(s0l2));
        f[70] = FeatureKey.Of(70, L(s0l2));
        f[71] = FeatureKey.Of(71, W(s0r2));
        f[72] = FeatureKey.Of(72, T(s0r2));
        f[73] = FeatureKey.Of(73, L(s0r2));
        f[74] = FeatureKey.Of(74, W(b0l2));
        f[75] = FeatureKey.Of(75, T(b0l2));
        f[76] = FeatureKey.Of(76, L(b0l2));
        f[77] = FeatureKey.Of(77, s0t, s0lt, T(s0l2));
        f[78] = FeatureKey.Of(78, s0t, s0rt, T(s0r2));
        f[79] = FeatureKey.Of(79, b0t, b0lt, T(b0l2));
        f[80] = FeatureKey.Of(80, s0w, LabelSet(state.RightLabels, s0));
        f[81] = FeatureKey.Of(81, s0t, LabelSet(state.RightLabels, s0));
        f[82] = FeatureKey.Of(82, s0w, LabelSet(state.LeftLabels, s0));
        f[83] = FeatureKey.Of(83, s0t, LabelSet(state.LeftLabels, s0));
        f[84] = FeatureKey.Of(84, b0w, LabelSet(state.LeftLabels, b0));
        f[85] = FeatureKey.Of(85, b0t, LabelSet(state.LeftLabels, b0));
        f[86] = FeatureKey.Of(86, b0w, b1w);
        f[87] = FeatureKey.Of(87, s0t, L(s0l), L(s0r));
        // Punctuation between the candidates: a comma between s0 and b0 usually ends a phrase.
        var pb = s0 > 0 && b0 > 0 ? Math.Min(punctuation[b0 - 1] - punctuation[s0], 3) : 0;
        var ps = s1 > 0 && s0 > 0 ? Math.Min(punctuation[s0 - 1] - punctuation[s1], 3) : 0;
        f[88] = FeatureKey.Of(88, s0t, b0t, pb + 1);
        f[89] = FeatureKey.Of(89, s1t, s0t, ps + 1);
        f[90] = FeatureKey.Of(90, s0w, s1w, b0t);
        f[91] = FeatureKey.Of(91, s0t, s1t, b0w);
        f[92] = FeatureKey.Of(92, b0w, b1t);
        f[93] = FeatureKey.Of(93, b0t, b1w);
        f[94] = FeatureKey.Of(94, T(s2), s1t, b0t);
        f[95] = FeatureKey.Of(95, s0w, s0t, pb + 1);
        // Last three letters stand in for rare and unknown words, whose word features are empty.
        int S(int p) => p <= 0 ? Lexicon.None : suffixes[p];
        f[96] = FeatureKey.Of(96, S(s0), s0t);
        f[97] = FeatureKey.Of(97, S(b0), b0t);
        f[98] = FeatureKey.Of(98, S(s0), b0t);
        f[99] = FeatureKey.Of(99, s0t, S(b0));
        int C(int p, int level) => p < 0 ? Lexicon.None : p == 0 ? Lexicon.Boundary : clusters[(p * ClusterStride) + level];
        int s0c = C(s0, 2), b0c = C(b0, 2), s1c = C(s1, 2), s0c6 = C(s0, 1), b0c6 = C(b0, 1), s1c6 = C(s1, 1);
        f[100] = FeatureKey.Of(100, s0c);
        f[101] = FeatureKey.Of(101, b0c);
        f[102] = FeatureKey.Of(102, s1c);
        f[103] = FeatureKey.Of(103, C(b1, 2));
        f[104] = FeatureKey.Of(104, s0c6, b0t);
        f[105] = FeatureKey.Of(105, s0t, b0c6);
        f[106] = FeatureKey.Of(106, C(s0, 0), C(b0, 0));
        f[107] = FeatureKey.Of(107, s0c6, b0c6);
        f[108] = FeatureKey.Of(108, s0c, b0t);
        f[109] = FeatureKey.Of(109, s0t, b0c);
        f[110] = FeatureKey.Of(110, s1c6, s0c6);
        f[111] = FeatureKey.Of(111, s1t, s0c);
        f[112] = FeatureKey.Of(112, s1c, s0t);
        f[113] = FeatureKey.Of(113, b0c6, C(b1, 1));
        f[114] = FeatureKey.Of(114, s0c, b0c);
    }

    private static int Child(int[] children, int head) => head < 0 ? -1 : children[head];

    private static int Bucket(int distance) => distance switch
    {
        <= 4 => distance,
        <= 7 => 5,
        <= 12 => 6,
        _ => 7,
    };

    // Label sets are 64-bit masks; folding them to 19 bits may merge two rare sets, which only blurs a feature.
    private static int LabelSet(ulong[] masks, int head) =>
        head < 0 ? 0 : (int)((masks[head] * 0x9E3779B97F4A7C15UL) >> 45);
}
