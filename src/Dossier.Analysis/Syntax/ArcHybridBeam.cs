namespace Dossier.Analysis.Syntax;

/// <summary>The per-word feature atoms of one sentence (1-based; index 0 is ROOT), as <see cref="ParserFeatures.Extract"/> reads them.</summary>
internal readonly record struct SentenceAtoms(int[] Words, int[] Tags, int[] Suffixes, int[] Punctuation, int[] Clusters)
{
    public int Length => Words.Length - 1;
}

/// <summary>
/// Beam search over arc-hybrid transition sequences: keeps the <see cref="Width"/> best-scoring
/// configurations after every step, where a configuration's score is the sum of its transitions'
/// scores. Every complete sequence has exactly 2n transitions (n shifts, n pops), so all items of
/// the beam finish together and the best one is the parse. Ties are broken by the order in which
/// candidates are offered (beam position of the parent, then transition id), so decoding is
/// deterministic. The same search serves training (<see cref="DependencyParserTrainer"/>): given
/// the oracle sequence it finds the step of maximum violation (Huang, Fayong and Guo 2012).
/// Not thread-safe; one instance per thread.
/// </summary>
internal sealed class ArcHybridBeam
{
    [ThreadStatic]
    private static ArcHybridBeam? t_shared;

    private readonly ArcHybridState[] _current;
    private readonly ArcHybridState[] _next;
    private readonly double[] _scores;
    private readonly double[] _nextScores;
    private readonly bool[] _gold;
    private readonly bool[] _nextGold;
    private readonly double[] _candidateScores;
    private readonly int[] _candidateParents;
    private readonly int[] _candidateTransitions;
    private readonly ArcHybridState _goldState = new();
    private readonly ulong[] _features = new ulong[ParserFeatures.Count];
    private float[] _transitionScores = [];
    private int[] _parents = new int[256];
    private int[] _transitions = new int[256];
    private int _count;
    private int _candidateCount;

    public ArcHybridBeam(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Width = width;
        _current = new ArcHybridState[width];
        _next = new ArcHybridState[width];
        for (var k = 0; k < width; k++)
        {
            _current[k] = new ArcHybridState();
            _next[k] = new ArcHybridState();
        }

        _scores = new double[width];
        _nextScores = new double[width];
        _gold = new bool[width];
        _nextGold = new bool[width];
        _candidateScores = new double[width];
        _candidateParents = new int[width];
        _candidateTransitions = new int[width];
    }

    public int Width { get; }

    /// <summary>The best complete configuration of the last <see cref="Search"/>.</summary>
    public ArcHybridState Best => _current[0];

    /// <summary>
    /// Length of the prefix at which the best beam item outscored the oracle prefix by the most
    /// while the oracle had fallen out of the beam (or the whole sequence, when the oracle stayed
    /// in but did not win); 0 when the oracle sequence won and no update is needed.
    /// </summary>
    public int ViolationLength { get; private set; }

    /// <summary>Beam position, at <see cref="ViolationLength"/>, of the item to penalise.</summary>
    public int ViolationItem { get; private set; }

    /// <summary>A beam for the calling thread, reused between sentences while the width stays the same.</summary>
    public static ArcHybridBeam ForThread(int width)
    {
        var beam = t_shared;
        if (beam is null || beam.Width != width)
        {
            t_shared = beam = new ArcHybridBeam(width);
        }

        return beam;
    }

    /// <summary>
    /// Runs the search. With an empty <paramref name="oracle"/> it only decodes; with the oracle
    /// sequence (2n transitions) it also sets <see cref="ViolationLength"/> and <see cref="ViolationItem"/>.
    /// </summary>
    public void Search(IScorer scorer, SentenceAtoms sentence, int rootLabel, int labelCount, ReadOnlySpan<int> oracle)
    {
        var n = sentence.Length;
        var steps = 2 * n;
        var training = !oracle.IsEmpty;
        if (training && oracle.Length != steps)
        {
            throw new ArgumentException("The oracle sequence must have 2n transitions.", nameof(oracle));
        }

        if (_transitionScores.Length != scorer.Classes)
        {
            _transitionScores = new float[scorer.Classes];
        }

        if (_parents.Length < steps * Width)
        {
            _parents = new int[steps * Width * 2];
            _transitions = new int[steps * Width * 2];
        }

        _current[0].Reset(n);
        _scores[0] = 0;
        _gold[0] = training;
        _count = 1;
        ViolationLength = 0;
        ViolationItem = 0;
        var goldScore = 0.0;
        var goldInBeam = training;
        var maxViolation = double.NegativeInfinity;
        var scores = _transitionScores;
        for (var step = 0; step < steps; step++)
        {
            _candidateCount = 0;
            var goldParent = -1;
            for (var k = 0; k < _count; k++)
            {
                var state = _current[k];
                ParserFeatures.Extract(state, sentence.Words, sentence.Tags, sentence.Suffixes, sentence.Punctuation, sentence.Clusters, _features);
                Array.Clear(scores);
                scorer.Score(_features, scores);
                if (training && _gold[k])
                {
                    goldParent = k;
                    goldScore = _scores[k] + scores[oracle[step]];
                }

                OfferAll(state, scores, _scores[k], k, rootLabel, labelCount);
            }

            if (training && !goldInBeam)
            {
                // The oracle prefix left the beam earlier: score it on its own configuration.
                ParserFeatures.Extract(_goldState, sentence.Words, sentence.Tags, sentence.Suffixes, sentence.Punctuation, sentence.Clusters, _features);
                Array.Clear(scores);
                scorer.Score(_features, scores);
                goldScore += scores[oracle[step]];
                DependencyParserModel.Apply(_goldState, oracle[step], labelCount);
            }

            var anyGold = false;
            var history = step * Width;
            for (var c = 0; c < _candidateCount; c++)
            {
                var parent = _candidateParents[c];
                var transition = _candidateTransitions[c];
                _next[c].CopyFrom(_current[parent]);
                DependencyParserModel.Apply(_next[c], transition, labelCount);
                _nextScores[c] = _candidateScores[c];
                _nextGold[c] = training && _gold[parent] && transition == oracle[step];
                anyGold |= _nextGold[c];
                _parents[history + c] = parent;
                _transitions[history + c] = transition;
            }

            if (goldInBeam && !anyGold)
            {
                goldInBeam = false;
                _goldState.CopyFrom(_current[goldParent]);
                DependencyParserModel.Apply(_goldState, oracle[step], labelCount);
            }

            Swap();
            if (training && !goldInBeam && _scores[0] - goldScore > maxViolation)
            {
                maxViolation = _scores[0] - goldScore;
                ViolationLength = step + 1;
                ViolationItem = 0;
            }
        }

        if (training && goldInBeam && !_gold[0])
        {
            // The oracle survived to the end but another sequence scored higher: an ordinary perceptron mistake.
            ViolationLength = steps;
            ViolationItem = 0;
        }
    }

    /// <summary>Writes the first <paramref name="length"/> transitions of the item at beam position <paramref name="item"/> after that many steps.</summary>
    public void CopySequence(int length, int item, Span<int> into)
    {
        for (var step = length - 1; step >= 0; step--)
        {
            into[step] = _transitions[(step * Width) + item];
            item = _parents[(step * Width) + item];
        }
    }

    private void OfferAll(ArcHybridState state, float[] scores, double prefix, int parent, int rootLabel, int labelCount)
    {
        if (state.CanRoot)
        {
            // Only the final attachment to ROOT is possible here, and it is labelled root.
            var root = 1 + labelCount + rootLabel;
            Offer(prefix + scores[root], parent, root);
            return;
        }

        if (state.CanShift)
        {
            Offer(prefix + scores[ArcHybridState.Shift], parent, ArcHybridState.Shift);
        }

        if (state.CanLeft)
        {
            for (var l = 0; l < labelCount; l++)
            {
                if (l != rootLabel)
                {
                    Offer(prefix + scores[1 + l], parent, 1 + l);
                }
            }
        }

        if (state.CanRight)
        {
            for (var l = 0; l < labelCount; l++)
            {
                if (l != rootLabel)
                {
                    Offer(prefix + scores[1 + labelCount + l], parent, 1 + labelCount + l);
                }
            }
        }
    }

    /// <summary>Keeps the candidate if it is among the best <see cref="Width"/>; an equal score never displaces an earlier candidate.</summary>
    private void Offer(double score, int parent, int transition)
    {
        if (_candidateCount == Width && score <= _candidateScores[Width - 1])
        {
            return;
        }

        var at = _candidateCount < Width ? _candidateCount++ : Width - 1;
        while (at > 0 && _candidateScores[at - 1] < score)
        {
            _candidateScores[at] = _candidateScores[at - 1];
            _candidateParents[at] = _candidateParents[at - 1];
            _candidateTransitions[at] = _candidateTransitions[at - 1];
            at--;
        }

        _candidateScores[at] = score;
        _candidateParents[at] = parent;
        _candidateTransitions[at] = transition;
    }

    private void Swap()
    {
        for (var k = 0; k < _candidateCount; k++)
        {
            (_current[k], _next[k]) = (_next[k], _current[k]);
            _scores[k] = _nextScores[k];
            _gold[k] = _nextGold[k];
        }

        _count = _candidateCount;
    }
}
