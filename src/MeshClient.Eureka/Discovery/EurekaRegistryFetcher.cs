using System.Net;
using MeshClient.Eureka.Http;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Discovery;

/// <summary>The two reads of the registry: <c>GET apps</c> and <c>GET apps/delta</c>.</summary>
internal sealed class EurekaRegistryFetcher(EurekaHttpClient http)
{
    private static readonly EurekaRequest Full = new(HttpMethod.Get, "apps/");
    private static readonly EurekaRequest Delta = new(HttpMethod.Get, "apps/delta");

    /// <summary>Fetches the full registry.</summary>
    /// <exception cref="EurekaRequestException">No service URL answered with a readable registry.</exception>
    public Task<EurekaResponse<EurekaApplications>> FetchFullAsync(CancellationToken cancellationToken)
        => http.SendAsync(Full, static async (response, ct) =>
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // 403 while the server is not ready: another server may be.
                throw new EurekaFormatException($"GET apps answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return await ReadAsync(response, ct);
        }, cancellationToken);

    /// <summary>Fetches the delta; the value is <see langword="null"/> when the server refuses deltas (403: disabled or not ready).</summary>
    public Task<EurekaResponse<EurekaApplications?>> FetchDeltaAsync(CancellationToken cancellationToken)
        => http.SendAsync(Delta, static async (response, ct) =>
            response.StatusCode == HttpStatusCode.OK ? await ReadAsync(response, ct) : (EurekaApplications?)null, cancellationToken);

    private static async Task<EurekaApplications> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return EurekaPayloadReader.ReadApplications(body, response.Content.Headers.ContentType);
    }
}
