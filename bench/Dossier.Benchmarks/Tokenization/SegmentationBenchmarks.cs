using BenchmarkDotNet.Attributes;
using Dossier.Analysis.Models;
using Dossier.Analysis.Paragraphs;
using Dossier.Analysis.Sentences;
using Dossier.Analysis.Tokenization;
using Dossier.Text;

namespace Dossier.Benchmarks.Tokenization;

/// <summary>
/// Tokenisation and sentence splitting over a whole corpus in one document, against a plain
/// whitespace split as the baseline ratio. Tokens per second = token count / mean time.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private Document _paragraphs = null!;
    private Document _tokenized = null!;
    private string _text = null!;
    private readonly Tokenizer _tokenizer = new();
    private SentenceSplitter _sentences = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (text, source) = BenchmarkText.Load();
        using (var model = File.OpenRead(ModelFiles.PathOf(SentenceBoundaryModel.FileName)))
        {
            _sentences = new SentenceSplitter(SentenceBoundaryModel.Load(model));
        }

        _text = text;
        _paragraphs = new ParagraphSegmenter(ArticleLayout.Plain).Process(new Document("bench", text), CancellationToken.None);
        _tokenized = _tokenizer.Process(_paragraphs, CancellationToken.None);
        Console.WriteLine($"// {source}: {text.Length:N0} characters, {_tokenized.Tokens.Length:N0} tokens");
    }

    [Benchmark(Baseline = true, Description = "string.Split on whitespace")]
    public int WhitespaceSplit() => _text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [Benchmark(Description = "Tokenizer")]
    public int Tokenize() => _tokenizer.Process(_paragraphs, CancellationToken.None).Tokens.Length;

    [Benchmark(Description = "SentenceSplitter (learned boundaries)")]
    public int SplitSentences() => _sentences.Process(_tokenized, CancellationToken.None).Sentences.Length;

    [Benchmark(Description = "Tokenizer + SentenceSplitter")]
    public int TokenizeAndSplit() => _sentences.Process(_tokenizer.Process(_paragraphs, CancellationToken.None), CancellationToken.None).Sentences.Length;
}
