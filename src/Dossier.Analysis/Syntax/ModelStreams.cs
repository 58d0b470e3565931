using System.IO.Compression;

namespace Dossier.Analysis.Syntax;

/// <summary>Gzip framing shared by the syntax models: a magic string and version, then the body.</summary>
internal static class ModelStreams
{
    public static void Save(string path, string magic, int version, Action<BinaryWriter> body)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var writer = new BinaryWriter(buffered);
        writer.Write(magic);
        writer.Write(version);
        body(writer);
    }

    /// <summary>Reads a model of any version from <paramref name="oldestVersion"/> to <paramref name="version"/>; the body gets the version found.</summary>
    public static T Load<T>(string path, string magic, int oldestVersion, int version, Func<BinaryReader, int, T> body)
    {
        // Inflating the whole file first and parsing from memory is several times faster than
        // reading a GZipStream byte by byte through BinaryReader.
        using var memory = new MemoryStream();
        using (var file = File.OpenRead(path))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            gzip.CopyTo(memory);
        }

        memory.Position = 0;
        using var reader = new BinaryReader(memory);
        var foundMagic = reader.ReadString();
        var foundVersion = reader.ReadInt32();
        if (!string.Equals(foundMagic, magic, StringComparison.Ordinal) || foundVersion < oldestVersion || foundVersion > version)
        {
            throw new InvalidDataException(
                $"'{path}' is not a {magic} model of version {version} (found '{foundMagic}' version {foundVersion}). Retrain it with 'dossier train'.");
        }

        return body(reader, foundVersion);
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var s in strings)
        {
            writer.Write(s);
        }
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var strings = new string[reader.ReadInt32()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }
}
