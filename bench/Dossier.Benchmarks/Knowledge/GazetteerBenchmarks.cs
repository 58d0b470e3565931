using BenchmarkDotNet.Attributes;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;

namespace Dossier.Benchmarks.Knowledge;

/// <summary>Loading the gazetteer (goal: under 500 ms) and looking names up.</summary>
[MemoryDiagnoser]
public class GazetteerBenchmarks
{
    private Gazetteer _gazetteer = null!;

    [GlobalSetup]
    public void Setup() => _gazetteer = Gazetteer.Load(Gazetteer.DefaultPath);

    [Benchmark]
    public Gazetteer Load() => Gazetteer.Load(Gazetteer.DefaultPath);

    [Benchmark]
    public KnowledgeBase LoadKnowledgeBase() => KnowledgeBase.Load(KnowledgeBase.DefaultDirectory);

    [Benchmark]
    public int Lookup()
    {
        var found = 0;
        foreach (var name in Names)
        {
            if (_gazetteer.TryGet(name, out var places))
            {
                found += places.Length;
            }
        }

        return found;
    }

    private static readonly string[] Names = ["Kabul", "Bangor", "Albany", "São Paulo", "Springfield", "Henry County", "Nowhere-on-Sea"];
}
