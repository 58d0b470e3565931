using BenchmarkDotNet.Attributes;
using Dossier.Analysis.Models;
using Dossier.Analysis.Syntax;
using Dossier.Text;

namespace Dossier.Benchmarks.Syntax;

/// <summary>
/// Tagger and parser throughput on one thread. Each operation processes the whole batch and
/// <see cref="BenchmarkAttribute.OperationsPerInvoke"/>-style normalisation is done by hand: divide
/// the batch's token count (printed in setup) by the mean to get tokens per second.
/// Run: dotnet run -c Release --project bench/Dossier.Benchmarks -- --filter '*SyntaxBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private const int Repeats = 40;

    private static readonly string[] Sentences =
    [
        "The US accused Islamabad of failing to properly fight the Taliban and threatened it with repercussions unless Pakistan ramps up counterinsurgency operations in its tribal areas .",
        "Many of the IS fighters who fled those countries ended up in Afghanistan , where the terrorist group has as many as 10,000 troops at the moment , Zamir Kabulov , the head of the Middle East department in the Russian Foreign Ministry , said .",
        "\u201C Russia was among the first nations to ring alarm about the expansion of IS into Afghanistan , \u201D he told RIA Novosti .",
        "The ministry said on Tuesday that talks would resume next week in Geneva if both sides agreed .",
        "Officials did not say how many people had been detained .",
    ];

    private PosTagger _tagger = null!;
    private DependencyParser _parser = null!;
    private Document _tokenized = null!;
    private Document _tagged = null!;

    /// <summary>Tokens in one batch.</summary>
    public int Tokens => _tokenized.Tokens.Length;

    [GlobalSetup]
    public void Setup()
    {
        _tagger = new PosTagger(PosTaggerModel.Load(ModelFiles.PathOf(PosTagger.ModelFileName)));
        _parser = new DependencyParser(DependencyParserModel.Load(ModelFiles.PathOf(DependencyParser.ModelFileName)));
        _tokenized = Build(string.Join(' ', Enumerable.Repeat(Sentences, Repeats).SelectMany(s => s)));
        _tagged = _tagger.Process(_tokenized, CancellationToken.None);
        Console.WriteLine($"// batch: {Tokens} tokens; tokens/s = {Tokens} / mean");
    }

    [Benchmark]
    public Document Tag() => _tagger.Process(_tokenized, CancellationToken.None);

    [Benchmark]
    public Document Parse() => _parser.Process(_tagged, CancellationToken.None);

    [Benchmark]
    public PosTaggerModel LoadTagger() => PosTaggerModel.Load(ModelFiles.PathOf(PosTagger.ModelFileName));

    [Benchmark]
    public DependencyParserModel LoadParser() => DependencyParserModel.Load(ModelFiles.PathOf(DependencyParser.ModelFileName));

    /// <summary>Tokens are the space-separated pieces; a sentence ends after each ".".</summary>
    private static Document Build(string spaced)
    {
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        var start = 0;
        var sentenceStart = 0;
        foreach (var piece in spaced.Split(' '))
        {
            tokens.Add(new Token(new TextSpan(start, start + piece.Length), TokenTraits.SpaceBefore));
            if (piece == ".")
            {
                sentences.Add(new Sentence(new TextSpan(tokens[sentenceStart].Span.Start, start + 1), sentenceStart, tokens.Count));
                sentenceStart = tokens.Count;
            }

            start += piece.Length + 1;
        }

        return new Document("bench", spaced) { Tokens = [.. tokens], Sentences = [.. sentences] };
    }
}
