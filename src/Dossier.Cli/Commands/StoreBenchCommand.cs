using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Relational;
using Dossier.Storage.Synthetic;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench store --documents N --db PATH</c>: fills a store with <see cref="SyntheticCorpus"/> articles through the
/// bulk path (only those it lacks, so a second run reuses the store) and times ledger queries of the kinds
/// <c>dossier claims</c> and the web page ask, reporting p50/p95, build rate and memory.
/// </summary>
internal static class StoreBenchCommand
{
    public static Command Create()
    {
        var documents = new Option<int>("--documents") { Description = "Articles in the store.", DefaultValueFactory = _ => 100_000 };
        var database = new Option<string>("--db") { Description = "The store to build or reuse: a SQLite file or a PostgreSQL URL.", DefaultValueFactory = _ => "bench-store.db" };
        var queries = new Option<int>("--queries") { Description = "Claims queries to time.", DefaultValueFactory = _ => 200 };
        var limit = new Option<int>("--limit") { Description = "Rows per query (dossier claims defaults to 200).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => 9 };
        var command = new Command("store", "Build a synthetic corpus store and time claims queries over it (p50/p95, memory).")
        {
            documents, database, queries, limit, seed,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var target = parseResult.GetValue(documents);
                using var store = StoreOptions.Open(parseResult.GetRequiredValue(database), mustExist: false);
                var corpus = new SyntheticCorpus(parseResult.GetValue(seed));
                var present = store.CountDocuments();
                if (present < target && store is RelationalDocumentStore bulk)
                {
                    var build = Stopwatch.StartNew();
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var added = 0;
                    const int Chunk = 10_000;
                    for (var start = (int)present; start < target; start += Chunk)
                    {
                        var count = Math.Min(Chunk, target - start);
                        added += bulk.SaveMany(Enumerable.Range(start, count).Select(corpus.Article));
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  {start + count} documents, {(start + count - present) / build.Elapsed.TotalSeconds:F0} docs/s"));
                    }

                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"built: {added} documents added in {build.Elapsed.TotalSeconds:F1} s ({added / build.Elapsed.TotalSeconds:F0} docs/s, bulk path, 500 per transaction; "
                        + $"{(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, added):F2} ms CPU per document)"));
                }

                if (store is RelationalDocumentStore analysed)
                {
                    analysed.Analyze();
                }

                output.WriteLine($"store: {store.CountDocuments()} documents; load average {LoadAverage()} on {Environment.ProcessorCount} cores");
                var filters = Filters(corpus, parseResult.GetValue(queries), new Random(parseResult.GetValue(seed)));
                var rowsPerQuery = parseResult.GetValue(limit);
                foreach (var warm in filters.Take(5))
                {
                    store.Claims(warm.Filter, rowsPerQuery);
                }

                var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
                var all = new List<double>();
                long rows = 0;
                foreach (var (kind, filter) in filters)
                {
                    var stopwatch = Stopwatch.StartNew();
                    rows += store.Claims(filter, rowsPerQuery).Count;
                    var milliseconds = stopwatch.Elapsed.TotalMilliseconds;
                    all.Add(milliseconds);
                    (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(milliseconds);
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"claims queries: {all.Count}, {rows / (double)Math.Max(1, all.Count):F0} rows each on average (limit {rowsPerQuery})"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all           {Percentiles(all)}"));
                foreach (var (kind, times) in byKind.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-13} {Percentiles(times)}"));
                }

                using var process = Process.GetCurrentProcess();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB (counts the store file's pages SQLite reads through its memory map: shared, reclaimable), "
                    + $"private {process.PrivateMemorySize64 / 1048576.0:F0} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F0} MiB"));
                var path = parseResult.GetRequiredValue(database);
                if (File.Exists(path))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file: {new FileInfo(path).Length / 1048576.0:F0} MiB"));
                }

                return CommandErrors.Success;
            });
        });
        return command;
    }

    /// <summary>The ledger questions the product asks, in a fixed mix: the README's claims command is the first kind.</summary>
    private static List<(string Kind, ClaimFilter Filter)> Filters(SyntheticCorpus corpus, int count, Random random)
    {
        var result = new List<(string, ClaimFilter)>();
        for (var i = 0; i < count; i++)
        {
            var subject = SyntheticCorpus.Subjects[random.Next(SyntheticCorpus.Subjects.Count)];
            var measure = SyntheticCorpus.MeasureNames[random.Next(SyntheticCorpus.MeasureNames.Count)];
            var place = SyntheticCorpus.PlaceNames[random.Next(SyntheticCorpus.PlaceNames.Count)];
            var from = new DateOnly(2015, 1, 1).AddDays(random.Next(3000));
            result.Add((i % 4) switch
            {
                0 => ("about+measure+place", new ClaimFilter([subject], measure, place)),
                1 => ("measure+place", new ClaimFilter(null, measure, place)),
                2 => ("claimant", new ClaimFilter(Claimant: corpus.Claimants[random.Next(corpus.Claimants.Count)])),
                _ => ("measure+dates", new ClaimFilter(Measure: measure, From: from, To: from.AddDays(90))),
            });
        }

        return result;
    }

    private static string Percentiles(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50),7:F1} ms  p95 {At(0.95),7:F1} ms  max {sorted[^1],7:F1} ms  (n={sorted.Length})");
    }

    /// <summary>The 1-minute load average where the system reports it: latencies on a shared machine mean little without it.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
