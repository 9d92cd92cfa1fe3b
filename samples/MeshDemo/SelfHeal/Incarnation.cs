using System.Globalization;
using MeshDemo.Cluster;
using MeshDemo.Hosting;
using MeshDemo.Registries;
using MeshClient.Recovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.SelfHeal;

/// <summary>
/// One run of the self-healing instance's process: a Kestrel app on 127.0.0.1 that registers itself through
/// <c>AddMeshClient</c>, observes the requests it serves (<c>AddInboundObservation</c>), scores them
/// (<c>AddAnomalyDetection</c>) and heals itself (<c>AddRecovery</c>: <c>drain-self</c>, then the demo's <c>restart</c>).
/// </summary>
internal sealed class Incarnation : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Incarnation(int number, WebApplication app, RestartSignal signal)
    {
        Number = number;
        _app = app;
        Signal = signal;
    }

    /// <summary>Gets which run of the process this is: 1, then 2 after the first restart, ...</summary>
    public int Number { get; }

    public RestartSignal Signal { get; }

    /// <summary>Gets the port Kestrel bound.</summary>
    public int Port => new Uri(_app.Urls.First()).Port;

    /// <summary>Gets this run's recovery journal, newest first.</summary>
    public IReadOnlyList<RecoveryJournalEntry> Journal => _app.Services.GetRequiredService<IRecoveryController>().GetJournal();

    /// <summary>Starts a run of the instance.</summary>
    /// <param name="registry">The registry it joins.</param>
    /// <param name="instanceId">Its instance id, the same in every run.</param>
    /// <param name="number">Which run this is.</param>
    /// <param name="port">The port to listen on; 0 for an ephemeral one (the first run).</param>
    /// <param name="answer">Answers a request (the fault lives outside the process, so that the demo can arm it).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started run.</returns>
    public static async Task<Incarnation> StartAsync(
        IDemoRegistry registry, string instanceId, int number, int port, RequestDelegate answer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = RatingsCluster.ServiceName, Args = [] });
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.AddDemoMesh(registry, new()
        {
            ["Mesh:Registration:ServiceName"] = RatingsCluster.ServiceName,
            ["Mesh:Registration:InstanceId"] = instanceId,
        })
            .AddAspNetCore()
            .AddInboundObservation()
            .AddAnomalyDetection(SelfHealSettings.ConfigureAnomalies)
            .AddRecovery(SelfHealSettings.ConfigureInstanceRecovery)
            .AddRecoveryAction<DemoRestartAction>();
        var signal = new RestartSignal();
        builder.Services.AddSingleton(signal);

        var app = builder.Build();
        app.Run(answer);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new Incarnation(number, app, signal);
    }

    /// <summary>Stops the run: Kestrel stops and the instance deregisters.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
