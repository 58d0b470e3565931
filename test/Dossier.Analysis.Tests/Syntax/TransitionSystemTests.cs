using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

public sealed class TransitionSystemTests
{
    // "The US accused Islamabad of failing ." — 1-based heads, 0 = root; projective.
    private static readonly int[] ProjectiveHeads = [0, 2, 3, 0, 3, 6, 3, 3];

    [Fact]
    public void Zero_cost_moves_rebuild_a_projective_gold_tree()
    {
        var heads = ProjectiveHeads;
        var state = new ArcHybridState();
        state.Reset(heads.Length - 1);
        var children = ChildrenOf(heads);
        while (!state.IsTerminal)
        {
            var (shift, left, right) = state.Costs(heads, children);
            if (state.CanRoot)
            {
                Assert.Equal(0, right);
                state.ApplyRight(0);
            }
            else if (left == 0)
            {
                state.ApplyLeft(0);
            }
            else if (right == 0 && state.CanRight)
            {
                state.ApplyRight(0);
            }
            else
            {
                Assert.Equal(0, shift);
                state.ApplyShift();
            }
        }

        for (var i = 1; i < heads.Length; i++)
        {
            Assert.Equal(heads[i], state.Heads[i]);
        }
    }

    [Fact]
    public void Shifting_past_a_head_costs_one_arc()
    {
        var state = new ArcHybridState();
        state.Reset(ProjectiveHeads.Length - 1);
        state.ApplyShift(); // stack: ROOT The ; buffer: US accused …
        var (shift, left, right) = state.Costs(ProjectiveHeads, ChildrenOf(ProjectiveHeads));

        // "The" belongs under "US", the buffer front: LEFT builds that arc, SHIFT buries "The" for good.
        Assert.Equal(0, left);
        Assert.Equal(1, shift);
        Assert.Equal(int.MaxValue, right); // RIGHT onto ROOT waits for an empty buffer
    }

    [Fact]
    public void Every_parse_has_exactly_one_root()
    {
        var state = new ArcHybridState();
        state.Reset(5);
        // Shift everything, then reduce right-to-left: the only way to finish is a single ROOT attachment.
        while (state.CanShift)
        {
            state.ApplyShift();
        }

        while (!state.IsTerminal)
        {
            state.ApplyRight(1);
        }

        Assert.Equal(1, Enumerable.Range(1, 5).Count(i => state.Heads[i] == 0));
    }

    private static int[][] ChildrenOf(int[] heads) =>
        [.. Enumerable.Range(0, heads.Length).Select(h => Enumerable.Range(1, heads.Length - 1).Where(i => heads[i] == h).ToArray())];
}
