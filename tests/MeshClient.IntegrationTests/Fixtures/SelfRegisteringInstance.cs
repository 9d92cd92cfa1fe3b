using System.Globalization;
using MeshClient.Discovery.InMemory;
using MeshClient.Events;
using MeshClient.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>
/// A Kestrel app on <c>127.0.0.1:0</c> with <c>AddMeshClient</c>, the InMemory provider and <c>Mesh:Registration</c> set:
/// it registers itself in a shared registry once started, and deregisters when stopped. Answers with its id.
/// </summary>
internal sealed class SelfRegisteringInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private bool _stopped;

    private SelfRegisteringInstance(string id, WebApplication app)
    {
        Id = id;
        _app = app;
    }

    public string Id { get; }

    /// <summary>Gets the port Kestrel bound.</summary>
    public int Port => new Uri(_app.Urls.Single()).Port;

    public long Requests => Interlocked.Read(ref _requests);

    public IMeshRegistration Registration => _app.Services.GetRequiredService<IMeshRegistration>();

    /// <summary>Starts the instance and waits (bounded) until its lifecycle reports <see cref="RegistrationState.Registered"/>.</summary>
    public static async Task<SelfRegisteringInstance> StartAsync(InMemoryServiceRegistry registry, string serviceName, string id, int weight = 1)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = serviceName, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mesh:Discovery:Provider"] = "InMemory",
            ["Mesh:Registration:ServiceName"] = serviceName,
            ["Mesh:Registration:InstanceId"] = id,
            ["Mesh:Registration:Weight"] = weight.ToString(CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(registry); // before AddMeshClient, whose TryAdd keeps it
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddAspNetCore(); // registers the port Kestrel bound

        var instance = new SelfRegisteringInstance(id, builder.Build());
        instance._app.Run(instance.AnswerAsync);
        using var events = instance._app.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        await instance._app.StartAsync();
        await events.WaitForAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Registered);
        return instance;
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await StopAsync();
        }

        await _app.DisposeAsync();
    }

    private Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.Headers[KestrelInstance.InstanceHeader] = Id;
        return context.Response.WriteAsync(Id);
    }
}
