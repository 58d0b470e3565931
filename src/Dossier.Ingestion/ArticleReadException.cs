namespace Dossier.Ingestion;

/// <summary>
/// An input cannot be read as an article (missing, empty, binary, badly encoded, too large). The
/// message is one line meant for the user and names the input and, where it helps, the byte offset.
/// </summary>
public sealed class ArticleReadException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public ArticleReadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public ArticleReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (for serialisers).</summary>
    public ArticleReadException()
    {
    }
}
