using MeshClient.Testing.Eureka;

namespace DevRegistry;

/// <summary>Serves the in-process Eureka registry on a fixed URL until stopped, logging every registration change.</summary>
internal static class EurekaRegistryHost
{
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8761");

    public static Task<int> RunAsync(Uri url) => RegistryHost.RunAsync(
        "Eureka",
        url,
        loggerFactory => EurekaTestServer.StartAsync(new EurekaTestServerOptions { Url = url, LoggerFactory = loggerFactory }),
        static server => $"Eureka registry at {server.BaseUrl} (Spring) and {server.NetflixBaseUrl} (Netflix).",
        static server => $"{server.Instances.Count} instances registered");
}
