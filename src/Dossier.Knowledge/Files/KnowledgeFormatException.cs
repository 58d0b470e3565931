namespace Dossier.Knowledge.Files;

/// <summary>
/// A knowledge or gazetteer file is malformed. The message names the file and the 1-based line,
/// and says what was expected, e.g. "actors.tsv:12: column 'type' is 'gov'; expected one of …".
/// </summary>
public sealed class KnowledgeFormatException : FormatException
{
    /// <summary>Creates the exception with a message.</summary>
    public KnowledgeFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public KnowledgeFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public KnowledgeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    public KnowledgeFormatException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file name (without directory), when known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line number, or 0 when unknown.</summary>
    public int Line { get; }
}
