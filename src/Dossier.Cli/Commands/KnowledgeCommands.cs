using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Analysis.Geoparsing;
using Dossier.Analysis.Linking;
using Dossier.Evaluation.Linking;
using Dossier.Evaluation.Geo;
using Dossier.Knowledge.Actors;
using Dossier.Knowledge.Places;
using Dossier.Text;

namespace Dossier.Cli.Commands;

/// <summary>Commands over the knowledge base and gazetteer: <c>eval geo</c>, <c>eval link</c>.</summary>
internal static class KnowledgeCommands
{
    /// <summary>
    /// <c>dossier eval geo --corpus FILE [--min-acc161 X] [--no-focus] [--show-errors N] [--show-gaps]</c>: resolves the gold toponyms
    /// (gold spans) of an LGL / TR-News / GeoVirus file and prints accuracy@161 km, mean and median
    /// error, AUC and counts; <c>--show-gaps</c> lists the toponyms no candidate reaches (gazetteer
    /// coverage). Exits 1 when accuracy falls below <c>--min-acc161</c>.
    /// </summary>
    public static Command EvalGeo()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "Gold file (lgl.xml, TR-News.xml or GeoVirus.xml format).", Required = true };
        var minimum = new Option<double?>("--min-acc161") { Description = "Fail (exit 1) when accuracy@161 km is below this fraction, e.g. 0.80." };
        var noFocus = new Option<bool>("--no-focus") { Description = "Do not place unknown names at the document's focus." };
        var showErrors = new Option<int>("--show-errors") { Description = "Print the N largest errors.", DefaultValueFactory = _ => 0 };
        var explain = new Option<string?>("--explain") { Description = "Print every decision for the article with this id." };
        var recognise = new Option<bool>("--recognize") { Description = "Also find toponyms with the gazetteer-based recogniser and score recognition P/R/F1 (exact spans) and end-to-end accuracy@161 km." };
        var showGaps = new Option<bool>("--show-gaps") { Description = "Print every gold toponym with no candidate within 161 km, with the gazetteer entry nearest its gold point (its country) and the nearest candidate." };
        var command = new Command("geo", "Geoparsing: resolve gold toponyms and score accuracy@161 km and mean error.")
        {
            corpus, minimum, noFocus, showErrors, explain, recognise, showGaps,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(corpus)!;
            if (!file.Exists)
            {
                error.WriteLine($"Corpus file '{file.FullName}' does not exist.");
                return 2;
            }

            var watch = Stopwatch.StartNew();
            var gazetteer = Gazetteer.Load(Gazetteer.DefaultPath);
            var loadMs = watch.ElapsedMilliseconds;
            var knowledge = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory);
            var resolver = new PlaceResolver(gazetteer, knowledge);
            var articles = GeoCorpus.Read(file.FullName);

            watch.Restart();
            var score = new GeoScore();
            var byRule = new Dictionary<string, (int Count, int Correct)>(StringComparer.Ordinal);
            var worst = new List<(double Error, string Phrase, string Chosen, string Article)>();
            var reachable = 0;
            var gaps = new List<(string Phrase, double Latitude, double Longitude, int Candidates, string Article)>();
            foreach (var article in articles)
            {
                var gold = article.Toponyms.Where(t => t.Latitude is not null && t.Longitude is not null && t.End <= article.Text.Length).ToList();
                var resolved = resolver.Resolve(article.Text, [.. gold.Select(t => new TextSpan(t.Start, t.End))], !parseResult.GetValue(noFocus));
                var explaining = string.Equals(parseResult.GetValue(explain), article.Id, StringComparison.Ordinal);
                for (var i = 0; i < gold.Count; i++)
                {
                    var place = resolved[i].Place;
                    double? km = place is null ? null : GreatCircle.DistanceKm(gold[i].Latitude!.Value, gold[i].Longitude!.Value, place.Latitude, place.Longitude);
                    if (explaining)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  '{gold[i].Phrase}' [{resolved[i].Rule}, {resolved[i].CandidateCount} candidates] -> {(place is null ? "-" : $"{place.Name} ({place.Country} {place.Admin1} {place.FeatureCode} pop {place.Population})")} error {km:F0} km"));
                    }
                    score.Add(km);
                    var goldLat = gold[i].Latitude!.Value;
                    var goldLon = gold[i].Longitude!.Value;
                    var canReach = resolver.Candidates(gold[i].Phrase).Any(p => GreatCircle.DistanceKm(goldLat, goldLon, p.Latitude, p.Longitude) <= GeoScore.ThresholdKm);
                    reachable += canReach ? 1 : 0;
                    if (!canReach)
                    {
                        gaps.Add((gold[i].Phrase, goldLat, goldLon, resolver.Candidates(gold[i].Phrase).Length, article.Id));
                    }

                    var (count, correct) = byRule.GetValueOrDefault(resolved[i].Rule);
                    byRule[resolved[i].Rule] = (count + 1, correct + (km <= GeoScore.ThresholdKm ? 1 : 0));
                    if (km > GeoScore.ThresholdKm || km is null)
                    {
                        worst.Add((km ?? double.PositiveInfinity, gold[i].Phrase, (place is null ? "-" : $"{place.Name} ({place.Country} {place.Admin1} {place.FeatureCode})") + (canReach ? " [a candidate was within 161 km]" : ""), article.Id));
                    }
                }
            }

            var c = CultureInfo.InvariantCulture;
            if (parseResult.GetValue(recognise))
            {
                var finder = new GazetteerToponymFinder(gazetteer, knowledge);
                int truePositives = 0, predictedCount = 0, goldCount = 0;
                var falsePositives = new Dictionary<string, int>(StringComparer.Ordinal);
                var endToEnd = new GeoScore();
                foreach (var article in articles)
                {
                    var found = finder.Find(article.Text);
                    var resolvedFound = resolver.Resolve(article.Text, found, !parseResult.GetValue(noFocus));
                    var goldSpans = article.Toponyms.ToDictionary(t => (t.Start, t.End), t => t);
                    predictedCount += found.Length;
                    goldCount += goldSpans.Count;
                    var matched = new HashSet<(int, int)>();
                    for (var i = 0; i < found.Length; i++)
                    {
                        if (!goldSpans.ContainsKey((found[i].Start, found[i].End)))
                        {
                            var surface = article.Text[found[i].Start..found[i].End];
                            falsePositives[surface] = falsePositives.GetValueOrDefault(surface) + 1;
                        }

                        if (goldSpans.TryGetValue((found[i].Start, found[i].End), out var hit) && matched.Add((hit.Start, hit.End)))
                        {
                            truePositives++;
                            if (hit.Latitude is { } lat && hit.Longitude is { } lon)
                            {
                                var p = resolvedFound[i].Place;
                                endToEnd.Add(p is null ? null : GreatCircle.DistanceKm(lat, lon, p.Latitude, p.Longitude));
                            }
                        }
                    }
                }

                var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
                var recall = goldCount == 0 ? 0 : (double)truePositives / goldCount;
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                output.WriteLine(string.Create(c, $"recognition (gazetteer baseline, exact spans): P {precision:F4}  R {recall:F4}  F1 {f1:F4}  ({truePositives} of {goldCount} gold, {predictedCount} found)"));
                output.WriteLine(string.Create(c, $"end-to-end accuracy@161km on recognised geocoded toponyms: {endToEnd.AccuracyAt161:F4} ({endToEnd.WithinThreshold}/{endToEnd.Total})"));
                foreach (var (surface, count) in falsePositives.OrderByDescending(p => p.Value).Take(parseResult.GetValue(showErrors)))
                {
                    output.WriteLine(string.Create(c, $"  found but not gold: {count,4} '{surface}'"));
                }
            }

            output.WriteLine(string.Create(c, $"corpus: {file.Name}  articles: {articles.Count}  geocoded gold toponyms: {score.Total}"));
            output.WriteLine(string.Create(c, $"gazetteer: {gazetteer.Places.Length} places, {gazetteer.NameCount} names, loaded in {loadMs} ms; resolved in {watch.ElapsedMilliseconds} ms"));
            output.WriteLine(string.Create(c, $"resolved: {score.Resolved}  within 161 km: {score.WithinThreshold}  with a candidate within 161 km (oracle): {reachable} ({(double)reachable / Math.Max(1, score.Total):F4})"));
            output.WriteLine(string.Create(c, $"accuracy@161km: {score.AccuracyAt161:F4}  mean error: {score.MeanErrorKm:F1} km  median error: {score.MedianErrorKm:F1} km  AUC: {score.Auc:F4}"));
            foreach (var (rule, (count, correct)) in byRule.OrderByDescending(p => p.Value.Count))
            {
                output.WriteLine(string.Create(c, $"  rule {rule,-10} {count,6}  acc@161 {(double)correct / count:F3}"));
            }

            foreach (var (km, phrase, chosen, id) in worst.OrderByDescending(w => w.Error).Take(parseResult.GetValue(showErrors)))
            {
                output.WriteLine(string.Create(c, $"  error {km,8:F0} km  '{phrase}' -> {chosen}  [{id}]"));
            }

            if (parseResult.GetValue(showGaps))
            {
                // The entry nearest the gold point says which country (and kind of place) the
                // annotators meant; the nearest candidate says how far off the gazetteer's readings are.
                foreach (var (phrase, lat, lon, count, id) in gaps.OrderBy(g => g.Phrase, StringComparer.Ordinal))
                {
                    var nearest = gazetteer.Places.MinBy(p => GreatCircle.DistanceKm(lat, lon, p.Latitude, p.Longitude))!;
                    var nearestKm = GreatCircle.DistanceKm(lat, lon, nearest.Latitude, nearest.Longitude);
                    var closest = resolver.Candidates(phrase).MinBy(p => GreatCircle.DistanceKm(lat, lon, p.Latitude, p.Longitude));
                    var closestText = closest is null ? ""
                        : string.Create(c, $", nearest {closest.Name} ({closest.Country} {closest.FeatureCode}) at {GreatCircle.DistanceKm(lat, lon, closest.Latitude, closest.Longitude):F0} km");
                    output.WriteLine(string.Create(c,
                        $"  gap '{phrase}' gold {lat:F3},{lon:F3} near {nearest.Name} ({nearest.Country} {nearest.Admin1} {nearest.FeatureCode}, {nearestKm:F0} km); {count} candidates{closestText}  [{id}]"));
                }
            }

            if (parseResult.GetValue(minimum) is { } floor && score.AccuracyAt161 < floor)
            {
                error.WriteLine(string.Create(c, $"accuracy@161km {score.AccuracyAt161:F4} is below the floor {floor:F4}."));
                return 1;
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// <c>dossier eval link --gold FILE --texts DIR [--texts DIR …] [--min-acc X] [--show-errors N]</c>:
    /// links the gold mentions (gold spans and types) and prints accuracy (actor id, NIL when the
    /// knowledge base lacks the referent) and CAMEO accuracy where the gold has a code.
    /// </summary>
    public static Command EvalLink()
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Gold mentions (data/gold/linking/gold.tsv).", Required = true };
        var texts = new Option<string[]>("--texts") { Description = "Folders holding the documents' .txt files.", Required = true, AllowMultipleArgumentsPerToken = true };
        var minimum = new Option<double?>("--min-acc") { Description = "Fail (exit 1) when accuracy is below this fraction." };
        var showErrors = new Option<int>("--show-errors") { Description = "Print up to N wrong links.", DefaultValueFactory = _ => 0 };
        var command = new Command("link", "Entity linking: link gold mentions to the actor knowledge base and score accuracy.")
        {
            gold, texts, minimum, showErrors,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(gold)!;
            if (!file.Exists)
            {
                error.WriteLine($"Gold file '{file.FullName}' does not exist.");
                return 2;
            }

            var knowledge = KnowledgeBase.Load(KnowledgeBase.DefaultDirectory);
            var linker = new ActorLinker(knowledge);
            var mentions = LinkingGold.Read(file.FullName);
            var folders = parseResult.GetValue(texts) ?? [];
            int total = 0, correct = 0, nilTotal = 0, nilCorrect = 0, cameoTotal = 0, cameoCorrect = 0;
            var errors = new List<string>();
            var byRule = new Dictionary<string, (int Count, int Correct)>(StringComparer.Ordinal);
            foreach (var document in mentions.GroupBy(m => m.Document))
            {
                var text = LinkingGold.ReadText(document.Key, folders);
                var list = document.ToList();
                foreach (var m in list)
                {
                    if (m.End > text.Length || !text.AsSpan(m.Start, m.End - m.Start).SequenceEqual(m.Surface))
                    {
                        error.WriteLine($"{document.Key}: gold mention '{m.Surface}' at {m.Start}-{m.End} does not match the text.");
                        return 2;
                    }
                }

                var links = linker.Link(text, [.. list.Select(m => new LinkMention(new TextSpan(m.Start, m.End), m.Type))]);
                for (var i = 0; i < list.Count; i++)
                {
                    var m = list[i];
                    var predicted = links[i].Actor?.Id.Value;
                    var ok = string.Equals(predicted, m.Actor, StringComparison.Ordinal);
                    total++;
                    correct += ok ? 1 : 0;
                    if (m.Actor is null)
                    {
                        nilTotal++;
                        nilCorrect += ok ? 1 : 0;
                    }

                    if (m.Cameo is not null)
                    {
                        cameoTotal++;
                        cameoCorrect += string.Equals(links[i].Cameo, m.Cameo, StringComparison.Ordinal) ? 1 : 0;
                    }

                    var (count, good) = byRule.GetValueOrDefault(links[i].Rule);
                    byRule[links[i].Rule] = (count + 1, good + (ok ? 1 : 0));
                    if (!ok || (m.Cameo is not null && !string.Equals(links[i].Cameo, m.Cameo, StringComparison.Ordinal)))
                    {
                        errors.Add($"  {document.Key} '{m.Surface}': gold {m.Actor ?? "NIL:" + m.NilCluster} {m.Cameo}, predicted {predicted ?? "NIL"} {links[i].Cameo} ({links[i].Rule})");
                    }
                }
            }

            var c = CultureInfo.InvariantCulture;
            var accuracy = total == 0 ? 0 : (double)correct / total;
            output.WriteLine(string.Create(c, $"gold: {file.Name}  mentions: {total} ({nilTotal} NIL)  documents: {mentions.Select(m => m.Document).Distinct().Count()}"));
            output.WriteLine(string.Create(c, $"linking accuracy: {accuracy:F4} ({correct}/{total})  NIL accuracy: {(nilTotal == 0 ? 0 : (double)nilCorrect / nilTotal):F4}  CAMEO accuracy: {(cameoTotal == 0 ? 0 : (double)cameoCorrect / cameoTotal):F4} ({cameoCorrect}/{cameoTotal})"));
            foreach (var (rule, (count, good)) in byRule.OrderByDescending(p => p.Value.Count))
            {
                output.WriteLine(string.Create(c, $"  rule {rule,-13} {count,5}  accuracy {(double)good / count:F3}"));
            }

            foreach (var line in errors.Take(parseResult.GetValue(showErrors)))
            {
                output.WriteLine(line);
            }

            if (parseResult.GetValue(minimum) is { } floor && accuracy < floor)
            {
                error.WriteLine(string.Create(c, $"linking accuracy {accuracy:F4} is below the floor {floor:F4}."));
                return 1;
            }

            return 0;
        });
        return command;
    }
}
