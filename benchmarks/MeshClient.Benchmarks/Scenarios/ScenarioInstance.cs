using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeshClient.Benchmarks.Scenarios;

/// <summary>How a <see cref="ScenarioInstance"/> answers: normally, with 503, or slowly.</summary>
internal enum ScenarioFault
{
    /// <summary>200 after the service time.</summary>
    None,

    /// <summary>503 after the service time.</summary>
    Failing,

    /// <summary>200 after <see cref="ScenarioInstance.SlowAnswer"/>.</summary>
    Slow,
}

/// <summary>
/// One instance of the fake service (a small copy of <c>samples/MeshDemo/Cluster/RatingsInstance.cs</c>, without
/// registration): Kestrel on <c>http://127.0.0.1:0</c> answering after a fixed 5 ms, counting what it receives.
/// </summary>
internal sealed class ScenarioInstance : IAsyncDisposable
{
    public static readonly TimeSpan ServiceTime = TimeSpan.FromMilliseconds(5);

    public static readonly TimeSpan SlowAnswer = TimeSpan.FromMilliseconds(50);

    private readonly WebApplication _app;
    private Task? _stopListening;
    private long _served;
    private int _fault;

    private ScenarioInstance(WebApplication app) => _app = app;

    /// <summary>Gets the bound address, <c>127.0.0.1:port</c>.</summary>
    public string Authority { get; private set; } = string.Empty;

    /// <summary>Gets how many requests reached the server since the last <see cref="ResetServed"/>.</summary>
    public long Served => Interlocked.Read(ref _served);

    public ScenarioFault Fault
    {
        get => (ScenarioFault)Volatile.Read(ref _fault);
        set => Volatile.Write(ref _fault, (int)value);
    }

    public static async Task<ScenarioInstance> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var instance = new ScenarioInstance(builder.Build());
        instance._app.Run(instance.AnswerAsync);
        await instance._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = instance._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        instance.Authority = new Uri(address).Authority;
        return instance;
    }

    public void ResetServed() => Interlocked.Exchange(ref _served, 0);

    /// <summary>Simulates a crash: stops Kestrel in the background, so that connections are refused from now on.</summary>
    public void StopListening()
    {
        var server = _app.Services.GetRequiredService<IServer>();
        _stopListening ??= Task.Run(() => server.StopAsync(CancellationToken.None), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopListening is { } stopping)
        {
            await stopping.ConfigureAwait(false);
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _served);
        var fault = Fault;
        await Task.Delay(fault == ScenarioFault.Slow ? SlowAnswer : ServiceTime, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        if (fault == ScenarioFault.Failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"stars":4}""", context.RequestAborted).ConfigureAwait(false);
    }
}
