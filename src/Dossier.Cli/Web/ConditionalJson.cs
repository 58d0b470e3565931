using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dossier.Cli.Web;

/// <summary>
/// A JSON response with a strong ETag (the first 128 bits of the SHA-256 of its bytes) that answers 304
/// Not Modified when the client's If-None-Match already names it. Hashing the body rather than tracking a
/// store version keeps the tag right whoever wrote to the database (the CLI ingests into the same file).
/// Cache-Control: no-cache makes clients revalidate every time, so a stale page is never shown.
/// </summary>
internal sealed class ConditionalJson : IResult
{
    private readonly object? _value;
    private readonly byte[]? _raw;
    private readonly string _contentType;
    private readonly string? _link;

    private ConditionalJson(object? value, byte[]? raw, string contentType, string? link)
    {
        _value = value;
        _raw = raw;
        _contentType = contentType;
        _link = link;
    }

    /// <summary><paramref name="value"/> serialised with the API's JSON options (snake_case names).</summary>
    public static ConditionalJson Of(object value, string contentType = "application/json; charset=utf-8", string? link = null) => new(value, null, contentType, link);

    /// <summary>JSON that is already serialised (a stored analysis).</summary>
    public static ConditionalJson Raw(string json) => new(null, System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", null);

    /// <summary>Size of the serialised body, once <see cref="Freeze"/> has made it.</summary>
    public int Length => _raw?.Length ?? 0;

    /// <summary>The same response with its body serialised now, so it can be cached and sent many times.</summary>
    public ConditionalJson Freeze(HttpContext httpContext) =>
        _raw is not null ? this : new ConditionalJson(null, Serialise(httpContext), _contentType, _link);

    private byte[] Serialise(HttpContext httpContext) => _raw ?? JsonSerializer.SerializeToUtf8Bytes(
        _value, httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = Serialise(httpContext);
        var tag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body), 0, 16) + "\"";
        var response = httpContext.Response;
        response.Headers.ETag = tag;
        response.Headers.CacheControl = "no-cache";
        if (_link is not null)
        {
            response.Headers.Link = _link;
        }

        if (Matches(httpContext.Request.Headers.IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = _contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; * matches anything.</summary>
    internal static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var ours = new EntityTagHeaderValue(tag);
        return tags.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(ours, useStrongComparison: false));
    }
}
