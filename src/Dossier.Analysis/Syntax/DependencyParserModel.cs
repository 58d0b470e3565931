using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// A trained arc-hybrid dependency parser: words, predicted XPOS tags in, one head and one UD
/// relation per word out. Decodes greedily (beam width 1) or with a beam of the width it was
/// trained with (<see cref="BeamWidth"/>). Always returns a projective tree with exactly one root.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class DependencyParserModel
{
    internal const string Magic = "dossier-parser";
    internal const int Version = 4;

    // Version 2 models have no word clusters; they load with none, and parse exactly as before.
    // Versions 2 and 3 have no beam width: they were trained greedily and decode greedily.
    private const int OldestVersion = 2;
    private const string RootRelation = "root";

    private readonly Lexicon _words;
    private readonly Lexicon _tags;

    internal DependencyParserModel(
        Lexicon words, Lexicon tags, string[] relations, ClusterLexicon clusters, LinearModel weights, int beamWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        _words = words;
        _tags = tags;
        Clusters = clusters;
        Relations = [.. relations.Select(string.Intern)];
        RootLabel = Array.IndexOf(Relations, RootRelation);
        if (RootLabel < 0)
        {
            throw new InvalidDataException("A parser model needs the relation 'root'.");
        }

        Weights = weights;
        BeamWidth = beamWidth;
    }

    /// <summary>Beam width used by <see cref="Parse"/>: 1 = greedy; by default the width the model was trained with.</summary>
    public int BeamWidth { get; }

    internal string[] Relations { get; }

    internal int RootLabel { get; }

    internal LinearModel Weights { get; }

    internal ClusterLexicon Clusters { get; }

    /// <summary>Number of weighted features kept after pruning.</summary>
    public int FeatureCount => Weights.FeatureCount;

    /// <summary>The same weights decoding with another beam width (shares the weights; 1 = greedy).</summary>
    public DependencyParserModel WithBeamWidth(int beamWidth) =>
        beamWidth == BeamWidth ? this : new DependencyParserModel(_words, _tags, Relations, Clusters, Weights, beamWidth);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a parser model of this version.</exception>
    public static DependencyParserModel Load(string path) => ModelStreams.Load(path, Magic, OldestVersion, Version, (reader, version) =>
    {
        var words = new Lexicon(ModelStreams.ReadStrings(reader));
        var tags = new Lexicon(ModelStreams.ReadStrings(reader));
        var relations = ModelStreams.ReadStrings(reader);
        var clusters = version >= 3 ? ClusterLexicon.Read(reader) : ClusterLexicon.Empty;
        var beamWidth = version >= 4 ? reader.ReadInt32() : 1;
        return new DependencyParserModel(words, tags, relations, clusters, LinearModel.Read(reader), beamWidth);
    });

    /// <summary>Writes the model gzip-compressed to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelStreams.Save(path, Magic, Version, writer =>
    {
        ModelStreams.WriteStrings(writer, _words.Strings);
        ModelStreams.WriteStrings(writer, _tags.Strings);
        ModelStreams.WriteStrings(writer, Relations);
        Clusters.Write(writer);
        writer.Write(BeamWidth);
        Weights.Write(writer);
    });

    /// <summary>
    /// Parses one sentence. Returns 1-based heads (0 = root) and relations, parallel to <paramref name="forms"/>.
    /// </summary>
    public (int[] Heads, string[] Relations) Parse(IReadOnlyList<string> forms, IReadOnlyList<string> xpos)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(xpos);
        var normalized = forms.Select(FormNormalizer.Normalize).ToArray();
        var heads = new int[forms.Count];
        var labels = new int[forms.Count];
        ParseNormalized(normalized, [.. xpos], heads, labels, new ArcHybridState());
        return (heads, [.. labels.Select(l => Relations[l])]);
    }

    /// <summary>Parses normalised forms into 1-based <paramref name="heads"/> and label ids.</summary>
    internal void ParseNormalized(
        ReadOnlySpan<string> forms, ReadOnlySpan<string> xpos, Span<int> heads, Span<int> labels, ArcHybridState state)
    {
        var n = forms.Length;
        var words = new int[n + 1];
        var tags = new int[n + 1];
        var suffixes = new int[n + 1];
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < n; i++)
        {
            ReadOnlySpan<char> lower = forms[i].Length <= buffer.Length
                ? buffer[..forms[i].AsSpan().ToLowerInvariant(buffer)]
                : forms[i].ToLowerInvariant();
            words[i + 1] = _words.IdOf(lower);
            suffixes[i + 1] = _words.IdOf(SuffixOf(lower));
            tags[i + 1] = _tags.IdOf(xpos[i]);
        }

        var sentence = new SentenceAtoms(words, tags, suffixes, PunctuationCounts(xpos), ClusterAtoms(Clusters, forms));
        if (BeamWidth > 1)
        {
            var beam = ArcHybridBeam.ForThread(BeamWidth);
            beam.Search(Weights, sentence, RootLabel, Relations.Length, []);
            state = beam.Best;
        }
        else
        {
            Run(Weights, state, sentence, RootLabel, Relations.Length);
        }

        for (var i = 0; i < n; i++)
        {
            heads[i] = state.Heads[i + 1];
            labels[i] = state.Labels[i + 1];
        }
    }

    /// <summary>Greedy decoding: apply the best-scoring valid transition until the configuration is terminal.</summary>
    internal static void Run(IScorer scorer, ArcHybridState state, SentenceAtoms sentence, int rootLabel, int labelCount)
    {
        state.Reset(sentence.Length);
        Span<ulong> features = stackalloc ulong[ParserFeatures.Count];
        Span<float> scores = stackalloc float[scorer.Classes];
        while (!state.IsTerminal)
        {
            ParserFeatures.Extract(state, sentence.Words, sentence.Tags, sentence.Suffixes, sentence.Punctuation, sentence.Clusters, features);
            scores.Clear();
            scorer.Score(features, scores);
            Apply(state, BestValid(state, scores, rootLabel, labelCount), labelCount);
        }
    }

    /// <summary>Cluster atoms of each (normalised, as written) form, <see cref="ParserFeatures.ClusterStride"/> per 1-based word.</summary>
    internal static int[] ClusterAtoms(ClusterLexicon clusters, ReadOnlySpan<string> forms)
    {
        var atoms = new int[(forms.Length + 1) * ParserFeatures.ClusterStride];
        for (var i = 0; i < forms.Length; i++)
        {
            var entry = clusters.Find(forms[i]);
            var at = (i + 1) * ParserFeatures.ClusterStride;
            atoms[at] = clusters.Prefix(entry, 0);
            atoms[at + 1] = clusters.Prefix(entry, 1);
            atoms[at + 2] = clusters.Prefix(entry, ClusterLexicon.Levels - 1);
        }

        return atoms;
    }

    /// <summary>The suffix atom's string: the last three characters (ids are shared with words; templates keep them apart).</summary>
    internal static ReadOnlySpan<char> SuffixOf(ReadOnlySpan<char> lower) => lower.Length <= 3 ? lower : lower[^3..];

    /// <summary>Running count of punctuation words (Penn tags , : . `` '' -LRB- -RRB- HYPH NFP) up to each 1-based position.</summary>
    internal static int[] PunctuationCounts(ReadOnlySpan<string> xpos)
    {
        var counts = new int[xpos.Length + 1];
        for (var i = 0; i < xpos.Length; i++)
        {
            counts[i + 1] = counts[i] + (IsPunctuation(xpos[i]) ? 1 : 0);
        }

        return counts;
    }

    private static bool IsPunctuation(string xpos) => xpos is "," or ":" or "." or "``" or "''" or "-LRB-" or "-RRB-" or "HYPH" or "NFP";

    /// <summary>Class layout: 0 = SHIFT, 1..L = LEFT-l, L+1..2L = RIGHT-l.</summary>
    internal static int BestValid(ArcHybridState state, ReadOnlySpan<float> scores, int rootLabel, int labelCount)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (state.CanShift)
        {
            best = ArcHybridState.Shift;
            bestScore = scores[0];
        }

        if (state.CanRoot)
        {
            // Only the final attachment to ROOT is possible here, and it is labelled root.
            return 1 + labelCount + rootLabel;
        }

        for (var l = 0; l < labelCount; l++)
        {
            if (l == rootLabel)
            {
                continue;
            }

            if (state.CanLeft && scores[1 + l] > bestScore)
            {
                best = 1 + l;
                bestScore = scores[1 + l];
            }

            if (state.CanRight && scores[1 + labelCount + l] > bestScore)
            {
                best = 1 + labelCount + l;
                bestScore = scores[1 + labelCount + l];
            }
        }

        return best;
    }

    internal static void Apply(ArcHybridState state, int transition, int labelCount)
    {
        if (transition == ArcHybridState.Shift)
        {
            state.ApplyShift();
        }
        else if (transition <= labelCount)
        {
            state.ApplyLeft(transition - 1);
        }
        else
        {
            state.ApplyRight(transition - 1 - labelCount);
        }
    }
}
