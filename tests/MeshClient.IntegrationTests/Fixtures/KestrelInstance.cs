using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>A minimal Kestrel app on <c>http://127.0.0.1:{ephemeral}</c> that answers every request with its id and counts them.</summary>
internal sealed class KestrelInstance : IAsyncDisposable
{
    /// <summary>The response header that names the instance that answered (the body says it too).</summary>
    public const string InstanceHeader = "X-Instance-Id";

    private readonly WebApplication _app;
    private long _requests;

    private KestrelInstance(string id, WebApplication app)
    {
        Id = id;
        _app = app;
    }

    public string Id { get; }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Gets the requests this instance received, counted on the server.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<KestrelInstance> StartAsync(string id)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = id, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var instance = new KestrelInstance(id, builder.Build());
        instance._app.Run(instance.AnswerAsync);
        await instance._app.StartAsync();
        instance.Port = new Uri(instance._app.Urls.Single()).Port;
        return instance;
    }

    public void ResetCount() => Interlocked.Exchange(ref _requests, 0);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        context.Response.Headers[InstanceHeader] = Id;
        return context.Response.WriteAsync(Id);
    }
}
