using System.Net;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;
using MeshClient.Registration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeshClient.IntegrationTests.Lifecycle;

/// <summary>
/// A Kestrel app on 127.0.0.1 that registers itself, serves the probes, drains on stop and answers <c>/work</c> at once
/// and <c>/slow</c> once released; its readiness follows <see cref="Ready"/> (a <c>ready</c>-tagged check).
/// </summary>
internal sealed class DrainingApp : IAsyncDisposable
{
    public const string Id = "ratings-drain";

    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _ready;
    private HttpClient? _client;

    private DrainingApp(Dictionary<string, string?> configuration, Action<IMeshClientBuilder> provider, bool ready)
    {
        _ready = ready;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ratings", Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configuration["Mesh:Registration:Enabled"] = "true";
        configuration["Mesh:Registration:ServiceName"] = "ratings";
        configuration["Mesh:Registration:InstanceId"] = Id;
        configuration["Mesh:Registration:Host"] = "127.0.0.1";
        configuration["Mesh:Drain:Delay"] = "00:00:00.100";
        configuration["Mesh:Drain:Timeout"] = "00:00:30";
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddHealthChecks()
            .AddCheck("dependency", () => _ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("not ready"), tags: ["ready"]);
        var mesh = builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh")).AddAspNetCore();
        provider(mesh);
        mesh.AddHealthProbes().AddGracefulDrain();
        App = builder.Build();
        App.MapGet("/work", () => Id);
        App.MapGet("/slow", async () =>
        {
            _slowEntered.TrySetResult();
            await _release.Task;
            return Id;
        });
        App.MapMeshHealth();
    }

    public WebApplication App { get; }

    public HttpClient Client => _client ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets or sets whether the <c>dependency</c> check is Healthy.</summary>
    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }

    /// <summary>Builds, starts and waits (bounded) until the registration lifecycle reports Registered.</summary>
    public static async Task<DrainingApp> StartAsync(Dictionary<string, string?> configuration, Action<IMeshClientBuilder> provider, bool ready)
    {
        var app = new DrainingApp(configuration, provider, ready);
        using var events = app.App.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        await app.App.StartAsync();
        await events.WaitForAsync<RegistrationStateChangedEvent>(e => e.State == RegistrationState.Registered, Bound);
        app._client = new HttpClient { BaseAddress = new Uri(app.App.Urls.Single()) };
        return app;
    }

    /// <summary>Sends <c>GET /slow</c> and returns once the server is handling it; it ends at <see cref="ReleaseSlowRequest"/>.</summary>
    public async Task<Task<HttpResponseMessage>> StartSlowRequestAsync()
    {
        var slow = Client.GetAsync(new Uri("/slow", UriKind.Relative));
        await _slowEntered.Task.WaitAsync(Bound);
        return slow;
    }

    public void ReleaseSlowRequest() => _release.TrySetResult();

    /// <summary>Sends <paramref name="count"/> sequential <c>GET /work</c> and counts the answers with this instance's id.</summary>
    public async Task<(int Served, int Failed)> SendAsync(int count)
    {
        int served = 0, failed = 0;
        for (var i = 0; i < count; i++)
        {
            try
            {
                using var response = await Client.GetAsync(new Uri("/work", UriKind.Relative)).WaitAsync(Bound);
                if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == Id)
                {
                    served++;
                }
                else
                {
                    failed++;
                }
            }
            catch (HttpRequestException)
            {
                failed++;
            }
        }

        return (served, failed);
    }

    public async Task<HttpStatusCode> GetReadyAsync()
    {
        using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative)).WaitAsync(Bound);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        _client?.Dispose();
        await App.DisposeAsync();
    }
}
