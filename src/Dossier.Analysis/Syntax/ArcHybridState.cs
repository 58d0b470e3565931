namespace Dossier.Analysis.Syntax;

/// <summary>
/// Configuration of the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011):
/// a stack with ROOT (index 0) at the bottom, a buffer of words b..n, and the arcs built so far.
/// SHIFT pushes b; LEFT-l attaches s0 to b and pops s0; RIGHT-l attaches s0 to s1 and pops s0.
/// RIGHT onto ROOT is allowed only once the buffer is empty (with label root), so every parse has
/// exactly one root. Words are 1-based; heads use 0 for ROOT. Reused between sentences.
/// </summary>
internal sealed class ArcHybridState
{
    public const int Shift = 0;
    public const int NoChild = -1;

    private int[] _stack = new int[64];

    public int Length { get; private set; }

    public int StackCount { get; private set; }

    /// <summary>Front of the buffer; the buffer is empty when it exceeds <see cref="Length"/>.</summary>
    public int Buffer { get; private set; }

    public int[] Heads { get; private set; } = new int[64];

    public int[] Labels { get; private set; } = new int[64];

    public int[] LeftMost { get; private set; } = new int[64];

    public int[] LeftMost2 { get; private set; } = new int[64];

    public int[] RightMost { get; private set; } = new int[64];

    public int[] RightMost2 { get; private set; } = new int[64];

    public int[] LeftCount { get; private set; } = new int[64];

    public int[] RightCount { get; private set; } = new int[64];

    public ulong[] LeftLabels { get; private set; } = new ulong[64];

    public ulong[] RightLabels { get; private set; } = new ulong[64];

    public bool IsTerminal => Buffer > Length && StackCount == 1;

    public bool BufferEmpty => Buffer > Length;

    public void Reset(int length)
    {
        if (Heads.Length < length + 1)
        {
            var size = Math.Max(length + 1, Heads.Length * 2);
            _stack = new int[size + 1];
            Heads = new int[size];
            Labels = new int[size];
            LeftMost = new int[size];
            LeftMost2 = new int[size];
            RightMost = new int[size];
            RightMost2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }

        Length = length;
        for (var i = 0; i <= length; i++)
        {
            Heads[i] = -1;
            Labels[i] = -1;
            LeftMost[i] = LeftMost2[i] = RightMost[i] = RightMost2[i] = NoChild;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }

        _stack[0] = 0;
        StackCount = 1;
        Buffer = 1;
    }

    /// <summary>
    /// Makes this configuration a copy of <paramref name="other"/> (beam search keeps several).
    /// Copies only the words of the sentence, so the cost is linear in its length.
    /// </summary>
    public void CopyFrom(ArcHybridState other)
    {
        var length = other.Length;
        if (Heads.Length < length + 1)
        {
            Reset(length);
        }

        Length = length;
        StackCount = other.StackCount;
        Buffer = other.Buffer;
        Array.Copy(other._stack, _stack, other.StackCount);
        var count = length + 1;
        Array.Copy(other.Heads, Heads, count);
        Array.Copy(other.Labels, Labels, count);
        Array.Copy(other.LeftMost, LeftMost, count);
        Array.Copy(other.LeftMost2, LeftMost2, count);
        Array.Copy(other.RightMost, RightMost, count);
        Array.Copy(other.RightMost2, RightMost2, count);
        Array.Copy(other.LeftCount, LeftCount, count);
        Array.Copy(other.RightCount, RightCount, count);
        Array.Copy(other.LeftLabels, LeftLabels, count);
        Array.Copy(other.RightLabels, RightLabels, count);
    }

    /// <summary>The i-th item from the top of the stack (0 = top), or -1.</summary>
    public int Stack(int i) => i < StackCount ? _stack[StackCount - 1 - i] : -1;

    /// <summary>The i-th word of the buffer (0 = front), or -1.</summary>
    public int BufferAt(int i) => Buffer + i <= Length ? Buffer + i : -1;

    public bool CanShift => Buffer <= Length;

    public bool CanLeft => Buffer <= Length && StackCount >= 2;

    /// <summary>RIGHT onto a word; RIGHT onto ROOT is <see cref="CanRoot"/>.</summary>
    public bool CanRight => StackCount >= 3;

    public bool CanRoot => StackCount == 2 && Buffer > Length;

    public void ApplyShift()
    {
        _stack[StackCount++] = Buffer++;
    }

    public void ApplyLeft(int label)
    {
        var dependent = _stack[--StackCount];
        AddLeftChild(Buffer, dependent, label);
    }

    /// <summary>RIGHT: s1 becomes the head of s0 (also used for the final ROOT attachment).</summary>
    public void ApplyRight(int label)
    {
        var dependent = _stack[--StackCount];
        var head = _stack[StackCount - 1];
        Heads[dependent] = head;
        Labels[dependent] = label;
        RightMost2[head] = RightMost[head];
        RightMost[head] = dependent;
        RightCount[head]++;
        RightLabels[head] |= 1UL << (label & 63);
    }

    private void AddLeftChild(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        // Arc-hybrid adds a word's left dependents from nearest to farthest, so the newest is leftmost.
        LeftMost2[head] = LeftMost[head];
        LeftMost[head] = dependent;
        LeftCount[head]++;
        LeftLabels[head] |= 1UL << (label & 63);
    }

    /// <summary>
    /// Unlabelled costs of SHIFT, LEFT and RIGHT under the dynamic oracle of Goldberg and Nivre
    /// (2013): the number of gold arcs that each move makes unreachable. Exact for projective gold
    /// trees; for non-projective ones it still ranks moves by how much of the tree they lose.
    /// </summary>
    public (int Shift, int Left, int Right) Costs(ReadOnlySpan<int> goldHeads, int[][] goldChildren)
    {
        var s0 = Stack(0);
        var s1 = Stack(1);
        var b = Buffer;
        int shift = int.MaxValue, left = int.MaxValue, right = int.MaxValue;
        if (CanShift)
        {
            // b can no longer take a head deeper than s0, nor any stack word as dependent.
            shift = 0;
            for (var i = 0; i < StackCount; i++)
            {
                var k = _stack[i];
                if (k != 0 && goldHeads[k] == b)
                {
                    shift++;
                }

                if (goldHeads[b] == k && k != s0)
                {
                    shift++;
                }
            }
        }

        if (s0 > 0)
        {
            var dependentsInBuffer = 0;
            foreach (var child in goldChildren[s0])
            {
                if (child >= b)
                {
                    dependentsInBuffer++;
                }
            }

            var head = goldHeads[s0];
            if (CanLeft)
            {
                left = dependentsInBuffer + (head != b && (head == s1 || head > b) ? 1 : 0);
            }

            if (CanRight || CanRoot)
            {
                right = dependentsInBuffer + (head >= b && b <= Length ? 1 : 0);
            }
        }

        return (shift, left, right);
    }
}
