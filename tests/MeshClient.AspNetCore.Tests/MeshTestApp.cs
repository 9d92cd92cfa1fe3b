using MeshClient;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.AspNetCore.Tests;

/// <summary>Builds and starts a web app with MeshClient, the ASP.NET Core integration and the status endpoints.</summary>
internal static class MeshTestApp
{
    public static async Task<WebApplication> StartAsync(
        IDictionary<string, string?> configuration,
        Action<IServiceCollection>? services = null,
        Action<IMeshClientBuilder>? mesh = null)
    {
        var app = Build(configuration, services, mesh);
        await app.StartAsync();
        return app;
    }

    /// <summary>Builds the app without starting it; on TestServer, or on real Kestrel when <paramref name="kestrelUrl"/> is set.</summary>
    public static WebApplication Build(
        IDictionary<string, string?> configuration,
        Action<IServiceCollection>? services = null,
        Action<IMeshClientBuilder>? mesh = null,
        string? kestrelUrl = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "asp-tests", EnvironmentName = "Testing" });
        if (kestrelUrl is null)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.UseKestrelCore().UseUrls(kestrelUrl);
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var meshBuilder = builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddAspNetCore();
        mesh?.Invoke(meshBuilder);
        var app = builder.Build();
        app.MapMeshEndpoints();
        return app;
    }
}
