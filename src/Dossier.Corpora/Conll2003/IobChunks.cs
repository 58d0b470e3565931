namespace Dossier.Corpora.Conll2003;

/// <summary>A typed run of tokens <c>[Start, End)</c> within one sentence.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="End">One past the index of the last token.</param>
/// <param name="Type">The entity type ("PER").</param>
public readonly record struct IobChunk(int Start, int End, string Type);

/// <summary>
/// Turns IOB1 or IOB2 tag sequences into chunks with the rules of the conlleval script, so that
/// scores match the CoNLL-2003 shared task: a chunk starts at <c>B-X</c>, or at <c>I-X</c> after
/// <c>O</c> or after a tag of another type; it ends before <c>O</c>, before <c>B-</c>, or before a
/// tag of another type. Both encodings therefore read the same, and an IOB2 sequence that starts
/// with <c>I-</c> (malformed, but seen in system output) still yields its chunk.
/// </summary>
public static class IobChunks
{
    /// <summary>The chunks of <paramref name="tags"/> in order.</summary>
    /// <exception cref="FormatException">A tag is neither <c>O</c> nor <c>B-TYPE</c>/<c>I-TYPE</c>.</exception>
    public static List<IobChunk> FromTags(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<IobChunk>();
        var start = -1;
        string? type = null;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (tag == "O")
            {
                Close(i);
                continue;
            }

            if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
            {
                throw new FormatException($"'{tag}' is not an IOB tag (expected O, B-TYPE or I-TYPE).");
            }

            var tagType = tag[2..];
            if (tag[0] == 'B' || type is null || !string.Equals(type, tagType, StringComparison.Ordinal))
            {
                Close(i);
                start = i;
                type = tagType;
            }
        }

        Close(tags.Count);
        return chunks;

        void Close(int end)
        {
            if (type is not null)
            {
                chunks.Add(new IobChunk(start, end, type));
            }

            type = null;
            start = -1;
        }
    }
}
