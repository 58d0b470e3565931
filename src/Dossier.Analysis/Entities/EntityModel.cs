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
    private const int FormatVersion = 4;

    public EntityModel(
        EntityLabels labels,
        WordClusters? clusters,
        Gazetteer? gazetteer,
        Gazetteer? lexicon,
        FeatureTable table,
        PassWeights firstPass,
        PassWeights? secondPass,
        string description)
    {
        Labels = labels;
        Lexicon = lexicon;
        Table = table;
        Clusters = clusters;
        Gazetteer = gazetteer;
        FirstPass = firstPass;
        SecondPass = secondPass;
        Description = description;
        Features = new EntityFeatureExtractor(clusters, gazetteer, lexicon);
    }

    public EntityLabels Labels { get; }

    public WordClusters? Clusters { get; }

    public Gazetteer? Gazetteer { get; }

    /// <summary>Names seen in the training data, one list per entity type (a phrase may be in several).</summary>
    public Gazetteer? Lexicon { get; }

    /// <summary>Feature key → row, shared by both passes so that the second pass looks no key up twice.</summary>
    public FeatureTable Table { get; }

    public PassWeights FirstPass { get; }

    public PassWeights? SecondPass { get; }

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
        Features.Extract(text, tokens, sentences, buffer);
        var rows = Lookup(buffer);
        FirstPass.AddScores(rows, buffer.Offsets, buffer.TokenCount, scores);
        Decode(FirstPass, scores, sentences, labels);
        if (secondPass && SecondPass is not null)
        {
            var extra = new FeatureBuffer();
            EntityFeatureExtractor.ExtractSecondPass(buffer, labels, extra);
            var extraRows = Lookup(extra);
            Array.Clear(scores);
            SecondPass.AddScores(rows, buffer.Offsets, buffer.TokenCount, scores);
            SecondPass.AddScores(extraRows, extra.Offsets, extra.TokenCount, scores);
            labels = new int[tokens.Length];
            Decode(SecondPass, scores, sentences, labels);
        }

        return labels;
    }

    private int[] Lookup(FeatureBuffer buffer)
    {
        var rows = new int[buffer.Count];
        var keys = buffer.Keys;
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = Table.Find(keys[k]);
        }

        return rows;
    }

    /// <summary>Viterbi over each sentence of already-summed <paramref name="scores"/>.</summary>
    internal void Decode(PassWeights weights, ReadOnlySpan<float> scores, ReadOnlySpan<Sentence> sentences, Span<int> labels)
    {
        var l = Labels.Count;
        foreach (var sentence in sentences)
        {
            Viterbi.Decode(
                scores.Slice(sentence.FirstToken * l, sentence.TokenCount * l),
                sentence.TokenCount,
                Labels,
                weights.Transitions,
                weights.Start,
                weights.End,
                labels.Slice(sentence.FirstToken, sentence.TokenCount));
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

        WriteGazetteer(writer, Gazetteer);
        WriteHashedGazetteer(writer, Lexicon);

        WritePasses(writer);
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

        var gazetteer = ReadGazetteer(reader);
        var lexicon = ReadHashedGazetteer(reader);

        var (table, first, second) = ReadPasses(reader, labels.Count);
        return new EntityModel(labels, clusters, gazetteer, lexicon, table, first, second, description);
    }

    private static void WriteGazetteer(BinaryWriter writer, Gazetteer? gazetteer)
    {
        writer.Write(gazetteer is not null);
        if (gazetteer is null)
        {
            return;
        }

        writer.Write(gazetteer.Lists.Length);
        foreach (var list in gazetteer.Lists)
        {
            writer.Write(list);
        }

        writer.Write(gazetteer.Entries.Length);
        foreach (var (phrase, list) in gazetteer.Entries)
        {
            writer.Write(phrase);
            writer.Write((byte)list);
        }
    }

    /// <summary>
    /// Writes only the hashes of the training-name lexicon: the model needs to match names, not to
    /// list them, and the CoNLL-2003 annotations may not be redistributed as text.
    /// </summary>
    private static void WriteHashedGazetteer(BinaryWriter writer, Gazetteer? gazetteer)
    {
        writer.Write(gazetteer is not null);
        if (gazetteer is null)
        {
            return;
        }

        writer.Write(gazetteer.Lists.Length);
        foreach (var list in gazetteer.Lists)
        {
            writer.Write(list);
        }

        writer.Write(gazetteer.MaxLength);
        var hashes = gazetteer.Hashes.OrderBy(h => h.Key).ToList();
        writer.Write(hashes.Count);
        foreach (var (hash, mask) in hashes)
        {
            writer.Write(hash);
            writer.Write(mask);
        }
    }

    private static Gazetteer? ReadHashedGazetteer(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        var lists = ImmutableArray.CreateBuilder<string>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            lists.Add(reader.ReadString());
        }

        var maxLength = reader.ReadInt32();
        var hashes = new List<KeyValuePair<ulong, uint>>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            hashes.Add(new(reader.ReadUInt64(), reader.ReadUInt32()));
        }

        return Gazetteer.FromHashes(lists.ToImmutable(), hashes, maxLength);
    }

    private static Gazetteer? ReadGazetteer(BinaryReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

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

        return new Gazetteer(lists.ToImmutable(), entries);
    }

    /// <summary>
    /// Writes the table and both passes. Rows that weigh nothing in either pass are dropped; the
    /// rest keep their order, so the first pass's rows still come first.
    /// </summary>
    private void WritePasses(BinaryWriter writer)
    {
        var l = Labels.Count;
        var passes = SecondPass is null ? new[] { FirstPass } : new[] { FirstPass, SecondPass };
        writer.Write(passes.Length);
        foreach (var pass in passes)
        {
            foreach (var array in new[] { pass.Transitions, pass.Start, pass.End })
            {
                writer.Write(array.Length);
                foreach (var value in array)
                {
                    writer.Write(value);
                }
            }
        }

        var keys = Table.KeysByRow();
        var kept = new List<int>();
        var keptInFirst = 0;
        for (var row = 0; row < keys.Length; row++)
        {
            var used = false;
            foreach (var pass in passes)
            {
                used |= row < pass.Rows && MaskOf(pass.Weights.AsSpan(row * l, l)) != 0;
            }

            if (used)
            {
                kept.Add(row);
                keptInFirst += row < FirstPass.Rows ? 1 : 0;
            }
        }

        writer.Write(kept.Count);
        writer.Write(keptInFirst);
        foreach (var row in kept)
        {
            writer.Write(keys[row]);
            foreach (var pass in passes)
            {
                if (pass == FirstPass && row >= FirstPass.Rows)
                {
                    continue;
                }

                var weights = row < pass.Rows ? pass.Weights.AsSpan(row * l, l) : new float[l];
                var mask = MaskOf(weights);
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

    private static (FeatureTable Table, PassWeights First, PassWeights? Second) ReadPasses(BinaryReader reader, int l)
    {
        var passCount = reader.ReadInt32();
        var arrays = new float[passCount][][];
        for (var p = 0; p < passCount; p++)
        {
            arrays[p] = new float[3][];
            for (var a = 0; a < 3; a++)
            {
                arrays[p][a] = new float[reader.ReadInt32()];
                for (var i = 0; i < arrays[p][a].Length; i++)
                {
                    arrays[p][a][i] = reader.ReadSingle();
                }
            }
        }

        var rows = reader.ReadInt32();
        var firstRows = reader.ReadInt32();
        var table = new FeatureTable(rows);
        var weights = new float[passCount][];
        for (var p = 0; p < passCount; p++)
        {
            weights[p] = new float[(p == 0 ? firstRows : rows) * l];
        }

        for (var r = 0; r < rows; r++)
        {
            var row = table.FindOrAdd(reader.ReadUInt64());
            for (var p = 0; p < passCount; p++)
            {
                if (p == 0 && row >= firstRows)
                {
                    continue;
                }

                var mask = reader.ReadUInt32();
                for (var label = 0; label < l; label++)
                {
                    if ((mask & (1u << label)) != 0)
                    {
                        weights[p][(row * l) + label] = reader.ReadSingle();
                    }
                }
            }
        }

        var passes = new PassWeights[passCount];
        for (var p = 0; p < passCount; p++)
        {
            passes[p] = new PassWeights(l, weights[p], arrays[p][0], arrays[p][1], arrays[p][2]);
        }

        return (table, passes[0], passCount > 1 ? passes[1] : null);
    }
}
