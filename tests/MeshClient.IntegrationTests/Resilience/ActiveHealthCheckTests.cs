using System.Net;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>Active health checks over real loopback instances whose <c>/health</c> flips.</summary>
public sealed class ActiveHealthCheckTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task CheckRound_HealthEndpointFlips_InstanceLeavesThePickerAndComesBack()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Health:ActiveChecks:Enabled", "true"),
            ("Mesh:Health:ActiveChecks:Interval", "00:00:05"),
            ("Mesh:Health:ActiveChecks:Jitter", "00:00:00"),
            ("Mesh:Health:ActiveChecks:UnhealthyThreshold", "1"),
            ("Mesh:Health:ActiveChecks:HealthyThreshold", "1"));
        var flipping = service[2];
        using var events = service.Subscribe();
        var client = service.CreateClient();
        await SendOkAsync(client, 3);
        flipping.Hits.Should().Be(1);

        flipping.Healthy = false;
        service.Time.Advance(Interval);
        var down = await events.WaitForAsync<InstanceHealthCheckChangedEvent>(e => e.InstanceId == flipping.Id);
        down.Healthy.Should().BeFalse();
        down.Reason.Should().Be("status 503");
        await SendOkAsync(client, 6);
        flipping.Hits.Should().Be(1, "an instance failing its checks takes no traffic");
        service[0].HealthChecks.Should().BePositive();

        flipping.Healthy = true;
        service.Time.Advance(Interval);
        var up = await events.WaitForAsync<InstanceHealthCheckChangedEvent>(e => e.InstanceId == flipping.Id && e.Healthy);
        up.Reason.Should().Be("passed");
        await SendOkAsync(client, 6);
        flipping.Hits.Should().BeGreaterThan(1);
    }

    private static async Task SendOkAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/ok/{i}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
