using Dossier.Analysis.Models;
using Dossier.Analysis.Syntax;
using Dossier.Text;

namespace Dossier.Analysis.Attribution;

/// <summary>
/// A learned judge of which verbs attribute something to someone: an averaged perceptron over hashed
/// features of a verb's lemma, form and tag and of its place in the parse (does it take a clausal
/// complement, an object, a subject; is it passive; is a quotation near). Trained on PolNeAR, whose
/// notion of attribution is broad ("the poll shows", "she called for", "critics fear"). Immutable and
/// thread-safe once loaded.
/// </summary>
public sealed class AttributionCueModel
{
    /// <summary>The model file name in <c>models/</c>.</summary>
    public const string FileName = "attribution-cues.bin.gz";

    internal const int FeatureCount = 22;
    private const string Magic = "dossier-attribution-cues";
    private const int Version = 1;

    private readonly HashedWeights _weights;

    internal AttributionCueModel(HashedWeights weights) => _weights = weights;

    /// <summary>Positive when token <paramref name="verb"/> (tagged and parsed) is an attribution cue.</summary>
    internal float Score(Document document, int verb)
    {
        Span<ulong> features = stackalloc ulong[FeatureCount];
        Extract(document, verb, features);
        return _weights.Score(features);
    }

    /// <summary>Writes the features of <paramref name="verb"/>; needs the Tags and Dependencies layers.</summary>
    internal static void Extract(Document document, int verb, Span<ulong> features)
    {
        var tags = document.Tags[verb];
        var arc = document.Dependencies[verb];
        var lemma = Hash(tags.Lemma);
        var form = Hash(document.TokenText(verb), lower: true);
        var xpos = Hash(tags.Xpos);
        var relation = Hash(arc.Relation);
        ulong children = 0;
        foreach (var child in DependencyTree.Children(document, verb))
        {
            children |= document.Dependencies[child].Relation switch
            {
                "ccomp" => 1UL,
                "xcomp" => 2UL,
                "obj" => 4UL,
                "nsubj" => 8UL,
                "nsubj:pass" or "aux:pass" => 16UL,
                "parataxis" => 32UL,
                "obl" or "obl:agent" => 64UL,
                "advcl" => 128UL,
                "aux" => 256UL,
                "mark" => 512UL,
                _ => 0UL,
            };
        }

        var head = arc.Head >= 0 ? Hash(document.Tags[arc.Head].Lemma) : 1UL;
        var quoteNear = QuoteNear(document, verb) ? 2UL : 3UL;
        var subject = DependencyTree.Subjects(document, verb) is [var first, ..] ? Hash(document.Tags[first].Upos) : 1UL;
        var next = verb + 1 < document.Tokens.Length ? Hash(document.TokenText(verb + 1), lower: true) : 1UL;
        var previous = verb > 0 ? Hash(document.TokenText(verb - 1), lower: true) : 1UL;
        features[0] = Mix(1, 0);
        features[1] = Mix(2, lemma);
        features[2] = Mix(3, form);
        features[3] = Mix(4, xpos);
        features[4] = Mix(5, relation);
        features[5] = Mix(6, children);
        features[6] = Mix(Mix(7, lemma), children);
        features[7] = Mix(Mix(8, lemma), relation);
        features[8] = Mix(Mix(9, lemma), children & 1);
        features[9] = Mix(Mix(10, lemma), children & 2);
        features[10] = Mix(Mix(11, lemma), children & 4);
        features[11] = Mix(Mix(12, head), relation);
        features[12] = Mix(13, quoteNear);
        features[13] = Mix(Mix(14, lemma), quoteNear);
        features[14] = Mix(Mix(15, subject), children & 1);
        features[15] = Mix(Mix(16, lemma), subject);
        features[16] = Mix(Mix(17, lemma), next);
        features[17] = Mix(Mix(18, previous), lemma);
        features[18] = Mix(Mix(19, xpos), children);
        features[19] = Mix(Mix(20, relation), children);
        features[20] = Mix(Mix(21, lemma), children & 16);
        features[21] = Mix(Mix(22, form), relation);
    }

    private static bool QuoteNear(Document document, int verb)
    {
        for (var i = Math.Max(0, verb - 3); i < Math.Min(document.Tokens.Length, verb + 4); i++)
        {
            if (document.TokenText(i) is "“" or "”" or "\"" or "''" or "``")
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Hash(ReadOnlySpan<char> text, bool lower = false)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (lower ? char.ToLowerInvariant(c) : c)) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong hash, ulong value) => ((hash ^ value) * 1099511628211UL) + (value >> 29);

    /// <summary>Writes the model, gzip-compressed.</summary>
    public void Save(Stream stream) => _weights.Save(stream, Magic, Version);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not an attribution-cue model of this version.</exception>
    public static AttributionCueModel Load(Stream stream) =>
        new(HashedWeights.Load(stream, Magic, Version, "retrain it with 'dossier train attribution'"));
}

/// <summary>One training document for <see cref="AttributionCueTrainer"/>: tagged and parsed, with the character offsets of gold cue spans.</summary>
/// <param name="Document">The analysed document (Tags and Dependencies required).</param>
/// <param name="GoldCues">Gold cue spans.</param>
public sealed record AttributionCueExample(Document Document, IReadOnlyList<TextSpan> GoldCues);

/// <summary>Trains an <see cref="AttributionCueModel"/> (averaged perceptron, deterministic for a seed).</summary>
public static class AttributionCueTrainer
{
    /// <summary>Trains over every verb of every example for <paramref name="epochs"/> passes.</summary>
    public static AttributionCueModel Train(IReadOnlyList<AttributionCueExample> examples, int epochs, int seed, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var perceptron = new HashedPerceptron();
        var items = new List<(Document Document, int Verb, bool Cue)>();
        foreach (var example in examples)
        {
            for (var t = 0; t < example.Document.Tokens.Length; t++)
            {
                if (example.Document.Tags[t].Upos is "VERB")
                {
                    var span = example.Document.Tokens[t].Span;
                    items.Add((example.Document, t, example.GoldCues.Any(cue => cue.Overlaps(span))));
                }
            }
        }

        var random = new Random(seed);
        var order = Enumerable.Range(0, items.Count).ToArray();
        Span<ulong> features = stackalloc ulong[AttributionCueModel.FeatureCount];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var correct = 0;
            foreach (var index in order)
            {
                var (document, verb, truth) = items[index];
                AttributionCueModel.Extract(document, verb, features);
                correct += perceptron.Learn(features, truth) ? 1 : 0;
            }

            progress?.Invoke(epoch, items.Count == 0 ? 1 : (double)correct / items.Count);
        }

        return new AttributionCueModel(perceptron.Average());
    }
}
