namespace Dossier.Analysis.Syntax;

/// <summary>
/// Maps typographic variants to the ASCII characters the treebank mostly uses, so that a token
/// written with a curly apostrophe looks the model up like the straight one. Only the form used
/// for feature lookup changes; the document text is never rewritten.
/// </summary>
internal static class FormNormalizer
{
    /// <summary>The normalised form, or <paramref name="form"/> itself when nothing changes (no allocation).</summary>
    public static string Normalize(string form)
    {
        var span = form.AsSpan();
        return NeedsChange(span) ? Rewrite(span) : form;
    }

    /// <summary>The normalised form of a slice of text.</summary>
    public static string Normalize(ReadOnlySpan<char> form) => NeedsChange(form) ? Rewrite(form) : form.ToString();

    private static bool NeedsChange(ReadOnlySpan<char> form)
    {
        foreach (var c in form)
        {
            if (Map(c) != c)
            {
                return true;
            }
        }

        return false;
    }

    private static string Rewrite(ReadOnlySpan<char> form) =>
        string.Create(form.Length, form.ToString(), static (buffer, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                buffer[i] = Map(source[i]);
            }
        });

    private static char Map(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        // EWT writes most dashes as '-' or '--'; a single character keeps token length and offsets simple.
        '\u2013' or '\u2014' or '\u2212' => '-',
        '\u00A0' => ' ',
        _ => c,
    };
}
