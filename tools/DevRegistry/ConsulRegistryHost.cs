using MeshClient.Testing.Consul;

namespace DevRegistry;

/// <summary>Serves the in-process Consul agent on a fixed URL until stopped, logging every registration and check state change.</summary>
internal static class ConsulRegistryHost
{
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8500");

    public static Task<int> RunAsync(Uri url) => RegistryHost.RunAsync(
        "Consul",
        url,
        loggerFactory => ConsulTestAgent.StartAsync(new ConsulTestAgentOptions { Url = url, LoggerFactory = loggerFactory }),
        static agent => $"Consul agent at {agent.Address} (HTTP API /v1/).",
        static agent => $"{agent.Services.Count} services registered");
}
