using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Dossier.Ingestion.PlainText;

/// <summary>
/// Turns the bytes of a text file into a string: UTF-8 by default (a byte-order mark is dropped),
/// UTF-16 when a UTF-16 byte-order mark says so, or any encoding the caller names. Invalid UTF-8
/// is an error that names the byte offset, never silently replaced, because replacement characters
/// would end up in evidence spans.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>How many leading bytes are inspected for NUL bytes to tell binary files apart.</summary>
    public const int BinaryProbeLength = 8192;

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="name"/> is used in error messages.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="name">The file name or "standard input".</param>
    /// <param name="encodingName">An encoding name ("utf-8", "windows-1252", "iso-8859-1", "utf-16") or null for automatic UTF-8/UTF-16.</param>
    /// <exception cref="ArticleReadException">The bytes are not text in the expected encoding.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name, string? encodingName = null)
    {
        if (encodingName is not null)
        {
            Encoding encoding;
            try
            {
                encoding = Encoding.GetEncoding(encodingName);
            }
            catch (ArgumentException)
            {
                throw new ArticleReadException($"unknown encoding '{encodingName}' (try utf-8, utf-16, windows-1252 or iso-8859-1).");
            }

            var preamble = encoding.Preamble;
            if (preamble.Length > 0 && bytes.StartsWith(preamble))
            {
                bytes = bytes[preamble.Length..];
            }

            RejectBinary(bytes, name, allowNul: encoding is UnicodeEncoding or UTF32Encoding);
            return encoding.GetString(bytes);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        RejectBinary(bytes, name, allowNul: false);
        return DecodeUtf8(bytes, name);
    }

    private static void RejectBinary(ReadOnlySpan<byte> bytes, string name, bool allowNul)
    {
        if (allowNul)
        {
            return;
        }

        var nul = bytes[..Math.Min(bytes.Length, BinaryProbeLength)].IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ArticleReadException($"{name} looks like a binary file (NUL byte at offset {nul}); Dossier reads plain text.");
        }
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string name)
    {
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new ArticleReadException(
                    $"{name} is not valid UTF-8 (invalid byte 0x{bytes[read]:X2} at byte offset {read}); " +
                    "pass --encoding (for example windows-1252) if the file uses another encoding.");
            }

            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
