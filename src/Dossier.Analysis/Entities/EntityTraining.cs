using System.IO.Compression;
using System.Text;
using Dossier.Text;

namespace Dossier.Analysis.Entities;

/// <summary>
/// Entry points for training: the entity recognizer from gold documents, and the word clusters it
/// reads from unlabelled text. Both are deterministic and single-threaded (training shares the
/// machine); progress goes to the caller's callback, one line at a time.
/// </summary>
public static class EntityTraining
{
    /// <summary>Trains a recognizer on <paramref name="train"/>, keeping the epoch that scores best on <paramref name="dev"/>.</summary>
    /// <param name="train">Documents with tokens, sentences and gold mentions.</param>
    /// <param name="dev">Held-out documents of the same kind (may be empty: then the last epoch is kept).</param>
    /// <param name="options">Epochs, seed and passes.</param>
    /// <param name="clustersPath">A word-cluster file from <see cref="LearnClusters"/> (gzip or plain), or null for none.</param>
    /// <param name="gazetteerFiles">Name-list files (one phrase per line; the list is the file name).</param>
    /// <param name="knowledgeDirectory">The knowledge base folder (<c>data/knowledge</c>) whose names become gazetteer lists, or null.</param>
    /// <param name="description">How the model was made, stored in the model file.</param>
    /// <param name="progress">Receives progress lines.</param>
    public static EntityRecognizer Train(
        IReadOnlyList<Document> train,
        IReadOnlyList<Document> dev,
        EntityTrainingOptions options,
        string? clustersPath,
        IReadOnlyList<string> gazetteerFiles,
        string? knowledgeDirectory,
        string description,
        Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gazetteerFiles);
        WordClusters? clusters = null;
        if (clustersPath is not null)
        {
            using var reader = OpenText(clustersPath);
            clusters = WordClusters.Read(reader);
        }

        var gazetteer = gazetteerFiles.Count == 0 && knowledgeDirectory is null ? null : Gazetteer.Read(gazetteerFiles, knowledgeDirectory);
        var model = new EntityTrainer(options, progress).Train(train, dev, clusters, gazetteer, description);
        return new EntityRecognizer(model);
    }

    /// <summary>Learns word clusters from a text file (one document per line) and writes them gzip-compressed to <paramref name="outputPath"/>.</summary>
    public static void LearnClusters(string textPath, string outputPath, Action<string> progress)
    {
        var clusters = WordClusterer.Learn(File.ReadLines(textPath), new WordClusteringOptions(), progress);
        using var file = File.Create(outputPath);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        clusters.Write(writer);
    }

    private static StreamReader OpenText(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream, Encoding.UTF8);
    }
}
