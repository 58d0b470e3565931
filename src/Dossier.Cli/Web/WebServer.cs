using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Dossier.Analysis.Paragraphs;
using Dossier.Cli.Commands;
using Dossier.Cli.Output;
using Dossier.Ingestion;
using Dossier.Storage;
using Dossier.Storage.Ledger;
using Dossier.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Dossier.Cli.Web;

/// <summary>Settings for <c>dossier serve</c>.</summary>
/// <param name="DatabasePath">The corpus database the read endpoints query and ingest writes to.</param>
/// <param name="ApiKey">The key write endpoints require in the <c>X-Api-Key</c> header; null disables writing.</param>
/// <param name="MaxRequestBytes">Largest request body accepted (413 above it).</param>
internal sealed record WebOptions(string DatabasePath, string? ApiKey, long MaxRequestBytes = 2 * 1024 * 1024)
{
    /// <summary>How posted articles are read, by media type; plain text unless a caller registers more (an HTML extractor).</summary>
    public IReadOnlyList<IArticleBodyReader> BodyReaders { get; init; } = [PlainTextArticleBody.Instance, HtmlArticleBody.Instance];

    /// <summary>Keep read responses until the store changes (<see cref="ResponseCache"/>); off to measure the store itself.</summary>
    public bool CacheResponses { get; init; } = true;
}

/// <summary>
/// The HTTP API and the web page, in one minimal-API application. Article text is untrusted: the page
/// only ever inserts it as text nodes, and a Content-Security-Policy forbids inline script. Errors
/// are problem+json without stack traces. Reads answer with ETags (304 on If-None-Match). Stores come
/// from a pool, one per request at a time (a store is not thread-safe).
/// </summary>
internal static class WebServer
{
    /// <summary>The most rows one request returns (<c>limit</c> is clamped to 1–500).</summary>
    public const int MaxLimit = 500;

    /// <summary>The most claims the disagreement finder reads in one request; it compares claims pairwise within a topic.</summary>
    public const int MaxDisagreementClaims = 2_000;

    /// <summary>Search results are paged up to this many (offset + limit); full-text ranking beyond it is not useful.</summary>
    public const int MaxSearchDepth = 1_000;

    private const int DefaultLimit = 50;

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication Build(WebApplicationBuilder builder, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dossier API";
            document.Info.Description = "Source-attributed, evidence-linked facts from news reports: documents, actors, quotes, claims, disagreements, events and places.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSingleton(_ => new StorePool(options.DatabasePath));
        builder.Services.AddSingleton(_ => new ResponseCache(options.DatabasePath));
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

        app.MapOpenApi();
        MapAssets(app);
        MapWrites(app, options);
        var cache = app.Services.GetRequiredService<ResponseCache>();
        var reads = new List<RouteHandlerBuilder>();
        MapDocuments(app, reads);
        MapFacts(app, reads);
        foreach (var read in options.CacheResponses ? reads : [])
        {
            read.AddEndpointFilter(cache.Filter);
        }

        return app;
    }

    private static void MapAssets(WebApplication app)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/world.json", () => Asset("world.json", "application/json")).ExcludeFromDescription();
        app.MapGet("/favicon.ico", () => Results.NoContent()).ExcludeFromDescription();
    }

    private static void MapWrites(WebApplication app, WebOptions options)
    {
        app.MapPost("/api/analyze", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var (document, problem) = await ReadArticle(request, options, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var analysed = SegmentationPipelines.Full(ArticleLayout.Article).Build().Process(document!, cancellationToken);
            return Results.Text(DocumentJsonWriter.ToJson(analysed, new JsonOptions()), "application/json; charset=utf-8");
        })
            .WithName("AnalyzeArticle").WithTags("analysis")
            .WithSummary("Analyse an article without storing it")
            .WithDescription("Body: the article as text/plain (headline on line 1, standfirst on line 2, one paragraph per line) or an HTML page (text/html: its main text is extracted, and its title, date and author are read from meta tags and JSON-LD; 422 when the page has no article text). Query: published=YYYY-MM-DD, outlet (both override the page's own). Returns the analysis JSON of docs/json-format.md.")
            .Accepts<string>("text/plain", "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapPost("/api/documents", async (HttpRequest request, StorePool stores, ResponseCache cache, CancellationToken cancellationToken) =>
        {
            if (options.ApiKey is null || !KeyMatches(request.Headers["X-Api-Key"].ToString(), options.ApiKey))
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
            var key = request.Query["key"].FirstOrDefault() ?? $"api:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(document!.Text)))[..16]}";
            var json = DocumentJsonWriter.ToJson(analysed, new JsonOptions());
            var outcome = stores.Use(mustExist: false, store => store.Save(analysed, key, json));
            cache.Invalidate();
            return Results.Ok(new IngestResult(key, outcome.ToString().ToLowerInvariant()));
        })
            .WithName("IngestArticle").WithTags("documents")
            .WithSummary("Analyse an article and store it (needs X-Api-Key)")
            .WithDescription("Body as for /api/analyze. Query: published, outlet, key (default api:<hash of the text>). Saving is idempotent by content hash.")
            .Accepts<string>("text/plain", "text/html")
            .Produces<IngestResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static void MapDocuments(WebApplication app, List<RouteHandlerBuilder> reads)
    {
        reads.Add(app.MapGet("/api/documents", (HttpRequest request, StorePool stores, string? q, int? offset, int? limit) =>
        {
            var size = Limit(limit);
            var from = Math.Max(0, offset ?? 0);
            if (q is { Length: > 0 } && from + size > MaxSearchDepth)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Search too deep", detail: $"Search results are paged up to {MaxSearchDepth:N0} (offset + limit).");
            }

            return WithStore(stores, store =>
            {
                // One row more than asked says whether a next page exists without counting the table.
                var rows = q is { Length: > 0 } ? store.Search(q, from + size + 1).Skip(from).ToList() : [.. store.Documents(from, size + 1)];
                string? next = null;
                if (rows.Count > size)
                {
                    rows.RemoveAt(size);
                    next = $"/api/documents?{(q is { Length: > 0 } ? "q=" + Uri.EscapeDataString(q) + "&" : "")}offset={from + size}&limit={size}";
                }

                return ConditionalJson.Of(new DocumentPage(rows, from, size, next), link: next is null ? null : $"<{next}>; rel=\"next\"");
            });
        })
            .WithName("ListDocuments").WithTags("documents")
            .WithSummary("Documents, newest first, or full-text search with q; paged by offset and limit")
            .WithDescription("The next page's URL is in the body (next) and in a Link header with rel=\"next\"; limit is clamped to 1–500; search pages go to offset + limit ≤ 1,000.")
            .Produces<DocumentPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/documents/{id:long}", (StorePool stores, long id) => WithStore(stores, store =>
            store.AnnotationsById(id) is { } json
                ? ConditionalJson.Raw(json)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document")))
            .WithName("GetDocument").WithTags("documents")
            .WithSummary("A stored document's analysis (docs/json-format.md) with every annotation layer")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound));
    }

    private static void MapFacts(WebApplication app, List<RouteHandlerBuilder> reads)
    {
        reads.Add(app.MapGet("/api/actors", (StorePool stores, string? q, int? limit) => WithStore(stores, store =>
            ConditionalJson.Of(store.Actors(q is { Length: > 0 } ? q : null, Limit(limit)))))
            .WithName("ListActors").WithTags("actors")
            .WithSummary("Actors linked in the corpus, most mentioned first; q filters by name or id")
            .Produces<IReadOnlyList<StoredActor>>().ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/actors/{id}", (StorePool stores, string id, int? limit) => WithStore(stores, store =>
        {
            var actor = store.Actors(id, MaxLimit).FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));
            if (actor is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such actor", detail: "No stored document links this actor id.");
            }

            var size = Limit(limit);
            return ConditionalJson.Of(new ActorPage(
                actor,
                [.. store.Quotes(actor.Name, size).Select(QuoteView.Of)],
                [.. store.Claims(new ClaimFilter(Claimant: actor.Id), size).Select(ClaimView.Of)],
                [.. store.Claims(new ClaimFilter(About: [actor.Name]), size).Select(ClaimView.Of)],
                [.. store.Events(new EventFilter(Actor: actor.Id), size).Select(EventView.Of)]));
        }))
            .WithName("GetActor").WithTags("actors")
            .WithSummary("One actor: its quotes, the claims it makes, the claims about it and its events")
            .Produces<ActorPage>().ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/quotes", (StorePool stores, string? speaker, int? limit) => WithStore(stores, store =>
            ConditionalJson.Of(store.Quotes(speaker is { Length: > 0 } ? speaker : null, Limit(limit)).Select(QuoteView.Of).ToList())))
            .WithName("ListQuotes").WithTags("quotes")
            .WithSummary("Quotes, newest documents first; speaker filters by the speaker's name")
            .Produces<IReadOnlyList<QuoteView>>().ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/claims", (StorePool stores, string? about, string? measure, string? place, string? claimant, DateOnly? from, DateOnly? to, int? limit) =>
            WithStore(stores, store => ConditionalJson.Of(
                store.Claims(Filter(about, measure, place, claimant, from, to), Limit(limit)).Select(ClaimView.Of).ToList())))
            .WithName("ListClaims").WithTags("claims")
            .WithSummary("The claim ledger, oldest first")
            .WithDescription("about: subject names, comma-separated, any of which may occur in the subject; measure; place (contains); claimant: actor id or part of the name; from/to: publication dates (YYYY-MM-DD), inclusive. Open interval ends are null.")
            .Produces<IReadOnlyList<ClaimView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/disagreements", (StorePool stores, string? about, string? measure, string? place, DateOnly? from, DateOnly? to, int? limit) =>
            WithStore(stores, store => ConditionalJson.Of(
                DisagreementFinder.Find(store.Claims(Filter(about, measure, place, null, from, to), MaxDisagreementClaims).Select(LedgerCommands.WithSide))
                    .Take(Limit(limit))
                    .Select(d => new DisagreementView(d.Topic, d.SameClaimant, ClaimView.Of(d.First), ClaimView.Of(d.Second))).ToList())))
            .WithName("ListDisagreements").WithTags("claims")
            .WithSummary("Claims that cannot all be true: claimants who disagree, and claimants whose figure shifted")
            .WithDescription("Filters as for /api/claims; at most the first 2,000 matching claims are compared; limit caps the pairs returned (by topic, earliest first).")
            .Produces<IReadOnlyList<DisagreementView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/events", (StorePool stores, string? actor, string? root, DateOnly? from, DateOnly? to, int? limit) => WithStore(stores, store =>
            ConditionalJson.Of(store.Events(new EventFilter(Blank(actor), Blank(root), from, to), Limit(limit)).Select(EventView.Of).ToList())))
            .WithName("ListEvents").WithTags("events")
            .WithSummary("Coded events, oldest first; actor (id or part of a name, as source or target), CAMEO root, from/to dates")
            .Produces<IReadOnlyList<EventView>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound));

        reads.Add(app.MapGet("/api/places", (StorePool stores, long? document, int? limit) => WithStore(stores, store =>
            ConditionalJson.Of(PlaceCollection.Of(store.Places(document, Limit(limit))), "application/geo+json; charset=utf-8")))
            .WithName("ListPlaces").WithTags("places")
            .WithSummary("Place mentions with coordinates as a GeoJSON FeatureCollection (RFC 7946), of one document or of all")
            .Produces<PlaceCollection>(contentType: "application/geo+json").ProducesProblem(StatusCodes.Status404NotFound));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ClaimFilter Filter(string? about, string? measure, string? place, string? claimant, DateOnly? from, DateOnly? to) => new(
        Blank(about)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Blank(measure), Blank(place), Blank(claimant), from, to);

    private static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    // Fixed-time comparison: the key must not be guessable byte by byte from response times.
    private static bool KeyMatches(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult WithStore(StorePool stores, Func<IDocumentStore, IResult> query) =>
        stores.Exists
            ? stores.Use(mustExist: true, query)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No corpus", detail: "The corpus database does not exist yet; ingest articles first.");

    /// <summary>The article in the body, read by the first reader that accepts its media type, with <c>published</c> and <c>outlet</c> from the query string.</summary>
    private static async Task<(Document? Document, IResult? Problem)> ReadArticle(HttpRequest request, WebOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Article too large", detail: $"At most {options.MaxRequestBytes:N0} bytes."));
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsedType) ? parsedType.MediaType.Value?.ToLowerInvariant() ?? "" : "";
        var reader = options.BodyReaders.FirstOrDefault(r => r.Accepts(mediaType));
        if (reader is null)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported article format",
                detail: $"Send the article as text/plain or text/html; {mediaType} is not read."));
        }

        string text;
        using (var body = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await body.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty article", detail: "Send the article in the request body."));
        }

        DateOnly? published = null;
        if (request.Query["published"].FirstOrDefault() is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: "published must be YYYY-MM-DD."));
            }

            published = parsed;
        }

        try
        {
            return (reader.Read(text, new DocumentMetadata(Outlet: request.Query["outlet"].FirstOrDefault(), Published: published)), null);
        }
        catch (ArticleReadException exception)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No article found", detail: exception.Message));
        }
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"The web asset {name} is not embedded in the build.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
