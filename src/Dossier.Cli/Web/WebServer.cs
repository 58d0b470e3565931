using System.Reflection;
using System.Text;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Commands;
using Dossier.Cli.Output;
using Dossier.Storage;
using Dossier.Storage.Ledger;
using Dossier.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Cli.Web;

/// <summary>Settings for <c>dossier serve</c>.</summary>
/// <param name="DatabasePath">The corpus database the read endpoints query and ingest writes to.</param>
/// <param name="ApiKey">The key write endpoints require in the <c>X-Api-Key</c> header; null disables writing.</param>
/// <param name="MaxRequestBytes">Largest request body accepted (413 above it).</param>
internal sealed record WebOptions(string DatabasePath, string? ApiKey, long MaxRequestBytes = 2 * 1024 * 1024);

/// <summary>
/// The HTTP API and the web page, in one minimal-API application. Article text is untrusted: the page
/// only ever inserts it as text nodes, and a Content-Security-Policy forbids inline script. Errors
/// are problem+json without stack traces. Every store access opens its own connection (the store is
/// not thread-safe); analysis runs on the shared, thread-safe pipeline.
/// </summary>
internal static class WebServer
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication Build(WebApplicationBuilder builder, WebOptions options)
    {
        builder.Services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        var app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var problem = context.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException bad
                ? Results.Problem(statusCode: bad.StatusCode, title: "Bad request", detail: bad.Message)
                : Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Internal error", detail: "The request failed; see the server log.");
            await problem.ExecuteAsync(context).ConfigureAwait(false);
        }));
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());

        app.MapPost("/api/analyze", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var (document, problem) = await ReadArticle(request, options, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var analysed = SegmentationPipelines.Full(ArticleLayout.Article).Build().Process(document!, cancellationToken);
            return Results.Text(DocumentJsonWriter.ToJson(analysed, new JsonOptions()), "application/json; charset=utf-8");
        });

        app.MapPost("/api/documents", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            if (options.ApiKey is null || !string.Equals(request.Headers["X-Api-Key"].ToString(), options.ApiKey, StringComparison.Ordinal))
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                    detail: "Writing needs the X-Api-Key header with the key the server was started with (--api-key or DOSSIER_API_KEY).");
            }

            var (document, problem) = await ReadArticle(request, options, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var analysed = SegmentationPipelines.Full(ArticleLayout.Article).Build().Process(document!, cancellationToken);
            using var store = StoreOptions.Open(options.DatabasePath, mustExist: false);
            var key = request.Query["key"].FirstOrDefault() ?? $"api:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(document!.Text)))[..16]}";
            var outcome = store.Save(analysed, key, DocumentJsonWriter.ToJson(analysed, new JsonOptions()));
            return Results.Ok(new { key, outcome = outcome.ToString().ToLowerInvariant() });
        });

        app.MapGet("/api/documents", (string? q, int? limit) => WithStore(options, store =>
            Results.Ok(q is { Length: > 0 } ? store.Search(q, Limit(limit)) : store.Latest(Limit(limit)))));

        app.MapGet("/api/documents/{id:long}", (long id) => WithStore(options, store =>
            store.AnnotationsById(id) is { } json
                ? Results.Text(json, "application/json; charset=utf-8")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document")));

        app.MapGet("/api/quotes", (string? speaker, int? limit) => WithStore(options, store => Results.Ok(store.Quotes(speaker, Limit(limit)))));

        app.MapGet("/api/claims", (string? about, string? measure, string? place, int? limit) => WithStore(options, store =>
            Results.Ok(store.Claims(new ClaimFilter(about?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), measure, place), Limit(limit))
                .Select(ClaimView))));

        app.MapGet("/api/disagreements", (string? measure, string? place) => WithStore(options, store =>
            Results.Ok(DisagreementFinder.Find(store.Claims(new ClaimFilter(null, measure, place), int.MaxValue).Select(LedgerCommands.WithSide))
                .Select(d => new { topic = d.Topic, shift = d.SameClaimant, first = ClaimView(d.First), second = ClaimView(d.Second) }))));

        return app;
    }

    private static int Limit(int? limit) => Math.Clamp(limit ?? 50, 1, 500);

    /// <summary>A claim for JSON: open interval ends are null (JSON has no infinity).</summary>
    private static object ClaimView(StoredClaim claim) => new
    {
        document = claim.DocumentKey,
        outlet = claim.Outlet,
        published = claim.Published,
        start = claim.Evidence.Start,
        end = claim.Evidence.End,
        text = claim.Text,
        measure = claim.Measure,
        subject = claim.Subject,
        place = claim.Place,
        low = double.IsInfinity(claim.Interval.Low) ? (double?)null : claim.Interval.Low,
        high = double.IsInfinity(claim.Interval.High) ? (double?)null : claim.Interval.High,
        low_inclusive = claim.Interval.LowInclusive,
        high_inclusive = claim.Interval.HighInclusive,
        approximate = claim.Interval.Approximate,
        trend = claim.Trend,
        claimant = claim.ClaimedBy,
        channel = claim.Channel,
    };

    private static IResult WithStore(WebOptions options, Func<IDocumentStore, IResult> query)
    {
        if (!File.Exists(options.DatabasePath))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No corpus", detail: "The corpus database does not exist yet; ingest articles first.");
        }

        using var store = StoreOptions.Open(options.DatabasePath, mustExist: true);
        return query(store);
    }

    /// <summary>The article in the body: plain text (headline, standfirst, paragraphs), with <c>published</c> and <c>outlet</c> from the query string.</summary>
    private static async Task<(Document? Document, IResult? Problem)> ReadArticle(HttpRequest request, WebOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Article too large", detail: $"At most {options.MaxRequestBytes:N0} bytes."));
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty article", detail: "Send the article as plain text in the request body."));
        }

        DateOnly? published = null;
        if (request.Query["published"].FirstOrDefault() is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: "published must be YYYY-MM-DD."));
            }

            published = parsed;
        }

        return (new Document("api", text, new DocumentMetadata(Outlet: request.Query["outlet"].FirstOrDefault(), Published: published)), null);
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"The web asset {name} is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
