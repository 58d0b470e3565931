using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dossier.Knowledge.Places;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench gazetteer</c>: times <see cref="Gazetteer.Load"/> — the first load of the process
/// (what a CLI run pays: just-in-time compilation included) and later ones (warm) — and reports the
/// index size and the memory it holds. The goal is a load under 500 ms.
/// </summary>
internal static class BenchGazetteerCommand
{
    public static Command Create()
    {
        var path = new Option<string>("--path") { Description = "Places file (default: the shipped data/gazetteer/places.tsv.gz)." };
        var repeat = new Option<int>("--repeat") { Description = "Loads in this process; the first is reported as cold.", DefaultValueFactory = _ => 5 };
        var command = new Command("gazetteer", "Time loading the place gazetteer into its in-memory index.") { path, repeat };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.Guard(parseResult.InvocationConfiguration.Error, () =>
            {
                var file = parseResult.GetValue(path) ?? Gazetteer.DefaultPath;
                var loads = Math.Max(1, parseResult.GetValue(repeat));
                var times = new List<double>(loads);
                Gazetteer? gazetteer = null;
                long heldBytes = 0;
                for (var i = 0; i < loads; i++)
                {
                    gazetteer = null;
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var before = GC.GetTotalMemory(forceFullCollection: true);
                    var watch = Stopwatch.StartNew();
                    gazetteer = Gazetteer.Load(file);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    heldBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
                }

                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"{file}: {gazetteer!.NameCount:N0} names, {heldBytes / (1024.0 * 1024):F0} MiB held"));
                output.WriteLine(string.Create(c, $"first load (cold, JIT included): {times[0]:F0} ms"));
                if (loads > 1)
                {
                    var warm = times.Skip(1).Order().ToList();
                    output.WriteLine(string.Create(c, $"later loads ({warm.Count}): median {warm[warm.Count / 2]:F0} ms, min {warm[0]:F0} ms, max {warm[^1]:F0} ms"));
                }

                return CommandErrors.Success;
            });
        });
        return command;
    }
}
