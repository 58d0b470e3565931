using Dossier.Knowledge.Actors;

namespace Dossier.Knowledge.Tests;

/// <summary>Loads the repository's knowledge base once per test run (copied next to the test binaries).</summary>
internal static class KnowledgeFixture
{
    private static readonly Lazy<KnowledgeBase> s_kb = new(() => KnowledgeBase.Load(KnowledgeBase.DefaultDirectory));

    public static KnowledgeBase Kb => s_kb.Value;
}
