using System.Net;
using System.Text.Json;
using MeshClient.Consul.Http;
using MeshClient.Consul.Wire;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Registration;

/// <summary>The agent endpoints self-registration uses: register, TTL update, maintenance, deregister, list local services.</summary>
internal sealed class ConsulAgentClient(ConsulHttpClient http, IOptionsMonitor<ConsulOptions> options)
{
    public async Task RegisterAsync(ConsulServiceDefinition service, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(service, ConsulJsonContext.Default.ConsulServiceDefinition);
        await SendAsync(HttpMethod.Put, "v1/agent/service/register", body, cancellationToken);
    }

    /// <summary>Pushes a TTL check result; returns <see langword="false"/> when the agent forgot the check (404 <c>Unknown check ID</c>, or 500 <c>does not have associated TTL</c> from older agents).</summary>
    public async Task<bool> UpdateTtlAsync(string checkId, string status, string output, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ConsulCheckUpdate(status, output), ConsulJsonContext.Default.ConsulCheckUpdate);
        var request = Request(HttpMethod.Put, "v1/agent/check/update/" + Escape(checkId), body);
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccess)
        {
            return true;
        }

        if (response.StatusCode == HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.InternalServerError && response.Excerpt().Contains("does not have associated TTL", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        throw response.Unexpected(request);
    }

    public async Task SetMaintenanceAsync(string serviceId, bool enable, string? reason, CancellationToken cancellationToken)
    {
        var path = $"v1/agent/service/maintenance/{Escape(serviceId)}?enable={(enable ? "true" : "false")}";
        if (enable && !string.IsNullOrWhiteSpace(reason))
        {
            path += "&reason=" + Uri.EscapeDataString(reason);
        }

        await SendAsync(HttpMethod.Put, path, null, cancellationToken);
    }

    /// <summary>Deregisters a service; an agent that does not know it (404 on newer agents) counts as done.</summary>
    public async Task DeregisterAsync(string serviceId, CancellationToken cancellationToken)
    {
        var request = Request(HttpMethod.Put, "v1/agent/service/deregister/" + Escape(serviceId), null);
        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccess && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw response.Unexpected(request);
        }
    }

    /// <summary>Tells whether the local agent still lists a service id (<c>GET /v1/agent/services</c>).</summary>
    public async Task<bool> HasServiceAsync(string serviceId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, "v1/agent/services", null, cancellationToken);
        return ConsulPayloadReader.ReadAgentServices(response.Body).ContainsKey(serviceId);
    }

    private async Task<ConsulResponse> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var request = Request(method, path, body);
        var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccess ? response : throw response.Unexpected(request);
    }

    private ConsulRequest Request(HttpMethod method, string path, byte[]? body) => new(method, path, options.CurrentValue.RequestTimeout, body);

    private static string Escape(string segment) => Uri.EscapeDataString(segment).Replace("%3A", ":", StringComparison.Ordinal);
}
