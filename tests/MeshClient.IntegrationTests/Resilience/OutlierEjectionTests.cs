using System.Net;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>Outlier ejection, retries on another instance and the panic threshold over real loopback instances.</summary>
public sealed class OutlierEjectionTests
{
    private static readonly TimeSpan BaseEjection = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendAsync_OneOfThreeReturns503_EjectedAfterConsecutiveFailuresReadmittedThenEjectedTwiceAsLong()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"),
            ("Mesh:Health:OutlierDetection:Consecutive5xx", "3"),
            ("Mesh:Health:OutlierDetection:MaxEjectionPercent", "50"));
        var bad = service[1];
        bad.Behavior = Behavior.Unavailable;
        using var events = service.Subscribe();
        var client = service.CreateClient();

        await SendOkAsync(client, 30);
        var first = await events.WaitForAsync<InstanceEjectedEvent>(e => e.InstanceId == bad.Id);
        bad.Hits.Should().Be(3);
        first.Duration.Should().Be(BaseEjection);
        first.Reason.Should().Be("consecutive_5xx");

        service.Time.Advance(BaseEjection);
        await events.WaitForAsync<InstanceReadmittedEvent>(e => e.InstanceId == bad.Id);
        await SendOkAsync(client, 30);
        var second = await events.WaitForAsync<InstanceEjectedEvent>(e => e.InstanceId == bad.Id);
        bad.Hits.Should().Be(6);
        second.Duration.Should().Be(BaseEjection * 2);
        second.TimesEjected.Should().Be(2);

        service.Time.Advance(BaseEjection);
        await SendOkAsync(client, 9);
        bad.Hits.Should().Be(6, "the second ejection lasts twice the base time");

        service.Time.Advance(BaseEjection);
        await events.WaitForAsync<InstanceReadmittedEvent>(e => e.InstanceId == bad.Id);
        await SendOkAsync(client, 9);
        bad.Hits.Should().BeGreaterThan(6);
    }

    [Fact]
    public async Task SendAsync_FourOfFiveFail_NeverEjectsMoreThanMaxEjectionPercent()
    {
        await using var service = await FaultyService.StartAsync(
            5,
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxRetries", "4"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"),
            ("Mesh:Health:PanicThresholdPercent", "0"),
            ("Mesh:Health:OutlierDetection:Consecutive5xx", "1"),
            ("Mesh:Health:OutlierDetection:MaxEjectionPercent", "40"));
        for (var i = 1; i < 5; i++)
        {
            service[i].Behavior = Behavior.Unavailable;
        }

        using var events = service.Subscribe();
        var client = service.CreateClient();

        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
        }

        var ejected = events.Reader.ReadAllBuffered().OfType<InstanceEjectedEvent>().ToList();
        ejected.Should().HaveCount(2, "2 of 5 is 40 %; a third ejection would make 60 %");
        ejected.Select(e => e.InstanceId).Should().NotContain(service[0].Id);
    }

    [Fact]
    public async Task SendAsync_HealthyShareBelowPanicThreshold_BalancesAcrossAllUpInstances()
    {
        await using var service = await FaultyService.StartAsync(
            4,
            ("Mesh:Resilience:Retry:MaxRetries", "0"),
            ("Mesh:Health:OutlierDetection:Consecutive5xx", "1"),
            ("Mesh:Health:OutlierDetection:MaxEjectionPercent", "100"));
        for (var i = 1; i < 4; i++)
        {
            service[i].Behavior = Behavior.Unavailable;
        }

        using var events = service.Subscribe();
        var client = service.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
        }

        var panic = await events.WaitForAsync<PanicEnteredEvent>(_ => true);
        panic.Healthy.Should().Be(1);
        panic.Up.Should().Be(4);
        var before = service.Instances.Select(i => i.Hits).ToArray();
        for (var i = 0; i < 8; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/y/{i}"));
        }

        service.Instances.Select((instance, i) => instance.Hits - before[i]).Should().AllSatisfy(h => h.Should().Be(2), "in panic every Up instance takes its turn");
    }

    private static async Task SendOkAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/ratings/{i}"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
