using System.Globalization;
using MeshDemo.Hosting;
using MeshDemo.Registries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Cluster;

/// <summary>
/// One instance of the fake <c>ratings</c> service: a Kestrel app on <c>http://127.0.0.1:0</c> that registers itself
/// (service name, instance id, weight, bound port) through AddMeshClient's lifecycle and answers after a fixed service time,
/// unless a scenario injects a <see cref="Fault"/> or stops it listening (<see cref="StopListening"/>).
/// </summary>
internal sealed class RatingsInstance : IAsyncDisposable
{
    /// <summary>The response header that names the instance that answered.</summary>
    public const string InstanceHeader = "X-Instance-Id";

    private readonly WebApplication _app;
    private readonly TimeSpan _serviceTime;
    private InstanceFault _fault = InstanceFault.None;
    private Task? _stopListening;
    private long _served;

    private RatingsInstance(string instanceId, int weight, TimeSpan serviceTime, WebApplication app)
    {
        InstanceId = instanceId;
        Weight = weight;
        _serviceTime = serviceTime;
        _app = app;
    }

    public string InstanceId { get; }

    public int Weight { get; }

    /// <summary>Gets how many requests this instance answered, counted on the server.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Gets or sets how the instance answers from now on; <see cref="InstanceFault.None"/> by default.</summary>
    public InstanceFault Fault
    {
        get => Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, value);
    }

    public static async Task<RatingsInstance> StartAsync(
        IDemoRegistry registry, string instanceId, int weight, TimeSpan serviceTime, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = RatingsCluster.ServiceName, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDemoMesh(registry, new()
        {
            ["Mesh:Registration:ServiceName"] = RatingsCluster.ServiceName,
            ["Mesh:Registration:InstanceId"] = instanceId,
            ["Mesh:Registration:Weight"] = weight.ToString(CultureInfo.InvariantCulture),
        }).AddAspNetCore(); // registers the port Kestrel bound on 127.0.0.1:0

        var instance = new RatingsInstance(instanceId, weight, serviceTime, builder.Build());
        instance._app.Run(instance.AnswerAsync);
        await instance._app.StartAsync(cancellationToken);
        return instance;
    }

    /// <summary>
    /// Simulates a crash: stops Kestrel (the instance refuses connections from now on) without stopping the host, so
    /// the instance stays registered, as a crashed process does until its lease expires. Returns at once; the stop runs
    /// in the background and <see cref="DisposeAsync"/> waits for it.
    /// </summary>
    public void StopListening()
    {
        var server = _app.Services.GetRequiredService<IServer>();
        _stopListening ??= Task.Run(() => server.StopAsync(CancellationToken.None), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopListening is { } stopping)
        {
            await stopping;
        }

        // Stopping deregisters the instance from the registry.
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _served);
        var answer = Fault.Answer(_serviceTime);
        await Task.Delay(answer.Delay, TimeProvider.System, context.RequestAborted);
        context.Response.Headers[InstanceHeader] = InstanceId;
        if (!answer.Succeeded)
        {
            context.Response.StatusCode = answer.StatusCode;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"instance":"{{InstanceId}}","stars":4}""", context.RequestAborted);
    }
}
