using System.Collections.Immutable;
using Dossier.Corpora.PolNear;
using Dossier.Text;

namespace Dossier.Evaluation.Attribution;

/// <summary>One hand-annotated attribution: spans located in the text, and the actor ids of speaker and channel.</summary>
/// <param name="Content">What is attributed.</param>
/// <param name="Kind">direct, indirect or mixed.</param>
/// <param name="Cue">The reporting cue, located nearest the content.</param>
/// <param name="Source">The source as written, located nearest the content, or null when not found.</param>
/// <param name="SpeakerActor">The speaker's actor id, or null when the knowledge base has no such actor.</param>
/// <param name="ChannelActor">The channel's actor id, or null when there is no channel.</param>
public sealed record OwnGoldAttribution(TextSpan Content, string Kind, TextSpan? Cue, TextSpan? Source, string? SpeakerActor, string? ChannelActor);

/// <summary>An article of the own attribution gold set.</summary>
public sealed record OwnGoldArticle(string Name, string Text, ImmutableArray<OwnGoldAttribution> Attributions)
{
    /// <summary>The same annotations as a PolNeAR article, so the PolNeAR scorer can compare contents, cues and sources.</summary>
    public PolNearArticle AsPolNear() => new(Name, Text, [.. Attributions.Select(a => new GoldAttribution(
        [a.Content],
        a.Cue is { } cue ? [cue] : [],
        a.Source is { } source ? [source] : []))]);
}

/// <summary>
/// Reads <c>data/gold/attribution</c>: per article a <c>NAME.tsv</c> of attributions (content, kind, cue, source,
/// speaker actor id, channel actor id; "-" for none; '#' starts a comment) and its text <c>NAME.txt</c>, next to it or
/// in one of the given text folders. Content is written as it appears in the text; cue and source are found nearest
/// the content (in its paragraph). The format is described in the folder's README.
/// </summary>
public static class OwnAttributionGold
{
    /// <summary>Reads every <c>*.tsv</c> directly in <paramref name="folder"/> (not in subfolders).</summary>
    public static IReadOnlyList<OwnGoldArticle> Read(string folder, IReadOnlyList<string> textFolders)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(textFolders);
        var articles = new List<OwnGoldArticle>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var textPath = new[] { folder }.Concat(textFolders).Select(dir => Path.Combine(dir, name + ".txt")).FirstOrDefault(File.Exists)
                ?? throw new InvalidDataException($"{path}: no text {name}.txt next to it or in the text folders.");
            var text = File.ReadAllText(textPath);
            articles.Add(new OwnGoldArticle(name, text, [.. ReadAnnotations(path, text)]));
        }

        return articles;
    }

    private static IEnumerable<OwnGoldAttribution> ReadAnnotations(string path, string text)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 6)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected 6 tab-separated fields, found {fields.Length}.");
            }

            var contentStart = text.IndexOf(fields[0], StringComparison.Ordinal);
            if (contentStart < 0)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: content not found in the text: {fields[0]}");
            }

            var content = new TextSpan(contentStart, contentStart + fields[0].Length);
            yield return new OwnGoldAttribution(
                content,
                fields[1],
                Nearest(text, fields[2], content),
                Nearest(text, fields[3], content),
                fields[4] == "-" ? null : fields[4],
                fields[5] == "-" ? null : fields[5]);
        }
    }

    /// <summary>The occurrence of <paramref name="written"/> in the content's paragraph closest to the content, or null.</summary>
    private static TextSpan? Nearest(string text, string written, TextSpan content)
    {
        if (written is "-" or "")
        {
            return null;
        }

        var paragraphStart = content.Start == 0 ? 0 : text.LastIndexOf('\n', content.Start - 1) + 1;
        var paragraphEnd = text.IndexOf('\n', content.End);
        paragraphEnd = paragraphEnd < 0 ? text.Length : paragraphEnd;
        TextSpan? best = null;
        var bestDistance = int.MaxValue;
        for (var at = text.IndexOf(written, paragraphStart, StringComparison.Ordinal);
             at >= 0 && at + written.Length <= paragraphEnd;
             at = text.IndexOf(written, at + 1, StringComparison.Ordinal))
        {
            var distance = at >= content.End ? at - content.End : at + written.Length <= content.Start ? content.Start - at - written.Length : 0;
            if (distance < bestDistance)
            {
                best = new TextSpan(at, at + written.Length);
                bestDistance = distance;
            }
        }

        return best;
    }
}

/// <summary>Speaker and channel agreement on the attributions matched by content overlap.</summary>
/// <param name="SpeakerGold">Matched gold attributions whose speaker is a known actor.</param>
/// <param name="SpeakerCorrect">Of those, the ones whose predicted speaker actor is the same.</param>
/// <param name="Matched">All matched attributions (channel accuracy counts "no channel" on both sides as agreement).</param>
/// <param name="ChannelCorrect">Matched attributions whose predicted channel actor equals the gold one (or both none).</param>
public readonly record struct ActorAgreement(int SpeakerGold, int SpeakerCorrect, int Matched, int ChannelCorrect)
{
    /// <summary>Speaker-actor accuracy (0–1).</summary>
    public double SpeakerAccuracy => SpeakerGold == 0 ? 0 : (double)SpeakerCorrect / SpeakerGold;

    /// <summary>Channel accuracy (0–1).</summary>
    public double ChannelAccuracy => Matched == 0 ? 0 : (double)ChannelCorrect / Matched;

    /// <summary>Adds two sets of counts.</summary>
    public static ActorAgreement operator +(ActorAgreement left, ActorAgreement right) =>
        new(left.SpeakerGold + right.SpeakerGold, left.SpeakerCorrect + right.SpeakerCorrect, left.Matched + right.Matched, left.ChannelCorrect + right.ChannelCorrect);

    /// <summary>Same as <c>+</c>.</summary>
    public static ActorAgreement Add(ActorAgreement left, ActorAgreement right) => left + right;

    /// <summary>
    /// Matches predicted quotes to gold attributions one-to-one by content overlap (largest first, as the PolNeAR
    /// scorer does) and compares speaker and channel actor ids.
    /// </summary>
    public static ActorAgreement Score(Document predicted, OwnGoldArticle gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var quotes = predicted.Quotes;
        var golds = gold.Attributions;
        var pairs = new List<(int Overlap, int P, int G)>();
        for (var p = 0; p < quotes.Length; p++)
        {
            for (var g = 0; g < golds.Length; g++)
            {
                var overlap = Math.Min(quotes[p].Content.End, golds[g].Content.End) - Math.Max(quotes[p].Content.Start, golds[g].Content.Start);
                if (overlap > 0)
                {
                    pairs.Add((overlap, p, g));
                }
            }
        }

        pairs.Sort((a, b) => b.Overlap != a.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.P != b.P ? a.P.CompareTo(b.P) : a.G.CompareTo(b.G));
        var predictedUsed = new bool[quotes.Length];
        var goldUsed = new bool[golds.Length];
        int speakerGold = 0, speakerCorrect = 0, matched = 0, channelCorrect = 0;
        foreach (var (_, p, g) in pairs)
        {
            if (predictedUsed[p] || goldUsed[g])
            {
                continue;
            }

            predictedUsed[p] = goldUsed[g] = true;
            matched++;
            if (golds[g].SpeakerActor is { } speaker)
            {
                speakerGold++;
                speakerCorrect += string.Equals(speaker, quotes[p].SpeakerActor, StringComparison.Ordinal) ? 1 : 0;
            }

            channelCorrect += string.Equals(golds[g].ChannelActor, quotes[p].ChannelActor, StringComparison.Ordinal) ? 1 : 0;
        }

        return new ActorAgreement(speakerGold, speakerCorrect, matched, channelCorrect);
    }
}
