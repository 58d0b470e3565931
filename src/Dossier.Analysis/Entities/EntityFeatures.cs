using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>The feature keys of one document: token <c>i</c> owns <c>Keys[Offsets[i] .. Offsets[i + 1])</c>.</summary>
internal sealed class FeatureBuffer
{
    public ulong[] Keys { get; private set; } = new ulong[1024];

    public int[] Offsets { get; private set; } = new int[65];

    public int TokenCount { get; private set; }

    public int Count { get; private set; }

    public ReadOnlySpan<ulong> Of(int token) => Keys.AsSpan(Offsets[token], Offsets[token + 1] - Offsets[token]);

    public void Reset(int tokens)
    {
        if (Offsets.Length < tokens + 1)
        {
            Offsets = new int[tokens + 1];
        }

        TokenCount = 0;
        Count = 0;
    }

    public void Add(ulong key)
    {
        if (Count == Keys.Length)
        {
            var grown = new ulong[Keys.Length * 2];
            Keys.CopyTo(grown, 0);
            Keys = grown;
        }

        Keys[Count++] = key;
    }

    public void EndToken() => Offsets[++TokenCount] = Count;

    /// <summary>Lower-case hash of each token, kept from the first-pass extraction for the second.</summary>
    public ulong[] Lower { get; set; } = [];

    /// <summary>Casing flags of each token.</summary>
    public byte[] Flags { get; set; } = [];

    /// <summary>Per token: 1 when it starts its sentence, 2 when it ends it (3 for both).</summary>
    public byte[] Edges { get; set; } = [];
}

/// <summary>
/// Turns a tokenised document into feature keys per token. The templates follow the strongest
/// non-neural CoNLL-2003 systems (Florian et al. 2003; Ratinov &amp; Roth 2009): the word and its
/// neighbours, shapes, affixes, casing in context, word-cluster paths at several depths, gazetteer
/// matches, and document-level evidence: how the same word is cased elsewhere in the document and,
/// in the second pass, which types the first pass gave its other occurrences. Thread-safe: all
/// working state lives in the caller's <see cref="FeatureBuffer"/> and locals.
/// </summary>
internal sealed class EntityFeatureExtractor
{
    // Template numbers are part of the model file's meaning: append, never renumber.
    private const int TBias = 0, TWord = 1, TLower = 2, TShape = 3, TShortShape = 4, TPrefix = 5, TSuffix = 6,
        TLowerPrev = 7, TLowerNext = 8, TLowerPrev2 = 9, TLowerNext2 = 10, TWordPrev = 11, TWordNext = 12,
        TShapePrev = 13, TShapeNext = 14, TShapePrevCur = 15, TShapeCurNext = 16, TShapeTri = 17,
        TBigramPrev = 18, TBigramNext = 19, TCluster = 20, TClusterPrev = 21, TClusterNext = 22,
        TInitialShape = 23, TCapsSentenceShape = 24, TCapitalisation = 25, TInitialCapitalisation = 26,
        TGazetteer = 27, TGazetteerPrev = 28, TGazetteerNext = 29, TDocumentCase = 30, TLength = 31,
        TFirstPass = 32, TFirstPassPrev = 33, TFirstPassNext = 34, TDocumentType = 35, TDocumentMajority = 36,
        TClusterShape = 37, TCapsSentenceLower = 38, TNoCluster = 39,
        TContextPrev = 40, TContextNext = 41, TRun = 42,
        TLexicon = 43, TLexiconPrev = 44, TLexiconNext = 45, TDocumentRuns = 46, TDocumentLongType = 47;

    private const byte InitCap = 1, AllCaps = 2, HasDigit = 4, SentenceInitial = 8, CapsSentence = 16, HasLower = 32, HasLetter = 64;

    private readonly WordClusters? _clusters;
    private readonly Gazetteer? _gazetteer;
    private readonly Gazetteer? _lexicon;

    /// <param name="clusters">Word clusters, or null.</param>
    /// <param name="gazetteer">Name lists, or null.</param>
    /// <param name="lexicon">Names seen in the training data, by type, or null.</param>
    public EntityFeatureExtractor(WordClusters? clusters, Gazetteer? gazetteer, Gazetteer? lexicon = null)
    {
        _clusters = clusters;
        _gazetteer = gazetteer;
        _lexicon = lexicon;
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> with the first-pass keys of every token of the document.
    /// <paramref name="lexicon"/> replaces the extractor's own training-name lexicon (training passes
    /// each document a lexicon built without it, so the feature is as reliable as at run time).
    /// </summary>
    public void Extract(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, FeatureBuffer buffer, Gazetteer? lexicon = null)
    {
        lexicon ??= _lexicon;
        var n = tokens.Length;
        buffer.Reset(n);
        var word = new ulong[n];
        var lower = new ulong[n];
        var shape = new ulong[n];
        var shortShape = new ulong[n];
        var flags = new byte[n];
        var cluster = new int[n];
        var gazetteer = new uint[n * 4];
        var inLexicon = lexicon is null ? [] : new uint[n * 4];

        // Token facts, computed once and reused by every window that sees the token.
        foreach (var sentence in sentences)
        {
            var capsSentence = IsCapsSentence(text, tokens, sentence);
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var chars = text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
                word[i] = FeatureHash.Of(chars);
                lower[i] = FeatureHash.OfLower(chars);
                (shape[i], shortShape[i], flags[i]) = Shape(chars);
                if (i == sentence.FirstToken || IsOpening(text, tokens[i - 1].Span))
                {
                    flags[i] |= SentenceInitial;
                }

                if (capsSentence)
                {
                    flags[i] |= CapsSentence;
                }

                cluster[i] = _clusters?.Find(chars) ?? -1;
            }

            if (_gazetteer is not null)
            {
                Match(_gazetteer, lower, sentence, gazetteer);
            }

            if (lexicon is not null)
            {
                Match(lexicon, lower, sentence, inLexicon);
            }
        }

        var documentCase = DocumentCase(lower, flags);
        var edges = new byte[n];
        foreach (var sentence in sentences)
        {
            if (sentence.TokenCount > 0)
            {
                edges[sentence.FirstToken] |= 1;
                edges[sentence.EndToken - 1] |= 2;
            }
        }

        buffer.Lower = lower;
        buffer.Flags = flags;
        buffer.Edges = edges;
        var occurrences = Occurrences(lower, flags);
        var runs = CapitalisedRuns(flags, edges);

        foreach (var sentence in sentences)
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var chars = text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length);
                var first = i == sentence.FirstToken;
                var last = i == sentence.EndToken - 1;
                const ulong Boundary = 0x5EA7UL;
                var lowerPrev = first ? Boundary : lower[i - 1];
                var lowerNext = last ? Boundary : lower[i + 1];
                var shapePrev = first ? Boundary : shape[i - 1];
                var shapeNext = last ? Boundary : shape[i + 1];

                buffer.Add(FeatureHash.Key(TBias, 0));
                buffer.Add(FeatureHash.Key(TWord, word[i]));
                buffer.Add(FeatureHash.Key(TLower, lower[i]));
                buffer.Add(FeatureHash.Key(TShape, shape[i]));
                buffer.Add(FeatureHash.Key(TShortShape, shortShape[i]));
                buffer.Add(FeatureHash.Key(TLength, (ulong)Math.Min(chars.Length, 12)));
                for (var k = 1; k <= 4 && k < chars.Length; k++)
                {
                    buffer.Add(FeatureHash.Key(TPrefix, FeatureHash.OfLower(chars[..k])));
                    buffer.Add(FeatureHash.Key(TSuffix, FeatureHash.OfLower(chars[^k..])));
                }

                buffer.Add(FeatureHash.Key(TLowerPrev, lowerPrev));
                buffer.Add(FeatureHash.Key(TLowerNext, lowerNext));
                buffer.Add(FeatureHash.Key(TLowerPrev2, i - 2 < sentence.FirstToken ? Boundary : lower[i - 2]));
                buffer.Add(FeatureHash.Key(TLowerNext2, i + 2 >= sentence.EndToken ? Boundary : lower[i + 2]));
                buffer.Add(FeatureHash.Key(TWordPrev, first ? Boundary : word[i - 1]));
                buffer.Add(FeatureHash.Key(TWordNext, last ? Boundary : word[i + 1]));
                buffer.Add(FeatureHash.Key(TShapePrev, shapePrev));
                buffer.Add(FeatureHash.Key(TShapeNext, shapeNext));
                buffer.Add(FeatureHash.Key(TShapePrevCur, shapePrev, shape[i]));
                buffer.Add(FeatureHash.Key(TShapeCurNext, shape[i], shapeNext));
                buffer.Add(FeatureHash.Key(TShapeTri, shapePrev, shape[i], shapeNext));
                buffer.Add(FeatureHash.Key(TBigramPrev, lowerPrev, lower[i]));
                buffer.Add(FeatureHash.Key(TBigramNext, lower[i], lowerNext));

                // Casing only means something away from sentence starts and capitalised headlines.
                var f = flags[i];
                if ((f & SentenceInitial) != 0)
                {
                    buffer.Add(FeatureHash.Key(TInitialShape, shortShape[i]));
                }

                if ((f & CapsSentence) != 0)
                {
                    buffer.Add(FeatureHash.Key(TCapsSentenceShape, shortShape[i]));
                    buffer.Add(FeatureHash.Key(TCapsSentenceLower, lower[i]));
                }

                if (runs[i] != 0)
                {
                    buffer.Add(FeatureHash.Key(TRun, runs[i]));
                }

                // Context aggregation (Ratinov & Roth 2009): the neighbours of the same word's other
                // occurrences in the document, so "Comelf 's output" informs a bare "Comelf said".
                if (occurrences.TryGetValue(lower[i], out var others))
                {
                    // Where the word's other occurrences sit in runs of capitalised words: a surname
                    // also follows a first name somewhere ("Zamir Kabulov" … "Kabulov"), a company rarely.
                    var places = 0UL;
                    foreach (var j in others)
                    {
                        if (j != i && runs[j] != 0)
                        {
                            places |= 1UL << (int)((runs[j] - 1) & 7);
                        }
                    }

                    buffer.Add(FeatureHash.Key(TDocumentRuns, places, (ulong)(f & (InitCap | AllCaps))));
                    var added = 0;
                    foreach (var j in others)
                    {
                        if (j == i)
                        {
                            continue;
                        }

                        buffer.Add(FeatureHash.Key(TContextPrev, (edges[j] & 1) != 0 ? Boundary : lower[j - 1]));
                        buffer.Add(FeatureHash.Key(TContextNext, (edges[j] & 2) != 0 ? Boundary : lower[j + 1]));
                        if (++added == 8)
                        {
                            break;
                        }
                    }
                }

                if (_clusters is not null)
                {
                    AddClusters(buffer, cluster[i], TCluster, 0, WordClusters.PrefixLengths.Length);
                    if (cluster[i] < 0)
                    {
                        buffer.Add(FeatureHash.Key(TNoCluster, shortShape[i]));
                    }
                    else
                    {
                        buffer.Add(FeatureHash.Key(TClusterShape, _clusters.PrefixHashes[(cluster[i] * WordClusters.PrefixLengths.Length) + 1], shortShape[i]));
                    }

                    if (!first)
                    {
                        AddClusters(buffer, cluster[i - 1], TClusterPrev, 1, 3);
                    }

                    if (!last)
                    {
                        AddClusters(buffer, cluster[i + 1], TClusterNext, 1, 3);
                    }

                    if ((f & HasLetter) != 0)
                    {
                        var capitalisation = _clusters.CapitalisationOf(lower[i]);
                        buffer.Add(FeatureHash.Key(TCapitalisation, capitalisation, (ulong)(f & (InitCap | AllCaps))));
                        if ((f & (SentenceInitial | CapsSentence)) != 0)
                        {
                            buffer.Add(FeatureHash.Key(TInitialCapitalisation, capitalisation, (ulong)(f & (SentenceInitial | CapsSentence))));
                        }
                    }
                }

                // A list match means more on a capitalised token ("US" the country, not "us").
                var capitalised = (f & (InitCap | AllCaps)) != 0 ? 1UL : 0UL;
                if (_gazetteer is not null)
                {
                    AddGazetteer(buffer, gazetteer, i, TGazetteer, capitalised);
                    if (!first)
                    {
                        AddGazetteer(buffer, gazetteer, i - 1, TGazetteerPrev, 9);
                    }

                    if (!last)
                    {
                        AddGazetteer(buffer, gazetteer, i + 1, TGazetteerNext, 9);
                    }
                }

                if (lexicon is not null)
                {
                    AddGazetteer(buffer, inLexicon, i, TLexicon, capitalised);
                    if (!first)
                    {
                        AddGazetteer(buffer, inLexicon, i - 1, TLexiconPrev, 9);
                    }

                    if (!last)
                    {
                        AddGazetteer(buffer, inLexicon, i + 1, TLexiconNext, 9);
                    }
                }

                if (((f & HasLetter) != 0 && (f & HasLower) == 0) || (f & InitCap) != 0)
                {
                    documentCase.TryGetValue(lower[i], out var seen);
                    // Subtract the token's own evidence so a word seen once tells nothing.
                    var own = OwnCase(f);
                    var capitalisedElsewhere = seen.Capitalised - (own == 1 ? 1 : 0) > 0;
                    var lowerElsewhere = seen.Lower - (own == 2 ? 1 : 0) > 0;
                    buffer.Add(FeatureHash.Key(TDocumentCase, (capitalisedElsewhere ? 1UL : 0) | (lowerElsewhere ? 2UL : 0), (ulong)(f & (SentenceInitial | CapsSentence | AllCaps))));
                }

                buffer.EndToken();
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="extra"/> with the second pass's own keys: the first pass's labels around
    /// each token and the types it gave the token's other occurrences in the document. The second
    /// pass scores these together with the first-pass keys still in <paramref name="first"/>.
    /// </summary>
    public static void ExtractSecondPass(FeatureBuffer first, ReadOnlySpan<int> firstPass, FeatureBuffer extra)
    {
        var n = first.TokenCount;
        extra.Reset(n);
        var documentTypes = DocumentTypes(first.Lower, first.Flags, firstPass);
        for (var i = 0; i < n; i++)
        {
            AddFirstPass(extra, firstPass, documentTypes, first.Lower, first.Flags, i, (first.Edges[i] & 1) != 0, (first.Edges[i] & 2) != 0);
            extra.EndToken();
        }
    }

    /// <summary>Where each capitalised word occurs in the document (only words seen more than once).</summary>
    private static Dictionary<ulong, List<int>> Occurrences(ulong[] lower, byte[] flags)
    {
        var all = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < lower.Length; i++)
        {
            if ((flags[i] & (InitCap | AllCaps)) == 0 || (flags[i] & HasLetter) == 0)
            {
                continue;
            }

            if (!all.TryGetValue(lower[i], out var list))
            {
                list = [];
                all.Add(lower[i], list);
            }

            list.Add(i);
        }

        foreach (var (key, list) in all)
        {
            if (list.Count < 2)
            {
                all.Remove(key);
            }
        }

        return all;
    }

    /// <summary>
    /// For tokens in a run of capitalised words (outside capitalised headlines): the run's length
    /// (capped at 4) times 8 plus the token's place in it (B, I, L or unit), else 0.
    /// </summary>
    private static ulong[] CapitalisedRuns(byte[] flags, byte[] edges)
    {
        var runs = new ulong[flags.Length];
        var i = 0;
        while (i < flags.Length)
        {
            if ((flags[i] & InitCap) == 0 || (flags[i] & CapsSentence) != 0)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < flags.Length && (edges[end - 1] & 2) == 0 && (flags[end] & InitCap) != 0)
            {
                end++;
            }

            var length = (ulong)Math.Min(end - i, 4);
            for (var k = i; k < end; k++)
            {
                var place = end - i == 1 ? 3UL : k == i ? 0UL : k == end - 1 ? 2UL : 1UL;
                runs[k] = (length * 8) + place + 1;
            }

            i = end;
        }

        return runs;
    }

    private void AddClusters(FeatureBuffer buffer, int entry, int template, int from, int to)
    {
        if (entry < 0 || _clusters!.PrefixHashes[entry * WordClusters.PrefixLengths.Length] == 0)
        {
            buffer.Add(FeatureHash.Key(template, 0));
            return;
        }

        for (var p = from; p < to; p++)
        {
            buffer.Add(FeatureHash.Key(template, _clusters.PrefixHashes[(entry * WordClusters.PrefixLengths.Length) + p], (ulong)p));
        }
    }

    /// <summary>Adds one key per list matching at <paramref name="token"/>: with the match position and <paramref name="detail"/>, or without position when detail is 9.</summary>
    private static void AddGazetteer(FeatureBuffer buffer, uint[] gazetteer, int token, int template, ulong detail)
    {
        for (var position = 0; position < 4; position++)
        {
            var mask = gazetteer[(token * 4) + position];
            while (mask != 0)
            {
                var list = (ulong)System.Numerics.BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                buffer.Add(FeatureHash.Key(template, list, detail == 9 ? 9 : ((ulong)position * 2) + detail));
            }
        }
    }

    private static void AddFirstPass(
        FeatureBuffer buffer, ReadOnlySpan<int> firstPass, Dictionary<ulong, int[]> documentTypes, ulong[] lower, byte[] flags, int i, bool first, bool last)
    {
        var label = (ulong)firstPass[i];
        buffer.Add(FeatureHash.Key(TFirstPass, label));
        buffer.Add(FeatureHash.Key(TFirstPassPrev, first ? 99 : (ulong)firstPass[i - 1], label));
        buffer.Add(FeatureHash.Key(TFirstPassNext, label, last ? 99 : (ulong)firstPass[i + 1]));
        if ((flags[i] & HasLetter) == 0 || !documentTypes.TryGetValue(lower[i], out var counts))
        {
            return;
        }

        // Other occurrences only: the token's own first-pass label is already a feature.
        var own = firstPass[i] == EntityLabels.Outside ? 0 : 1 + EntityLabels.TypeOf(firstPass[i]);
        var best = -1;
        var bestCount = 0;
        for (var t = 0; t < 8; t++)
        {
            var count = counts[t] - (t == own ? 1 : 0);
            if (count > 0 && t > 0)
            {
                buffer.Add(FeatureHash.Key(TDocumentType, (ulong)t, (ulong)(flags[i] & InitCap)));
            }

            if (count > bestCount)
            {
                best = t;
                bestCount = count;
            }
        }

        if (best >= 0)
        {
            buffer.Add(FeatureHash.Key(TDocumentMajority, (ulong)best, (ulong)(flags[i] & (InitCap | AllCaps))));
        }

        // The type of the word's longer forms: "Magna International" ORG makes a bare "Magna" ORG too,
        // however often the first pass guessed PER for the short form.
        var ownLong = firstPass[i] != EntityLabels.Outside && EntityLabels.KindOf(firstPass[i]) != EntityLabels.Unit ? 8 + EntityLabels.TypeOf(firstPass[i]) : -1;
        for (var t = 8; t < 16; t++)
        {
            if (counts[t] - (t == ownLong ? 1 : 0) > 0)
            {
                buffer.Add(FeatureHash.Key(TDocumentLongType, (ulong)(t - 8), ownLong >= 0 ? 1UL : 0UL));
            }
        }
    }

    private static int OwnCase(byte f) =>
        (f & (SentenceInitial | CapsSentence)) != 0 || (f & HasLetter) == 0 ? 0 : (f & InitCap) != 0 ? 1 : 2;

    /// <summary>For each lower-cased word, how often the document writes it capitalised and in lower case, counting only positions where casing is informative.</summary>
    private static Dictionary<ulong, (int Capitalised, int Lower)> DocumentCase(ulong[] lower, byte[] flags)
    {
        var result = new Dictionary<ulong, (int Capitalised, int Lower)>();
        for (var i = 0; i < lower.Length; i++)
        {
            var own = OwnCase(flags[i]);
            if (own == 0)
            {
                continue;
            }

            result.TryGetValue(lower[i], out var seen);
            result[lower[i]] = own == 1 ? (seen.Capitalised + 1, seen.Lower) : (seen.Capitalised, seen.Lower + 1);
        }

        return result;
    }

    /// <summary>For each lower-cased capitalised word, how many of its occurrences the first pass labelled O, then each type.</summary>
    private static Dictionary<ulong, int[]> DocumentTypes(ulong[] lower, byte[] flags, ReadOnlySpan<int> firstPass)
    {
        var result = new Dictionary<ulong, int[]>();
        for (var i = 0; i < lower.Length; i++)
        {
            if ((flags[i] & (InitCap | AllCaps)) == 0)
            {
                continue;
            }

            if (!result.TryGetValue(lower[i], out var counts))
            {
                counts = new int[16];
                result[lower[i]] = counts;
            }

            var label = firstPass[i];
            counts[label == EntityLabels.Outside ? 0 : 1 + EntityLabels.TypeOf(label)]++;
            if (label != EntityLabels.Outside && EntityLabels.KindOf(label) != EntityLabels.Unit)
            {
                counts[8 + EntityLabels.TypeOf(label)]++;
            }
        }

        return result;
    }

    private static void Match(Gazetteer lists, ulong[] lower, Sentence sentence, uint[] gazetteer)
    {
        var maxLength = lists.MaxLength;
        for (var start = sentence.FirstToken; start < sentence.EndToken; start++)
        {
            var phrase = 0UL;
            var end = Math.Min(sentence.EndToken, start + maxLength);
            for (var i = start; i < end; i++)
            {
                phrase = Gazetteer.Extend(phrase, lower[i]);
                var found = lists.Lookup(phrase);
                if (found == 0)
                {
                    break;
                }

                var mask = found & ~Gazetteer.Continues;
                if (mask == 0)
                {
                    continue;
                }

                if (i == start)
                {
                    gazetteer[(i * 4) + EntityLabels.Unit] |= mask;
                    continue;
                }

                gazetteer[(start * 4) + EntityLabels.Begin] |= mask;
                for (var j = start + 1; j < i; j++)
                {
                    gazetteer[(j * 4) + EntityLabels.Inside] |= mask;
                }

                gazetteer[(i * 4) + EntityLabels.Last] |= mask;
            }
        }
    }

    /// <summary>
    /// A line set in capitals (CoNLL headlines, "RUGBY UNION - ..."): casing there says nothing about
    /// names. True when no token has a lower-case letter and some token has two capitals.
    /// </summary>
    private static bool IsCapsSentence(string text, ReadOnlySpan<Token> tokens, Sentence sentence)
    {
        var capitals = 0;
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            foreach (var c in text.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                if (char.IsUpper(c))
                {
                    capitals++;
                }
            }
        }

        return capitals >= 4;
    }

    /// <summary>An opening quote or bracket, after which a word is cased like a sentence start.</summary>
    private static bool IsOpening(string text, TextSpan previous) =>
        previous.Length == 1 && text[previous.Start] is '"' or '“' or '(' or '[' or '‘' or '-' or ':'
        || previous.Length == 2 && text[previous.Start] == '`';

    /// <summary>
    /// The word's shape (X upper, x lower, d digit, other characters kept) with runs cut to two, the
    /// same with runs cut to one, and its casing flags — computed in one pass without allocating.
    /// </summary>
    private static (ulong Shape, ulong ShortShape, byte Flags) Shape(ReadOnlySpan<char> chars)
    {
        ulong shape = 14695981039346656037UL, shortShape = 14695981039346656037UL;
        char previous = '\0', beforePrevious = '\0';
        byte flags = 0;
        var upper = 0;
        var letters = 0;
        for (var k = 0; k < chars.Length; k++)
        {
            var c = chars[k];
            char kind;
            if (char.IsUpper(c))
            {
                kind = 'X';
                upper++;
                letters++;
            }
            else if (char.IsLower(c))
            {
                kind = 'x';
                letters++;
                flags |= HasLower;
            }
            else if (char.IsDigit(c))
            {
                kind = 'd';
                flags |= HasDigit;
            }
            else
            {
                kind = char.IsLetter(c) ? 'x' : c;
            }

            if (kind != previous)
            {
                shortShape = (shortShape ^ kind) * 1099511628211UL;
            }

            if (kind != previous || kind != beforePrevious)
            {
                shape = (shape ^ kind) * 1099511628211UL;
            }

            beforePrevious = previous;
            previous = kind;
        }

        if (letters > 0)
        {
            flags |= HasLetter;
            if (char.IsUpper(chars[0]))
            {
                flags |= InitCap;
            }

            if (upper == letters)
            {
                flags |= AllCaps;
            }
        }

        return (FeatureHash.Mix(shape), FeatureHash.Mix(shortShape), flags);
    }
}
