using System.Net.Http.Headers;
using MeshClient.Eureka.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Eureka.Http;

/// <summary>
/// Sends requests to the Eureka service URLs: the last URL that worked first, the next one on a connection failure, a
/// timeout, a 5xx or an unreadable body. Content negotiation, basic auth and gzip are handled here.
/// </summary>
internal sealed partial class EurekaHttpClient(
    IHttpClientFactory factory, IOptionsMonitor<EurekaOptions> options, TimeProvider time, ILogger<EurekaHttpClient> logger)
{
    private int _current;

    /// <summary>Gets the URL tried first (the last one that worked), as it may be shown.</summary>
    public string CurrentUrl
    {
        get
        {
            var urls = ParseUrls();
            return urls.Length == 0 ? "(none)" : urls[Volatile.Read(ref _current) % urls.Length].Display;
        }
    }

    /// <summary>Sends a request and reads its response, failing over between service URLs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="read">Reads a non-5xx response; may throw <see cref="EurekaFormatException"/> to try the next URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EurekaRequestException">Every URL failed; the message names the last URL and why.</exception>
    public async Task<EurekaResponse<T>> SendAsync<T>(
        EurekaRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var urls = ParseUrls();
        if (urls.Length == 0)
        {
            throw new EurekaRequestException($"{EurekaConstants.ConfigurationKey}:ServiceUrls is empty.");
        }

        var o = options.CurrentValue;
        var first = Volatile.Read(ref _current) % urls.Length;
        string? reason = null;
        Exception? last = null;
        for (var attempt = 0; attempt < urls.Length; attempt++)
        {
            var index = (first + attempt) % urls.Length;
            var url = urls[index];
            using var timeout = new CancellationTokenSource(o.RequestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var message = Build(request, url, o.Format);
                using var response = await factory.CreateClient(EurekaConstants.HttpClientName).SendAsync(message, linked.Token);
                if ((int)response.StatusCode >= 500)
                {
                    reason = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                    last = null;
                }
                else
                {
                    var value = await read(response, linked.Token);
                    Volatile.Write(ref _current, index);
                    return new EurekaResponse<T>(value, url);
                }
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                reason = $"no answer within {o.RequestTimeout}";
                last = ex;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or EurekaFormatException)
            {
                reason = Describe(ex);
                last = ex;
            }

            if (attempt + 1 < urls.Length)
            {
                Log.FailingOver(logger, request.Describe(), url.Display, reason, urls[(index + 1) % urls.Length].Display);
            }
            else
            {
                var message = $"{request.Describe()} to {url.Display} failed: {reason}";
                throw last is null ? new EurekaRequestException(message) : new EurekaRequestException(message, last);
            }
        }

        throw new EurekaRequestException($"{request.Describe()} failed: {reason}");
    }

    private static HttpRequestMessage Build(EurekaRequest request, EurekaServiceUrl url, EurekaFormat format)
    {
        var message = new HttpRequestMessage(request.Method, url.Resolve(request.Path));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(format == EurekaFormat.Json ? EurekaConstants.JsonMediaType : EurekaConstants.XmlMediaType));
        message.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        message.Headers.Authorization = url.Authorization;
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? EurekaConstants.JsonMediaType);
        }

        return message;
    }

    private static string Describe(Exception ex) => ex switch
    {
        EurekaFormatException => ex.Message,
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"{http.HttpRequestError}: {http.Message}",
        _ => ex.Message,
    };

    private EurekaServiceUrl[] ParseUrls()
    {
        var configured = options.CurrentValue.ServiceUrls;
        var urls = new List<EurekaServiceUrl>(configured.Count);
        foreach (var url in configured)
        {
            if (!string.IsNullOrWhiteSpace(url))
            {
                urls.Add(EurekaServiceUrl.Parse(url));
            }
        }

        return [.. urls];
    }
}
