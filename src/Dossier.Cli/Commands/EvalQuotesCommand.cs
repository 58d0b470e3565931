using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Attribution;
using Dossier.Analysis.Paragraphs;
using Dossier.Corpora.PolNear;
using Dossier.Evaluation.Attribution;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval quotes --polnear DIR</c> / <c>--gold DIR</c>: attribution scores on a PolNeAR split or the own gold set.</summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var polnear = new Option<string>("--polnear") { Description = "A PolNeAR split folder (with text/ and attributions/), e.g. ../shared/data/quotes/polnear/dev." };
        var gold = new Option<string>("--gold") { Description = "A folder of hand-annotated attributions (NAME.tsv + NAME.txt, see data/gold/attribution/README.md), e.g. data/gold/attribution." };
        var texts = new Option<string[]>("--texts") { Description = "Further folders where the --gold texts are looked up (the seed article lives in test/fixtures).", AllowMultipleArgumentsPerToken = true };
        var minF1 = new Option<double?>("--min-f1") { Description = "Fail (exit 1) when attribution F1 (percent) is below this floor." };
        var minSource = new Option<double?>("--min-source") { Description = "Fail (exit 1) when source-overlap accuracy (percent) is below this floor." };
        var minSpeaker = new Option<double?>("--min-speaker") { Description = "With --gold: fail (exit 1) when speaker-actor accuracy (percent) is below this floor." };
        var minChannel = new Option<double?>("--min-channel") { Description = "With --gold: fail (exit 1) when channel accuracy (percent) is below this floor." };
        var errors = new Option<int>("--errors") { Description = "List up to N missed gold attributions (with how the parse reads each gold cue) and N spurious predictions, split contents (overlapping) and wrong sources (source)." };
        var command = new Command("quotes", "Score quote and attribution finding against PolNeAR or the own gold set (content overlap matching).")
        {
            polnear, gold, texts, minF1, minSource, minSpeaker, minChannel, errors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var polnearFolder = parseResult.GetValue(polnear);
                var goldFolder = parseResult.GetValue(gold);
                if ((polnearFolder is null) == (goldFolder is null))
                {
                    throw new UserInputException("Give either --polnear DIR or --gold DIR.");
                }

                var folder = (polnearFolder ?? goldFolder)!;
                if (!Directory.Exists(folder))
                {
                    throw new UserInputException($"Folder '{folder}' was not found.");
                }

                // PolNeAR texts are a title line, a blank line and the body; the own gold set is written as articles.
                IEnumerable<(PolNearArticle Article, OwnGoldArticle? Own)> articlesToScore = polnearFolder is not null
                    ? PolNearReader.ReadSplit(folder).Select(article => (article, (OwnGoldArticle?)null))
                    : ReadOwnGold(folder, parseResult.GetValue(texts) ?? []).Select(own => (own.AsPolNear(), (OwnGoldArticle?)own));
                var pipeline = SegmentationPipelines.Full(polnearFolder is not null ? ArticleLayout.Plain : ArticleLayout.Article).Build();
                AttributionScores? total = null;
                var agreement = new ActorAgreement();
                var articles = 0;
                var characters = 0L;
                var stopwatch = new Stopwatch();
                var listed = (Missed: 0, Spurious: 0);
                foreach (var (article, own) in articlesToScore)
                {
                    stopwatch.Start();
                    var document = pipeline.Process(new Document(article.Name, article.Text));
                    stopwatch.Stop();
                    var score = AttributionScorer.Score(document, article, joinSharedCues: polnearFolder is not null);
                    if (parseResult.GetValue(errors) is > 0 and var limit)
                    {
                        ListErrors(output, document, article, limit, ref listed);
                    }

                    if (own is not null)
                    {
                        agreement += ActorAgreement.Score(document, own);
                    }

                    total = total is null ? score : AttributionScorer.Add(total, score);
                    articles++;
                    characters += article.Text.Length;
                }

                if (total is null)
                {
                    throw new UserInputException($"No annotated articles were found in '{folder}'.");
                }

                var a = total.Attributions;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attribution on {articles} {(polnearFolder is not null ? "PolNeAR" : "own gold")} articles ({a.Gold:N0} gold attributions, {a.Predicted:N0} predicted)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attributions (content overlap)  P {100 * a.Precision:F2}  R {100 * a.Recall:F2}  F1 {100 * a.F1:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recall on quoted contents     {100 * total.QuotedRecall.Recall:F2} ({total.QuotedRecall.Gold:N0} gold)"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  recall on unquoted contents   {100 * total.UnquotedRecall.Recall:F2} ({total.UnquotedRecall.Gold:N0} gold)"));
                var c = total.ContentTokens;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"content tokens                 P {100 * c.Precision:F2}  R {100 * c.Recall:F2}  F1 {100 * c.F1:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cue accuracy (matched)         {100 * total.CueAccuracy:F2}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source accuracy (matched)      exact span {100 * total.SourceExactAccuracy:F2}, overlapping {100 * total.SourceOverlapAccuracy:F2} ({total.WithGoldSource:N0} with a gold source)"));
                if (goldFolder is not null)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speaker actor accuracy (matched) {100 * agreement.SpeakerAccuracy:F2} ({agreement.SpeakerGold:N0} with a known speaker)"));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"channel accuracy (matched)       {100 * agreement.ChannelAccuracy:F2} ({agreement.Matched:N0} matched)"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time: {stopwatch.Elapsed.TotalMilliseconds:F0} ms for segmentation and attribution ({characters / Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9) / 1e6:F1} M characters/s, one cold pass)"));

                var ok = CheckFloor(output, "attribution F1", 100 * a.F1, parseResult.GetValue(minF1))
                    & CheckFloor(output, "source overlap accuracy", 100 * total.SourceOverlapAccuracy, parseResult.GetValue(minSource))
                    & CheckFloor(output, "speaker actor accuracy", 100 * agreement.SpeakerAccuracy, parseResult.GetValue(minSpeaker))
                    & CheckFloor(output, "channel accuracy", 100 * agreement.ChannelAccuracy, parseResult.GetValue(minChannel));
                return ok ? CommandErrors.Success : CommandErrors.BelowFloor;
            });
        });
        return command;
    }

    private static IReadOnlyList<OwnGoldArticle> ReadOwnGold(string folder, string[] textFolders)
    {
        try
        {
            return OwnAttributionGold.Read(folder, textFolders);
        }
        catch (InvalidDataException exception)
        {
            throw new UserInputException(exception.Message);
        }
    }

    private static void ListErrors(TextWriter output, Document document, PolNearArticle article, int limit, ref (int Missed, int Spurious) listed)
    {
        static string Clip(string text) => (text.Length > 90 ? text[..90] + "…" : text).ReplaceLineEndings(" ");
        foreach (var gold in article.Attributions)
        {
            var found = document.Quotes.Any(q => gold.Content.Any(span => span.Overlaps(q.Content)));
            if (!found && listed.Missed++ < limit)
            {
                var cue = string.Join(" … ", gold.Cue.Select(span => article.Text[span.Start..span.End]));
                var source = string.Join(" … ", gold.Source.Select(span => article.Text[span.Start..span.End]));
                output.WriteLine($"missed: [{source}] [{cue}] {Clip(article.Text[gold.Content[0].Start..gold.Content[0].End])}{CueParse(document, gold)}");
            }
        }

        foreach (var quote in document.Quotes)
        {
            var found = article.Attributions.Any(gold => gold.Content.Any(span => span.Overlaps(quote.Content)));
            var cue = quote.Cue is { } c ? document.TextOf(c) : "-";
            var source = quote.Source is { } s ? document.TextOf(s) : "-";
            if (!found && listed.Spurious++ < limit)
            {
                output.WriteLine($"spurious ({quote.Origin.Rule}): [{source}] [{cue}] {Clip(document.TextOf(quote.Content))}");
            }
            else if (found && listed.Spurious < limit)
            {
                // Predictions that overlap a gold content another prediction overlaps more: split or duplicated contents.
                var gold = article.Attributions.MaxBy(g => OverlapOf(quote.Content, g.Content))!;
                var mine = OverlapOf(quote.Content, gold.Content);
                if (document.Quotes.Any(other => other != quote && OverlapOf(other.Content, gold.Content) > mine))
                {
                    listed.Spurious++;
                    output.WriteLine($"overlapping ({quote.Origin.Rule}): [{source}] [{cue}] {Clip(document.TextOf(quote.Content))} ~ gold {Clip(article.Text[gold.Content[0].Start..gold.Content[0].End])}");
                }
                else if (!gold.Source.IsEmpty && (quote.Source is not { } predicted || !gold.Source.Any(span => span.Overlaps(predicted))))
                {
                    listed.Spurious++;
                    var goldSource = string.Join(" … ", gold.Source.Select(span => article.Text[span.Start..span.End]));
                    output.WriteLine($"source ({quote.Origin.Rule}): [{source}] vs gold [{goldSource}] [{cue}] {Clip(document.TextOf(quote.Content))}");
                }
            }
        }
    }

    /// <summary>How the parse reads a missed attribution's cue (its last word's tag, lemma and relation): where a rule could find it.</summary>
    private static string CueParse(Document document, GoldAttribution gold)
    {
        if (gold.Cue.IsEmpty || document.Tags.IsDefaultOrEmpty || document.Dependencies.IsDefaultOrEmpty)
        {
            return string.Empty;
        }

        var token = document.TokenAt(gold.Cue[^1].End - 1);
        if (token < 0)
        {
            return string.Empty;
        }

        var reading = $" ~ cue {document.Tags[token].Upos} {document.Tags[token].Lemma} {document.Dependencies[token].Relation}";
        // For a preposition or particle, also the word it completes ("called [for]" → call VERB): where a phrasal rule could look.
        var head = document.Dependencies[token].Head;
        if (document.Tags[token].Upos is "ADP" or "SCONJ" && document.Dependencies[token].Relation is "case" or "mark" && head >= 0)
        {
            head = document.Dependencies[head].Head;
        }

        return head >= 0 && document.Tags[token].Upos is "ADP" or "SCONJ"
            ? reading + $" < {document.Tags[head].Upos} {document.Tags[head].Lemma} {document.Dependencies[head].Relation}"
                + (Dossier.Analysis.Syntax.DependencyTree.Subjects(document, head).IsEmpty ? "" : " +subj")
            : reading;
    }

    private static int OverlapOf(TextSpan span, IEnumerable<TextSpan> others) =>
        others.Sum(other => Math.Max(0, Math.Min(span.End, other.End) - Math.Max(span.Start, other.Start)));

    private static bool CheckFloor(TextWriter output, string name, double value, double? floor)
    {
        if (floor is not { } minimum)
        {
            return true;
        }

        var ok = value >= minimum;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(ok ? "ok" : "FAIL")}: {name} {value:F2} {(ok ? ">=" : "<")} floor {minimum:F2}"));
        return ok;
    }
}
