using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Dossier.Analysis.Entities;
using Dossier.Text;

namespace Dossier.Benchmarks.Entities;

/// <summary>
/// Tagging speed of the shipped entity model on a news-like document of about 1,000 tokens, with
/// and without the document-consistency pass. Tokens/s = 1,000 / mean time. Run:
/// <c>dotnet run -c Release --project bench/Dossier.Benchmarks -- --filter '*EntityRecognizer*'</c>
/// </summary>
[MemoryDiagnoser]
public class EntityRecognizerBenchmarks
{
    private static readonly string[] Sentences =
    [
        "The terrorist group Islamic State has over 10,000 loyal fighters in Afghanistan , and Moscow believes the US may be underestimating their threat , Russia 's special envoy says .",
        "Many of the IS fighters who fled those countries ended up in Afghanistan , Zamir Kabulov , the head of the Middle East department in the Russian Foreign Ministry , said .",
        "Rotor Volgograd must play their next home game behind closed doors after fans hurled bottles at Dynamo Moscow players during a 1-0 home defeat on Saturday .",
        "Romanian listed state engineer Comelf said it almost doubled six-month output , with net profit rising by 33 percent to 1.069 billion lei .",
        "The US accused Islamabad of failing to properly fight the Taliban and threatened it with repercussions unless Pakistan ramps up counterinsurgency operations .",
        "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
    ];

    private EntityRecognizer _full = null!;
    private EntityRecognizer _firstPass = null!;
    private Document _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _full = EntityRecognizer.LoadDefault();
        _firstPass = EntityRecognizer.LoadDefault(secondPass: false);
        var lines = new List<string>();
        while (lines.Sum(l => l.Split(' ').Length) < 1000)
        {
            lines.AddRange(Sentences);
        }

        _document = Build(lines);
    }

    [Benchmark(Baseline = true)]
    public Document TwoPasses() => _full.Process(_document, CancellationToken.None);

    [Benchmark]
    public Document FirstPassOnly() => _firstPass.Process(_document, CancellationToken.None);

    private static Document Build(List<string> sentences)
    {
        var text = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var spans = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var sentence in sentences)
        {
            var first = tokens.Count;
            foreach (var word in sentence.Split(' '))
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                var start = text.Length;
                text.Append(word);
                tokens.Add(new Token(new TextSpan(start, text.Length), TokenTraits.SpaceBefore));
            }

            spans.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[^1].Span.End), first, tokens.Count));
        }

        return new Document("bench", text.ToString()) { Tokens = tokens.ToImmutable(), Sentences = spans.ToImmutable() };
    }
}
