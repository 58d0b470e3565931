using System.Collections.Immutable;
using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class BeamSearchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-beam-").FullName;

    private static readonly AnnotatedSentence[] Train =
    [
        Sentence("he told reporters .", ["PRP", "VBD", "NNS", "."], [2, 0, 2, 2], ["nsubj", "root", "obj", "punct"]),
        Sentence("troops fled .", ["NNS", "VBD", "."], [2, 0, 2], ["nsubj", "root", "punct"]),
        Sentence("the US accused Islamabad .", ["DT", "NNP", "VBD", "NNP", "."], [2, 3, 0, 3, 3], ["det", "nsubj", "root", "obj", "punct"]),
        Sentence("Kabulov said the US threatened Pakistan .", ["NNP", "VBD", "DT", "NNP", "VBD", "NNP", "."], [2, 0, 4, 5, 2, 5, 2], ["nsubj", "root", "det", "nsubj", "ccomp", "obj", "punct"]),
        Sentence("the troops in Kabul fled .", ["DT", "NNS", "IN", "NNP", "VBD", "."], [2, 5, 4, 2, 0, 5], ["det", "nsubj", "case", "nmod", "root", "punct"]),
    ];

    [Fact]
    public void Beam_training_learns_a_tiny_treebank_exactly()
    {
        var model = DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 10, Prune: 0, BeamWidth: 4));

        Assert.Equal(4, model.BeamWidth);
        foreach (var sentence in Train)
        {
            var (heads, relations) = model.Parse(sentence.Forms, sentence.Xpos);
            Assert.Equal(sentence.Heads, heads);
            Assert.Equal(sentence.Relations, relations);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Beam_decoding_returns_one_projective_tree_with_one_root(int width)
    {
        var model = DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Prune: 0, BeamWidth: 4)).WithBeamWidth(width);
        var vocabulary = Train.SelectMany(s => s.Forms.Zip(s.Xpos)).Distinct().ToArray();
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            // Random word salads, including words the model never saw, so the beam must cope with nonsense.
            var words = Enumerable.Range(0, random.Next(1, 30))
                .Select(_ => random.Next(6) == 0 ? ("zork", "NN") : vocabulary[random.Next(vocabulary.Length)])
                .ToArray();
            var (heads, relations) = model.Parse([.. words.Select(w => w.Item1)], [.. words.Select(w => w.Item2)]);

            AssertWellFormed(heads);
            Assert.Equal(1, relations.Count(r => r == "root"));
        }
    }

    [Fact]
    public void Beam_decoding_is_deterministic()
    {
        var path = Path.Combine(_folder, "beam.gz");
        DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Prune: 0, BeamWidth: 8)).Save(path);
        var first = DependencyParserModel.Load(path);
        var second = DependencyParserModel.Load(path);
        var sentences = Train.Concat(Train.Select(s => Sentence(
            string.Join(' ', s.Forms.Reverse()), [.. s.Xpos.Reverse()], [.. s.Heads.Select(_ => 0)], [.. s.Relations]))).ToArray();

        var once = sentences.Select(s => first.Parse(s.Forms, s.Xpos)).ToArray();
        // Other widths in between must not leave anything behind in the reused per-thread beam.
        _ = first.WithBeamWidth(3).Parse(Train[3].Forms, Train[3].Xpos);
        var again = sentences.Reverse().Select(s => second.Parse(s.Forms, s.Xpos)).Reverse().ToArray();

        Assert.Equal(8, second.BeamWidth);
        for (var i = 0; i < once.Length; i++)
        {
            Assert.Equal(once[i].Heads, again[i].Heads);
            Assert.Equal(once[i].Relations, again[i].Relations);
        }
    }

    [Fact]
    public void Beam_training_is_deterministic_for_a_seed()
    {
        var first = Path.Combine(_folder, "a.gz");
        var second = Path.Combine(_folder, "b.gz");
        DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Seed: 5, BeamWidth: 4)).Save(first);
        DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Seed: 5, BeamWidth: 4)).Save(second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Greedy_models_stay_greedy_and_a_width_can_be_overridden()
    {
        var greedy = DependencyParserTrainer.Train(Train, null, new ParserTrainingOptions(Epochs: 3, Prune: 0));
        var path = Path.Combine(_folder, "greedy.gz");
        greedy.Save(path);

        Assert.Equal(1, DependencyParserModel.Load(path).BeamWidth);
        Assert.Equal(6, greedy.WithBeamWidth(6).BeamWidth);
        Assert.Same(greedy, greedy.WithBeamWidth(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => greedy.WithBeamWidth(0));
    }

    [Theory]
    [InlineData(new[] { 2, 3, 0, 3, 3 })]          // projective
    [InlineData(new[] { 2, 0, 1, 2 })]             // 1 → 3 crosses ROOT → 2 and 2 → 4
    public void Oracle_sequence_has_two_moves_per_word_and_rebuilds_projective_trees(int[] heads)
    {
        var n = heads.Length;
        var sentence = Sentence(
            string.Join(' ', Enumerable.Range(1, n).Select(i => "w" + i)), [.. Enumerable.Repeat("NN", n)], heads,
            [.. heads.Select(h => h == 0 ? "root" : "dep")]);
        var model = DependencyParserTrainer.Train([sentence], null, new ParserTrainingOptions(Epochs: 1, Prune: 0));
        var goldHeads = new int[n + 1];
        var children = new List<int>[n + 1];
        for (var i = 0; i <= n; i++)
        {
            children[i] = [];
        }

        for (var i = 1; i <= n; i++)
        {
            goldHeads[i] = heads[i - 1];
            children[heads[i - 1]].Add(i);
        }

        var labels = new int[n + 1];
        var dep = Array.IndexOf(model.Relations, "dep");
        for (var i = 1; i <= n; i++)
        {
            labels[i] = heads[i - 1] == 0 ? model.RootLabel : dep;
        }

        var prepared = new DependencyParserTrainer.Prepared(
            new int[n + 1], new int[n + 1], goldHeads, labels, [.. children.Select(c => c.ToArray())], new int[n + 1], new int[n + 1], [], new int[2 * n]);
        DependencyParserTrainer.OracleSequence(prepared, model.RootLabel, model.Relations.Length, prepared.Oracle);

        var state = new ArcHybridState();
        state.Reset(n);
        foreach (var transition in prepared.Oracle)
        {
            Assert.False(state.IsTerminal);
            DependencyParserModel.Apply(state, transition, model.Relations.Length);
        }

        Assert.True(state.IsTerminal);
        var built = Enumerable.Range(1, n).Select(i => state.Heads[i]).ToArray();
        AssertWellFormed(built);
        if (IsProjective(heads))
        {
            Assert.Equal(heads, built);
        }
        else
        {
            // Only the crossing arc is out of reach.
            Assert.Equal(n - 1, built.Zip(heads).Count(pair => pair.First == pair.Second));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertWellFormed(int[] heads)
    {
        var n = heads.Length;
        Assert.Equal(1, heads.Count(h => h == 0));
        Assert.All(heads, h => Assert.InRange(h, 0, n));
        for (var i = 1; i <= n; i++)
        {
            // Following heads from any word reaches ROOT within n steps: no cycles.
            var at = i;
            var steps = 0;
            while (at != 0)
            {
                Assert.NotEqual(at, heads[at - 1]);
                at = heads[at - 1];
                Assert.True(++steps <= n, "cycle");
            }
        }

        Assert.True(IsProjective(heads), "crossing arcs");
    }

    private static bool IsProjective(int[] heads)
    {
        var arcs = heads.Select((h, i) => (Low: Math.Min(h, i + 1), High: Math.Max(h, i + 1))).ToArray();
        return !arcs.Any(a => arcs.Any(b => a.Low < b.Low && b.Low < a.High && a.High < b.High));
    }

    private static AnnotatedSentence Sentence(string spaced, string[] xpos, int[] heads, string[] relations)
    {
        var forms = spaced.Split(' ');
        var blank = ImmutableArray.CreateRange(forms.Select(_ => "_"));
        return new AnnotatedSentence([.. forms], blank, [.. xpos], blank, blank, [.. heads], [.. relations]);
    }
}
