using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Tests.Fakes;

internal static class MeshHttpClients
{
    public const string ClientName = "x";

    /// <summary>Adds the client <see cref="ClientName"/> the way users do: mesh handler in front of <paramref name="terminal"/>.</summary>
    public static IServiceCollection AddMeshTestClient(this IServiceCollection services, StubHttpHandler terminal)
    {
        services.AddHttpClient(ClientName).AddMeshHandler().ConfigurePrimaryHttpMessageHandler(() => terminal);
        return services;
    }

    public static HttpClient CreateMeshTestClient(this IServiceProvider services)
        => services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
}
