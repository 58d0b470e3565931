using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>
/// A trained entity model: the label set, the unlabelled-data resources its features read (word
/// clusters, gazetteer) and one or two passes of weights (the second pass sees the first pass's
/// labels for the whole document). Everything the features need travels in one file, so a model
/// can never be run with clusters or lists other than those it was trained with.
/// Immutable and thread-safe.
/// </summary>
internal sealed class EntityModel
{
    private const string Magic = "DOSSIER-NER";
    private const int FormatVersion = 1;

    public EntityModel(EntityLabels labels, WordClusters? clusters, Gazetteer? gazetteer, ChainWeights firstPass, ChainWeights? secondPass, string description)
    {
        Labels = labels;
        Clusters = clusters;
        Gazetteer = gazetteer;
        FirstPass = firstPass;
        SecondPass = secondPass;
        Description = description;
        Features = new EntityFeatureExtractor(clusters, gazetteer);
    }

    public EntityLabels Labels { get; }

    public WordClusters? Clusters { get; }

    public Gazetteer? Gazetteer { get; }

    public ChainWeights FirstPass { get; }

    public ChainWeights? SecondPass { get; }

    /// <summary>How the model was trained (command, data, scores), for <c>models/README.md</c> and error reports.</summary>
    public string Description { get; }

    public EntityFeatureExtractor Features { get; }

    /// <summary>
    /// Tags every sentence of the document and returns BILOU labels per token. With
    /// <paramref name="secondPass"/> false only the first pass runs (faster, slightly less accurate).
    /// </summary>
    public int[] Tag(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, bool secondPass = true)
    {
        var buffer = new FeatureBuffer();
        var labels = new int[tokens.Length];
        var scores = new float[tokens.Length * Labels.Count];
        Features.Extract(text, tokens, sentences, [], buffer);
        Decode(FirstPass, buffer, sentences, scores, labels);
        if (secondPass && SecondPass is not null)
        {
            var first = labels;
            labels = new int[tokens.Length];
            Features.Extract(text, tokens, sentences, first, buffer);
            Decode(SecondPass, buffer, sentences, scores, labels);
        }

        return labels;
    }

    internal void Decode(ChainWeights weights, FeatureBuffer buffer, ReadOnlySpan<Sentence> sentences, float[] scores, int[] labels)
    {
        weights.Score(buffer, scores);
        var l = Labels.Count;
        foreach (var sentence in sentences)
        {
            Viterbi.Decode(
                scores.AsSpan(sentence.FirstToken * l, sentence.TokenCount * l),
                sentence.TokenCount,
                Labels,
                weights.Transitions,
                weights.Start,
                weights.End,
                labels.AsSpan(sentence.FirstToken, sentence.TokenCount));
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        Save(gzip);
    }

    /// <summary>Writes the model: a header, the resources, then each pass with rows stored sparsely (a label mask and the non-zero weights).</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Description);
        writer.Write(Labels.Types.Length);
        foreach (var type in Labels.Types)
        {
            writer.Write(type);
        }

        writer.Write(Clusters is not null);
        if (Clusters is not null)
        {
            writer.Write(Clusters.Entries.Count);
            foreach (var entry in Clusters.Entries)
            {
                writer.Write(entry.Form);
                writer.Write(entry.Count);
                writer.Write(entry.MidSentence);
                writer.Write(entry.Path);
            }
        }

        writer.Write(Gazetteer is not null);
        if (Gazetteer is not null)
        {
            writer.Write(Gazetteer.Lists.Length);
            foreach (var list in Gazetteer.Lists)
            {
                writer.Write(list);
            }

            writer.Write(Gazetteer.Entries.Length);
            foreach (var (phrase, list) in Gazetteer.Entries)
            {
                writer.Write(phrase);
                writer.Write((byte)list);
            }
        }

        WritePass(writer, FirstPass);
        writer.Write(SecondPass is not null);
        if (SecondPass is not null)
        {
            WritePass(writer, SecondPass);
        }
    }

    public static EntityModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        return Load(buffered);
    }

    public static EntityModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!string.Equals(reader.ReadString(), Magic, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a Dossier entity model.");
        }

        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Entity model format {version} is not supported (expected {FormatVersion}); retrain it with 'dossier train ner'.");
        }

        var description = reader.ReadString();
        var types = ImmutableArray.CreateBuilder<string>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            types.Add(reader.ReadString());
        }

        var labels = new EntityLabels(types.ToImmutable());
        WordClusters? clusters = null;
        if (reader.ReadBoolean())
        {
            var entries = new List<WordClusterEntry>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                entries.Add(new WordClusterEntry(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadString()));
            }

            clusters = new WordClusters(entries);
        }

        Gazetteer? gazetteer = null;
        if (reader.ReadBoolean())
        {
            var lists = ImmutableArray.CreateBuilder<string>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                lists.Add(reader.ReadString());
            }

            var entries = new List<(string, int)>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                entries.Add((reader.ReadString(), reader.ReadByte()));
            }

            gazetteer = new Gazetteer(lists.ToImmutable(), entries);
        }

        var first = ReadPass(reader, labels.Count);
        var second = reader.ReadBoolean() ? ReadPass(reader, labels.Count) : null;
        return new EntityModel(labels, clusters, gazetteer, first, second, description);
    }

    private static void WritePass(BinaryWriter writer, ChainWeights pass)
    {
        var l = pass.LabelCount;
        foreach (var array in new[] { pass.Transitions, pass.Start, pass.End })
        {
            writer.Write(array.Length);
            foreach (var value in array)
            {
                writer.Write(value);
            }
        }

        var keys = pass.Table.KeysByRow();
        var kept = 0;
        for (var row = 0; row < keys.Length; row++)
        {
            if (MaskOf(pass.Weights.AsSpan(row * l, l)) != 0)
            {
                kept++;
            }
        }

        writer.Write(kept);
        for (var row = 0; row < keys.Length; row++)
        {
            var weights = pass.Weights.AsSpan(row * l, l);
            var mask = MaskOf(weights);
            if (mask == 0)
            {
                continue;
            }

            writer.Write(keys[row]);
            writer.Write(mask);
            foreach (var weight in weights)
            {
                if (weight != 0)
                {
                    writer.Write(weight);
                }
            }
        }
    }

    private static uint MaskOf(ReadOnlySpan<float> weights)
    {
        var mask = 0u;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] != 0)
            {
                mask |= 1u << i;
            }
        }

        return mask;
    }

    private static ChainWeights ReadPass(BinaryReader reader, int labelCount)
    {
        var arrays = new float[3][];
        for (var a = 0; a < 3; a++)
        {
            arrays[a] = new float[reader.ReadInt32()];
            for (var i = 0; i < arrays[a].Length; i++)
            {
                arrays[a][i] = reader.ReadSingle();
            }
        }

        var rows = reader.ReadInt32();
        var table = new FeatureTable(rows);
        var weights = new float[rows * labelCount];
        for (var r = 0; r < rows; r++)
        {
            var row = table.FindOrAdd(reader.ReadUInt64());
            var mask = reader.ReadUInt32();
            for (var label = 0; label < labelCount; label++)
            {
                if ((mask & (1u << label)) != 0)
                {
                    weights[(row * labelCount) + label] = reader.ReadSingle();
                }
            }
        }

        return new ChainWeights(labelCount, table, weights, arrays[0], arrays[1], arrays[2]);
    }
}
