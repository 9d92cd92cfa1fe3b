using System.Text.Json;
using MeshClient.Anomaly;
using MeshClient.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Inbound;

/// <summary>Served requests through TestServer, AddInboundObservation and AddAnomalyDetection, to an inbound anomaly.</summary>
public sealed class InboundAnomalyEndToEndTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ServedRequests_5xxBurst_RaiseInboundAnomalyForThisProcess(bool inboundFirst)
    {
        var config = new Dictionary<string, string?>
        {
            ["Mesh:Anomaly:BucketInterval"] = "00:00:01",
            ["Mesh:Anomaly:WarmupBuckets"] = "0",
            ["Mesh:Anomaly:Detectors:ErrorRate:Detector"] = "rules",
            ["Mesh:Anomaly:Detectors:ErrorRate:Rules:UpperThreshold"] = "0.5",
            ["Mesh:Anomaly:Detectors:ErrorRate:Rules:Buckets"] = "1",
        };
        await using var app = MeshTestApp.Build(
            config,
            services => services.AddSingleton<TimeProvider>(_time),
            mesh => _ = inboundFirst ? mesh.AddInboundObservation().AddAnomalyDetection() : mesh.AddAnomalyDetection().AddInboundObservation());
        var failing = false;
        app.MapGet("/work", () => failing ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.Ok());
        await app.StartAsync();
        using var events = app.Services.GetRequiredService<IMeshEventStream>().Subscribe();
        using var client = app.GetTestClient();

        await ServeAsync(client, 10);
        failing = true;
        await ServeAsync(client, 10);
        await client.GetAsync(new Uri("/mesh/anomalies", UriKind.Relative));

        var detected = Published(events).Should().ContainSingle().Subject;
        detected.Inbound.Should().BeTrue();
        (detected.ServiceName, detected.InstanceId).Should().Be(("asp-tests", "self"), "unregistered: the application name and the fallback instance");
        detected.Series.Should().Be(AnomalySeriesKind.ErrorRate);
        detected.Value.Should().Be(1);
        using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri("/mesh/anomalies", UriKind.Relative)));
        var active = status.RootElement.GetProperty("active");
        active.GetArrayLength().Should().Be(1);
        active[0].GetProperty("inbound").GetBoolean().Should().BeTrue();
        active[0].GetProperty("serviceName").GetString().Should().Be("asp-tests");
    }

    /// <summary>Serves <paramref name="count"/> requests, then closes one bucket (the fake clock runs the feed's timer inline).</summary>
    private async Task ServeAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.GetAsync(new Uri("/work", UriKind.Relative));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>The anomaly events published so far: the fake clock closed the buckets inline, so they are all there.</summary>
    private static List<AnomalyDetectedEvent> Published(MeshEventSubscription events)
    {
        var detected = new List<AnomalyDetectedEvent>();
        while (events.Reader.TryRead(out var e))
        {
            if (e is AnomalyDetectedEvent d)
            {
                detected.Add(d);
            }
        }

        return detected;
    }
}
