using System.Net.Http.Headers;
using Dossier.Ingestion.PlainText;

namespace Dossier.Ingestion.Sources;

/// <summary>What a URL returned: its bytes, media type and charset, and the address after redirects.</summary>
/// <param name="Content">The response body (at most <see cref="ArticleReader.MaxBytes"/>).</param>
/// <param name="MediaType">The Content-Type's media type, lower case, or null.</param>
/// <param name="Charset">The Content-Type's charset, or null.</param>
/// <param name="Address">The final address.</param>
public sealed record WebPage(byte[] Content, string? MediaType, string? Charset, Uri Address);

/// <summary>
/// Downloads one page the user pointed at: GET with a Dossier user agent, a time limit, and a size
/// cap that is enforced while reading (a missing or lying Content-Length cannot make it read more).
/// </summary>
/// <param name="client">The client to send with; owned by the caller.</param>
/// <param name="timeout">The longest a download may take, headers and body together.</param>
public sealed class WebPageFetcher(HttpClient client, TimeSpan timeout)
{
    /// <summary>The User-Agent sent with every request.</summary>
    public const string UserAgent = "Dossier/1.0 (news analysis; +https://github.com/dossier)";

    /// <summary>Downloads <paramref name="address"/>.</summary>
    /// <exception cref="ArticleReadException">The request failed, timed out, returned an error status or was too large.</exception>
    public async Task<WebPage> FetchAsync(Uri address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArticleReadException($"{address}: only http and https addresses can be fetched.");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xhtml+xml"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/rss+xml"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/atom+xml"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.5));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ArticleReadException($"{address}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > ArticleReader.MaxBytes)
            {
                throw new ArticleReadException($"{address}: {response.Content.Headers.ContentLength} bytes is more than the {ArticleReader.MaxBytes / (1024 * 1024)} MiB a page may have.");
            }

            using var body = await response.Content.ReadAsStreamAsync(limit.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, limit.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > ArticleReader.MaxBytes)
                {
                    throw new ArticleReadException($"{address}: larger than the {ArticleReader.MaxBytes / (1024 * 1024)} MiB a page may have.");
                }

                buffer.Write(chunk, 0, read);
            }

            var type = response.Content.Headers.ContentType;
            return new WebPage(buffer.ToArray(), type?.MediaType?.ToLowerInvariant(), type?.CharSet?.Trim('"'), response.RequestMessage?.RequestUri ?? address);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ArticleReadException($"{address}: no complete answer within {timeout.TotalSeconds:F0} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ArticleReadException($"{address}: {exception.Message}", exception);
        }
    }
}
