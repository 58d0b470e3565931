using System.CommandLine;
using Dossier.Cli.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve</c>: the HTTP API and web page, bound to loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var database = StoreOptions.Database();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var apiKey = new Option<string?>("--api-key") { Description = "Key that write endpoints require (X-Api-Key); default $DOSSIER_API_KEY; without one, writing is disabled." };
        var noCache = new Option<bool>("--no-cache") { Description = "Query the store for every read instead of keeping responses until the store changes (for measuring the store)." };
        var command = new Command("serve", "Serve the HTTP API and the web page (articles, actors, claim ledger, map).") { database, urls, apiKey, noCache };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls(parseResult.GetRequiredValue(urls));
            // Four console lines per request cost more CPU than a cached ledger answer (the console logger serialises
            // writers): request logging stays off, warnings and errors (failed requests, exceptions) are still written.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            var key = parseResult.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("DOSSIER_API_KEY");
            var app = WebServer.Build(builder, new WebOptions(parseResult.GetRequiredValue(database), string.IsNullOrEmpty(key) ? null : key) { CacheResponses = !parseResult.GetValue(noCache) });
            parseResult.InvocationConfiguration.Output.WriteLine($"dossier: serving on {parseResult.GetRequiredValue(urls)} (Ctrl+C to stop)");
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return CommandErrors.Success;
        });
        return command;
    }
}
