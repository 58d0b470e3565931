using System.Collections.Frozen;
using Dossier.Text;

namespace Dossier.Analysis.Syntax;

/// <summary>
/// A trained part-of-speech tagger with its lemmatiser and morphological-feature lexicon: predicts
/// one (UPOS, XPOS) pair per word with a greedy left-to-right averaged perceptron (optionally a
/// second, stacked pass that also reads the first pass's tags of the words to the right), then the
/// lemma and UD features from the predicted tags. Immutable and thread-safe once loaded.
/// </summary>
public sealed class PosTaggerModel
{
    internal const string Magic = "dossier-tagger";
    internal const int Version = 3;

    // Version 1 models have no word clusters; they load with none, and score exactly as before.
    // Version 2 models have no second pass.
    private const int OldestVersion = 1;

    private readonly Lexicon _lexicon;
    private readonly FrozenDictionary<string, int> _tagDictionary;
    private readonly FrozenDictionary<string, string> _featureLexicon;
    private readonly FrozenDictionary<string, int> _ambiguity;
    private readonly Func<string, int> _ambiguityOf;

    internal PosTaggerModel(
        Lexicon lexicon,
        string[] upos,
        string[] xpos,
        FrozenDictionary<string, int> tagDictionary,
        FrozenDictionary<string, string> featureLexicon,
        FrozenDictionary<string, int> ambiguity,
        Lemmatizer lemmatizer,
        ClusterLexicon clusters,
        LinearModel weights,
        LinearModel? secondPass = null,
        bool firstPassRightToLeft = false)
    {
        _lexicon = lexicon;
        Upos = upos;
        Xpos = xpos;
        _tagDictionary = tagDictionary;
        _featureLexicon = featureLexicon;
        _ambiguity = ambiguity;
        _ambiguityOf = AmbiguityLookup(ambiguity);
        Lemmatizer = lemmatizer;
        Clusters = clusters;
        Weights = weights;
        SecondPass = secondPass;
        FirstPassRightToLeft = firstPassRightToLeft;
        ProperNounClass = -1;
        for (var c = 0; c < upos.Length; c++)
        {
            if (upos[c] is "PROPN" && xpos[c] is "NNP")
            {
                ProperNounClass = c;
            }
        }
    }

    internal string[] Upos { get; }

    internal string[] Xpos { get; }

    internal Lemmatizer Lemmatizer { get; }

    internal LinearModel Weights { get; }

    /// <summary>Weights of the stacked second pass (<see cref="TaggerFeatures.ExtractStacked"/>), or null for one pass.</summary>
    internal LinearModel? SecondPass { get; }

    /// <summary>Whether the first pass tags the sentence from its last word to its first.</summary>
    public bool FirstPassRightToLeft { get; }

    /// <summary>Whether a stacked second pass refines the first pass's tags.</summary>
    public bool IsStacked => SecondPass is not null;

    internal ClusterLexicon Clusters { get; }

    /// <summary>The (PROPN, NNP) class, or -1 when the training data had none.</summary>
    internal int ProperNounClass { get; }

    /// <summary>Number of distinct (UPOS, XPOS) classes.</summary>
    public int ClassCount => Upos.Length;

    /// <summary>Number of weighted features kept after pruning.</summary>
    public int FeatureCount => Weights.FeatureCount + (SecondPass?.FeatureCount ?? 0);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a tagger model of this version.</exception>
    public static PosTaggerModel Load(string path) => ModelStreams.Load(path, Magic, OldestVersion, Version, (reader, version) =>
    {
        var lexicon = new Lexicon(ModelStreams.ReadStrings(reader));
        var upos = ModelStreams.ReadStrings(reader);
        var xpos = ModelStreams.ReadStrings(reader);
        var tagDictionary = ReadIntTable(reader);

        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var key = reader.ReadString();
            features[key] = reader.ReadString();
        }

        var ambiguity = ReadIntTable(reader);
        var lemmatizer = Lemmatizer.Read(reader);
        var clusters = version >= 2 ? ClusterLexicon.Read(reader) : ClusterLexicon.Empty;
        var weights = LinearModel.Read(reader);
        var rightToLeft = version >= 3 && reader.ReadBoolean();
        var secondPass = version >= 3 && reader.ReadBoolean() ? LinearModel.Read(reader) : null;
        return new PosTaggerModel(
            lexicon, Intern(upos), Intern(xpos), tagDictionary,
            features.ToFrozenDictionary(StringComparer.Ordinal), ambiguity, lemmatizer, clusters, weights, secondPass, rightToLeft);
    });

    /// <summary>Writes the model gzip-compressed to <paramref name="path"/>.</summary>
    public void Save(string path) => ModelStreams.Save(path, Magic, Version, writer =>
    {
        ModelStreams.WriteStrings(writer, _lexicon.Strings);
        ModelStreams.WriteStrings(writer, Upos);
        ModelStreams.WriteStrings(writer, Xpos);
        WriteIntTable(writer, _tagDictionary);

        writer.Write(_featureLexicon.Count);
        foreach (var (key, value) in _featureLexicon.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(value);
        }

        WriteIntTable(writer, _ambiguity);
        Lemmatizer.Write(writer);
        Clusters.Write(writer);
        Weights.Write(writer);
        writer.Write(FirstPassRightToLeft);
        writer.Write(SecondPass is not null);
        SecondPass?.Write(writer);
    });

    /// <summary>Tags, lemmatises and adds features to one sentence of word forms (typographic quotes allowed).</summary>
    public TokenTags[] Tag(IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var normalized = new string[forms.Count];
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = FormNormalizer.Normalize(forms[i]);
        }

        var result = new TokenTags[normalized.Length];
        TagNormalized(normalized, result, Abbreviations.DefinedIn(normalized));
        return result;
    }

    /// <summary>
    /// Tags already-normalised forms into <paramref name="output"/>. Forms in
    /// <paramref name="properNouns"/> (abbreviations the document defined, see <see cref="Abbreviations"/>)
    /// are tagged PROPN/NNP and keep their form as lemma, whatever the classifier would say.
    /// </summary>
    internal void TagNormalized(ReadOnlySpan<string> forms, Span<TokenTags> output, IReadOnlySet<string>? properNouns = null)
    {
        var classes = forms.Length <= 256 ? stackalloc int[forms.Length] : new int[forms.Length];
        var atoms = forms.Length <= 128 ? stackalloc TokenAtoms[forms.Length] : new TokenAtoms[forms.Length];
        TaggerFeatures.Describe(forms, atoms, _lexicon, _ambiguityOf, Clusters);
        if (FirstPassRightToLeft)
        {
            // The first pass reads the sentence backwards: it is the same tagger, trained on reversed sentences.
            var reversed = forms.ToArray();
            Array.Reverse(reversed);
            var backward = forms.Length <= 128 ? stackalloc TokenAtoms[forms.Length] : new TokenAtoms[forms.Length];
            TaggerFeatures.Reverse(atoms, backward);
            PredictClasses(Weights, backward, reversed, classes, _tagDictionary, properNouns, ProperNounClass);
            classes.Reverse();
        }
        else
        {
            PredictClasses(Weights, atoms, forms, classes, _tagDictionary, properNouns, ProperNounClass);
        }

        if (SecondPass is not null)
        {
            var first = forms.Length <= 256 ? stackalloc int[forms.Length] : new int[forms.Length];
            classes.CopyTo(first);
            PredictClasses(SecondPass, atoms, forms, classes, _tagDictionary, properNouns, ProperNounClass, first);
        }

        for (var i = 0; i < forms.Length; i++)
        {
            var upos = Upos[classes[i]];
            var xpos = Xpos[classes[i]];
            var lemma = classes[i] == ProperNounClass && properNouns is not null && properNouns.Contains(forms[i])
                ? forms[i]
                : Lemmatizer.Lemmatize(forms[i], upos, xpos);
            output[i] = new TokenTags(upos, xpos, lemma, FeaturesOf(forms[i], upos, xpos));
        }
    }

    private string FeaturesOf(string form, string upos, string xpos)
    {
        // Keys are "lower-cased word \t UPOS \t XPOS", or the same without the word for the tag's default.
        var lookup = _featureLexicon.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> key = stackalloc char[Math.Min(form.Length, 64) + upos.Length + xpos.Length + 2];
        var tagLength = upos.Length + xpos.Length + 2;
        var tagKey = key[..tagLength];
        tagKey[0] = '\t';
        upos.AsSpan().CopyTo(tagKey[1..]);
        tagKey[upos.Length + 1] = '\t';
        xpos.AsSpan().CopyTo(tagKey[(upos.Length + 2)..]);
        if (form.Length <= 64)
        {
            var wordKey = key[..(form.Length + tagLength)];
            tagKey.CopyTo(wordKey[form.Length..]);
            form.AsSpan().ToLowerInvariant(wordKey);
            if (lookup.TryGetValue(wordKey, out var wordFeatures))
            {
                return wordFeatures;
            }

            tagKey = key[form.Length..(form.Length + tagLength)];
        }

        return lookup.TryGetValue(tagKey, out var features) ? features : "_";
    }

    /// <summary>
    /// Greedy decoding shared by training (live weights) and inference (frozen weights). With
    /// <paramref name="firstPass"/> (the first pass's classes) it is the stacked second pass.
    /// </summary>
    internal static void PredictClasses(
        IScorer scorer,
        ReadOnlySpan<TokenAtoms> atoms,
        ReadOnlySpan<string> forms,
        Span<int> classes,
        FrozenDictionary<string, int> tagDictionary,
        IReadOnlySet<string>? properNouns = null,
        int properNounClass = -1,
        ReadOnlySpan<int> firstPass = default)
    {
        var stacked = !firstPass.IsEmpty;
        Span<int> firstTags = stacked ? (forms.Length <= 256 ? stackalloc int[forms.Length] : new int[forms.Length]) : default;
        for (var i = 0; i < firstTags.Length; i++)
        {
            firstTags[i] = firstPass[i] + 3;
        }

        Span<ulong> features = stackalloc ulong[stacked ? TaggerFeatures.StackedCount : TaggerFeatures.Count];
        Span<float> scores = stackalloc float[scorer.Classes];
        int previous = Lexicon.Boundary, previous2 = Lexicon.Boundary;
        for (var i = 0; i < forms.Length; i++)
        {
            int best;
            if (properNounClass >= 0 && properNouns is not null && properNouns.Contains(forms[i]))
            {
                best = properNounClass;
            }
            else if (!tagDictionary.TryGetValue(forms[i], out best))
            {
                if (stacked)
                {
                    TaggerFeatures.ExtractStacked(atoms, firstTags, i, previous, previous2, features);
                }
                else
                {
                    TaggerFeatures.Extract(atoms, i, previous, previous2, features);
                }

                scores.Clear();
                scorer.Score(features, scores);
                best = ArgMax(scores);
            }

            classes[i] = best;
            previous2 = previous;
            previous = best + 3;
        }
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Ambiguity-class atom of a form: its class id, or <see cref="Lexicon.None"/> for rare and unseen words.</summary>
    internal static Func<string, int> AmbiguityLookup(FrozenDictionary<string, int> ambiguity) =>
        form => ambiguity.TryGetValue(form, out var id) ? id : Lexicon.None;

    private static FrozenDictionary<string, int> ReadIntTable(BinaryReader reader)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = reader.ReadInt32(); i > 0; i--)
        {
            var key = reader.ReadString();
            table[key] = reader.ReadInt32();
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void WriteIntTable(BinaryWriter writer, FrozenDictionary<string, int> table)
    {
        writer.Write(table.Count);
        foreach (var (key, value) in table.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(value);
        }
    }

    // Shared instances keep per-token TokenTags from holding thousands of equal strings.
    private static string[] Intern(string[] values) => [.. values.Select(string.Intern)];
}
