using System.Text.RegularExpressions;

namespace Dossier.Ingestion.Html;

/// <summary>
/// Drops paragraphs that Readability keeps but that are not the article: lines that are mostly
/// link text (related-story lists), bylines and time stamps, calls to action ("Sign up", "Read
/// more"), bare addresses and the headline repeated. Measured on the benchmark, each rule gains F1;
/// two tried rules lost it and are not here: dropping short all-capital lines (they are often
/// subheads) and dropping repeated paragraphs (the ground truth keeps the repeats).
/// </summary>
internal static partial class ParagraphFilter
{
    /// <summary>Above this share of link text a paragraph is navigation (0.5 measured best of 0.5–0.95).</summary>
    private const double MaxLinkDensity = 0.5;

    [GeneratedRegex(
        @"^(?:by\s+\p{Lu}|published:?\s|\|?\s*updated:?\s|updated at\b|posted:?\s|see more\b|read more\b|don'?t miss\b|related\b|you may also like|advert(?:isement)?$|skip to\b|caption$|close$|share\b|comments?$|tell us what|want more\b|this slideshow requires|click here\b|sign up\b|subscribe\b|follow us\b|photo:|image \d+ of\b|credit:|©|copyright\b|all rights reserved)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    [GeneratedRegex(@"^(?:\S+@\S+\.\S+|(?:https?://|www\.|twitter\.com/)\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareAddress();

    /// <summary>The paragraphs worth keeping; <paramref name="dropped"/>, when given, hears each dropped one with the rule that dropped it.</summary>
    public static List<string> Keep(IReadOnlyList<TextBlock> blocks, string? title, Action<TextBlock, string>? dropped = null)
    {
        var kept = new List<string>(blocks.Count);
        foreach (var block in blocks)
        {
            var text = block.Text;
            var rule = block.LinkDensity > MaxLinkDensity ? "links"
                : text.Length < 100 && FurnitureLine().IsMatch(text) ? "furniture"
                : BareAddress().IsMatch(text) ? "address"
                : title is not null && string.Equals(text, title, StringComparison.OrdinalIgnoreCase) ? "title"
                : null;
            if (rule is not null)
            {
                dropped?.Invoke(block, rule);
                continue;
            }

            kept.Add(text);
        }

        return kept;
    }
}
