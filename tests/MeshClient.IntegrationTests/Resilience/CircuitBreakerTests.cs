using System.Net;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>Per-instance Polly circuit breakers over real loopback instances.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task SendAsync_OneInstanceFails_OnlyItsBreakerOpensAndHalfOpenAdmitsOneTrial()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"),
            ("Mesh:Resilience:CircuitBreaker:MinimumThroughput", "2"),
            ("Mesh:Resilience:CircuitBreaker:FailureRatio", "0.5"),
            ("Mesh:Resilience:CircuitBreaker:BreakDuration", "00:00:05"),
            ("Mesh:Health:OutlierDetection:Enabled", "false"));
        var bad = service[2];
        bad.Behavior = Behavior.Unavailable;
        using var events = service.Subscribe();
        var client = service.CreateClient();

        await SendOkAsync(client, 12);
        var opened = await events.WaitForAsync<CircuitOpenedEvent>(e => e.InstanceId == bad.Id);
        opened.BreakDuration.Should().Be(BreakDuration);
        var hits = bad.Hits;
        await SendOkAsync(client, 12);
        bad.Hits.Should().Be(hits, "the balancer skips an instance whose breaker is open");

        service.Time.Advance(BreakDuration);
        await SendOkAsync(client, 12);
        await events.WaitForAsync<CircuitOpenedEvent>(e => e.InstanceId == bad.Id);
        bad.Hits.Should().Be(hits + 1, "half-open admits one trial, which failed and opened the breaker again");

        bad.Behavior = Behavior.Ok;
        service.Time.Advance(BreakDuration);
        await SendOkAsync(client, 12);
        await events.WaitForAsync<CircuitClosedEvent>(e => e.InstanceId == bad.Id);
        bad.Hits.Should().BeGreaterThan(hits + 1);
    }

    private static async Task SendOkAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
