using System.Globalization;
using MeshClient.Registration;
using MeshDemo.Hosting;
using MeshDemo.Registries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeshDemo.Cluster;

/// <summary>
/// One instance of the fake <c>ratings</c> service: a Kestrel app on <c>http://127.0.0.1:0</c> that registers itself
/// (service name, instance id, weight, bound port) through AddMeshClient's lifecycle and answers after a fixed service time.
/// </summary>
internal sealed class RatingsInstance : IAsyncDisposable
{
    /// <summary>The response header that names the instance that answered.</summary>
    public const string InstanceHeader = "X-Instance-Id";

    private readonly WebApplication _app;
    private readonly TimeSpan _serviceTime;
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

    public static async Task<RatingsInstance> StartAsync(
        IDemoRegistry registry, string instanceId, int weight, TimeSpan serviceTime, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = RatingsCluster.ServiceName, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRegistrationAddressResolver, ServerAddressResolver>());
        builder.AddDemoMesh(registry, new()
        {
            ["Mesh:Registration:ServiceName"] = RatingsCluster.ServiceName,
            ["Mesh:Registration:InstanceId"] = instanceId,
            ["Mesh:Registration:Weight"] = weight.ToString(CultureInfo.InvariantCulture),
        });

        var instance = new RatingsInstance(instanceId, weight, serviceTime, builder.Build());
        instance._app.Run(instance.AnswerAsync);
        await instance._app.StartAsync(cancellationToken);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping deregisters the instance from the registry.
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _served);
        await Task.Delay(_serviceTime, TimeProvider.System, context.RequestAborted);
        context.Response.Headers[InstanceHeader] = InstanceId;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"instance":"{{InstanceId}}","stars":4}""", context.RequestAborted);
    }
}
