using MeshClient;
using MeshDemo.Registries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshDemo.Hosting;

/// <summary>What every host of the demo shares: the registry, its settings, quiet logging on stderr, and no console lifetime.</summary>
internal static class DemoHosting
{
    /// <summary>Points the host at the registry, adds the settings and MeshClient bound to <c>Mesh</c>.</summary>
    /// <param name="builder">A web or generic host builder.</param>
    /// <param name="registry">The registry every host shares.</param>
    /// <param name="settings">The host's own <c>Mesh:...</c> settings.</param>
    /// <returns>The builder <c>AddMeshClient</c> returned, for more MeshClient packages.</returns>
    public static IMeshClientBuilder AddDemoMesh(this IHostApplicationBuilder builder, IDemoRegistry registry, Dictionary<string, string?> settings)
    {
        registry.Configure(builder.Services, settings);
        builder.Configuration.AddInMemoryCollection(settings);

        // Warnings and errors only, on stderr: stdout is the report (tables or JSON lines).
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(static o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        var mesh = builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        registry.AddProvider(mesh);
        return mesh;
    }
}
