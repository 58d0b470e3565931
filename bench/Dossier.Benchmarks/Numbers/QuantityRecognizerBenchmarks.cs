using BenchmarkDotNet.Attributes;
using Dossier.Analysis.Dates;
using Dossier.Analysis.Numbers;

namespace Dossier.Benchmarks.Numbers;

/// <summary>
/// Throughput of the number and date recognisers over newswire-like text. Divide
/// <see cref="Text"/>'s length (reported by <see cref="Characters"/>) by the mean time for chars/s.
/// Run: dotnet run -c Release --project bench/Dossier.Benchmarks -- --filter '*QuantityRecognizer*' --job short
/// </summary>
[MemoryDiagnoser]
public class QuantityRecognizerBenchmarks
{
    private static readonly string[] Sentences =
    [
        "The terrorist group has over 10,000 loyal fighters in the region, and officials believe the figure may be underestimated.",
        "Many of the fighters who fled ended up in the north, where the group has as many as 10,000 troops at the moment, the envoy said.",
        "Our estimate is that their force there is stronger than 10,000 troops and is continuing to grow.",
        "The Taliban controls half of the country, according to a report published on 23 December 2017.",
        "Between 5,000 and 7,000 militants remain, with thousands of reservists and around 3,000 foreign recruits.",
        "Unemployment rose to 30 per cent last year, up from 12.5% in April 2016, while exports fell by $2bn.",
        "In April, Moscow invited the US to take part in peace talks, but the delegation declined on Thursday.",
        "Tens of thousands of people marched on Sunday, and police said at least 40 were detained and about two-thirds released.",
    ];

    /// <summary>The benchmark text: the sentences repeated to about 10,000 characters.</summary>
    public string Text { get; } = string.Join(' ', Enumerable.Repeat(string.Join(' ', Sentences), 12));

    /// <summary>Characters per operation.</summary>
    public int Characters => Text.Length;

    [Benchmark]
    public int Quantities() => QuantityRecognizer.Find(Text).Length;

    [Benchmark]
    public int TimeExpressions() => TimeExpressionRecognizer.Find(Text, new DateOnly(2017, 12, 23)).Length;
}
