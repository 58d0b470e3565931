using Dossier.Analysis.Syntax;

namespace Dossier.Analysis.Tests.Syntax;

/// <summary>Tree queries over hand-written UD trees, independent of any model.</summary>
public sealed class DependencyTreeTests
{
    // The US accused Islamabad and threatened it .
    private static readonly Dossier.Text.Document Coordinated = SentenceFixture.WithTree(
        "The US accused Islamabad and threatened it .",
        [2, 3, 0, 3, 6, 3, 6, 3],
        ["det", "nsubj", "root", "obj", "cc", "conj", "obj", "punct"]);

    // Kabulov , the head of the department , said he could not come .
    private static readonly Dossier.Text.Document Reported = SentenceFixture.WithTree(
        "Kabulov , the head of the department , said he could not come .",
        [9, 4, 4, 1, 7, 7, 4, 4, 0, 13, 13, 13, 9, 9],
        ["nsubj", "punct", "det", "appos", "case", "det", "nmod", "punct", "root", "nsubj", "aux", "advmod", "ccomp", "punct"],
        ["NNP", ",", "DT", "NN", "IN", "DT", "NN", ",", "VBD", "PRP", "MD", "RB", "VB", "."]);

    // Islamabad was accused by the US .
    private static readonly Dossier.Text.Document Passive = SentenceFixture.WithTree(
        "Islamabad was accused by the US .",
        [3, 3, 0, 6, 6, 3, 3],
        ["nsubj:pass", "aux:pass", "root", "case", "det", "obl:agent", "punct"]);

    [Fact]
    public void Finds_agent_and_passive_subject()
    {
        var accused = SentenceFixture.IndexOf(Passive, "accused");

        Assert.True(DependencyTree.IsPassive(Passive, accused));
        Assert.False(DependencyTree.IsPassive(Coordinated, SentenceFixture.IndexOf(Coordinated, "accused")));
        Assert.Equal(["US"], SentenceFixture.Words(Passive, DependencyTree.Agents(Passive, accused)));
        Assert.Equal(["Islamabad"], SentenceFixture.Words(Passive, DependencyTree.Subjects(Passive, accused)));
    }

    [Fact]
    public void Finds_subject_of_coordinated_verbs()
    {
        var us = SentenceFixture.IndexOf(Coordinated, "US");

        Assert.Equal([us], DependencyTree.Subjects(Coordinated, SentenceFixture.IndexOf(Coordinated, "accused")));
        Assert.Equal([us], DependencyTree.Subjects(Coordinated, SentenceFixture.IndexOf(Coordinated, "threatened")));
    }

    [Fact]
    public void Finds_objects_of_each_conjunct()
    {
        Assert.Equal(["Islamabad"], SentenceFixture.Words(Coordinated, DependencyTree.Objects(Coordinated, SentenceFixture.IndexOf(Coordinated, "accused"))));
        Assert.Equal(["it"], SentenceFixture.Words(Coordinated, DependencyTree.Objects(Coordinated, SentenceFixture.IndexOf(Coordinated, "threatened"))));
    }

    [Fact]
    public void Lists_conjuncts_from_any_member()
    {
        var expected = new[] { "accused", "threatened" };

        Assert.Equal(expected, SentenceFixture.Words(Coordinated, DependencyTree.Conjuncts(Coordinated, SentenceFixture.IndexOf(Coordinated, "accused"))));
        Assert.Equal(expected, SentenceFixture.Words(Coordinated, DependencyTree.Conjuncts(Coordinated, SentenceFixture.IndexOf(Coordinated, "threatened"))));
        Assert.Equal(["Islamabad"], SentenceFixture.Words(Coordinated, DependencyTree.Conjuncts(Coordinated, SentenceFixture.IndexOf(Coordinated, "Islamabad"))));
    }

    [Fact]
    public void Finds_apposition_in_both_directions()
    {
        var kabulov = SentenceFixture.IndexOf(Reported, "Kabulov");
        var head = SentenceFixture.IndexOf(Reported, "head");

        Assert.Equal([head], DependencyTree.Appositions(Reported, kabulov));
        Assert.Equal([kabulov], DependencyTree.Appositions(Reported, head));
    }

    [Fact]
    public void Finds_clausal_complement_negation_and_modality()
    {
        var said = SentenceFixture.IndexOf(Reported, "said");
        var come = SentenceFixture.IndexOf(Reported, "come");

        Assert.Equal([come], DependencyTree.ClausalComplements(Reported, said));
        Assert.True(DependencyTree.IsNegated(Reported, come));
        Assert.False(DependencyTree.IsNegated(Reported, said));
        Assert.Equal(["could"], SentenceFixture.Words(Reported, DependencyTree.Modals(Reported, come)));
        Assert.Empty(DependencyTree.Modals(Reported, said));
    }

    [Fact]
    public void Subtree_covers_the_whole_apposition()
    {
        var (first, end) = DependencyTree.Subtree(Reported, SentenceFixture.IndexOf(Reported, "Kabulov"));

        Assert.Equal("Kabulov , the head of the department ,", Reported.Text[Reported.Tokens[first].Span.Start..Reported.Tokens[end - 1].Span.End]);
    }
}
