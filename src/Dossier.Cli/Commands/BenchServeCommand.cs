using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier bench serve --url URL --clients 20 --requests N</c>: a load test of a running <c>dossier serve</c>
/// from this (second) process. Each client sends one request at a time, taking the paths in turn, until N
/// requests are done or the time limit passes; it prints latency percentiles over the timed requests (untimed
/// warm-up requests to the first four paths come first) and the share that failed.
/// </summary>
internal static class BenchServeCommand
{
    /// <summary>Ledger queries: the claim table and the disagreement finder, filtered as the page asks.</summary>
    internal static readonly string[] LedgerPaths =
    [
        "/api/claims?measure=fighters&limit=100",
        "/api/claims?about=Islamic%20State&measure=fighters&limit=100",
        "/api/claims?place=Afghanistan&limit=100",
        "/api/disagreements?measure=fighters",
    ];

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The server to load.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var clients = new Option<int>("--clients") { Description = "Concurrent clients (1–256).", DefaultValueFactory = _ => 20 };
        var requests = new Option<int>("--requests") { Description = "Timed requests in all (1–1,000,000).", DefaultValueFactory = _ => 2000 };
        var paths = new Option<string[]>("--path") { Description = "A path to request (repeatable); default: ledger queries (claims, disagreements).", AllowMultipleArgumentsPerToken = false };
        var seconds = new Option<int>("--max-seconds") { Description = "Stop after this long even if requests remain.", DefaultValueFactory = _ => 120 };
        var command = new Command("serve", "Load-test a running dossier serve from this process: latency percentiles with concurrent clients.")
        {
            url, clients, requests, paths, seconds,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var clientCount = Math.Clamp(parseResult.GetValue(clients), 1, 256);
            var total = Math.Clamp(parseResult.GetValue(requests), 1, 1_000_000);
            var targets = parseResult.GetValue(paths) is { Length: > 0 } given ? given : LedgerPaths;
            if (!Uri.TryCreate(parseResult.GetRequiredValue(url), UriKind.Absolute, out var baseAddress))
            {
                await error.WriteLineAsync("dossier: --url must be an absolute http URL.").ConfigureAwait(false);
                return CommandErrors.BadInput;
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clientCount, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            // Warm-up: the first few paths once each (JIT, connections, SQLite pages), untimed.
            foreach (var path in targets.Take(4))
            {
                try
                {
                    using var warm = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
                    output.WriteLine($"warm-up {path}: {(int)warm.StatusCode}, {(await warm.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)).Length:N0} bytes");
                }
                catch (HttpRequestException exception)
                {
                    await error.WriteLineAsync($"dossier: cannot reach {baseAddress}: {exception.Message}").ConfigureAwait(false);
                    return CommandErrors.BadInput;
                }
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(seconds))));
            var latencies = new double[total];
            var next = -1;
            var failures = 0;
            var wall = Stopwatch.StartNew();
            async Task Client()
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < total && !limit.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.GetAsync(new Uri(targets[index % targets.Length], UriKind.Relative), limit.Token).ConfigureAwait(false);
                        await response.Content.ReadAsByteArrayAsync(limit.Token).ConfigureAwait(false);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }

            await Task.WhenAll(Enumerable.Range(0, clientCount).Select(_ => Task.Run(Client, CancellationToken.None))).ConfigureAwait(false);
            wall.Stop();
            var done = latencies.Where(l => l > 0).Order().ToArray();
            if (done.Length == 0)
            {
                await error.WriteLineAsync("dossier: no request completed.").ConfigureAwait(false);
                return CommandErrors.BadInput;
            }

            double Percentile(double p) => done[Math.Min(done.Length - 1, (int)Math.Ceiling(p * done.Length) - 1)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{done.Length:N0} requests ({failures} failed) from {clientCount} clients over {targets.Length} paths in {wall.Elapsed.TotalSeconds:F1} s: {done.Length / wall.Elapsed.TotalSeconds:F0} requests/s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency ms: p50 {Percentile(0.50):F1}  p95 {Percentile(0.95):F1}  p99 {Percentile(0.99):F1}  max {done[^1]:F1}"));
            return failures == 0 ? CommandErrors.Success : CommandErrors.BelowFloor;
        });
        return command;
    }
}
