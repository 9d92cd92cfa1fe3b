using System.Net;
using MeshClient.IntegrationTests.Fixtures;
using Polly.Timeout;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>Timeouts, retries on another instance, the retry budget and non-idempotent methods over real loopback instances.</summary>
public sealed class RetryTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SendAsync_OneInstanceHangs_AttemptTimesOutAndTheCallSucceedsElsewhere()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:AttemptTimeout", "00:00:02"),
            ("Mesh:Resilience:TotalTimeout", "00:00:10"),
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"));
        var hanging = service[0];
        hanging.Behavior = Behavior.Hang;
        var client = service.CreateClient();
        var answeredBy = new List<string>();
        var timedOut = 0;

        for (var i = 0; i < 6; i++)
        {
            var hit = hanging.NextHit;
            var send = client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
            if (await Task.WhenAny(send, hit).WaitAsync(MeshEventWaits.DefaultTimeout) != send)
            {
                timedOut++;
                service.Time.Advance(AttemptTimeout);
            }

            using var response = await send.WaitAsync(MeshEventWaits.DefaultTimeout);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            answeredBy.Add(response.Headers.GetValues(FaultyInstance.InstanceHeader).Single());
        }

        timedOut.Should().BePositive();
        hanging.Hits.Should().Be(timedOut, "every call it took timed out there and was retried elsewhere");
        answeredBy.Should().HaveCount(6).And.NotContain(hanging.Id);
    }

    [Fact]
    public async Task SendAsync_AllInstancesHang_FailsAtTheTotalTimeout()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:AttemptTimeout", "00:00:02"),
            ("Mesh:Resilience:TotalTimeout", "00:00:05"),
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"));
        foreach (var instance in service.Instances)
        {
            instance.Behavior = Behavior.Hang;
        }

        var send = service.CreateClient().GetAsync(new Uri($"http://{FaultyService.ServiceName}/x"));
        await WaitForTotalHitsAsync(service, 1);
        service.Time.Advance(AttemptTimeout);
        await WaitForTotalHitsAsync(service, 2);
        service.Time.Advance(AttemptTimeout);
        await WaitForTotalHitsAsync(service, 3);
        service.Time.Advance(TimeSpan.FromSeconds(1));

        await FluentActions.Awaiting(() => send.WaitAsync(MeshEventWaits.DefaultTimeout)).Should().ThrowAsync<TimeoutRejectedException>();
        service.Instances.Should().AllSatisfy(i => i.Hits.Should().Be(1), "each retry went to an instance not tried yet");
    }

    [Fact]
    public async Task SendAsync_AllInstancesReturn503_RetriesBoundedByTheBudget()
    {
        const int Calls = 50;
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"));
        foreach (var instance in service.Instances)
        {
            instance.Behavior = Behavior.Unavailable;
        }

        var client = service.CreateClient();
        for (var i = 0; i < Calls; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }

        // Budget: 20 % of the requests; the per-second floor has not accrued (the clock did not move).
        service.TotalHits.Should().BeInRange(Calls + 1, Calls + (Calls / 5));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_Post_RetriedOnlyWhenOptedIn(bool optIn)
    {
        await using var service = await FaultyService.StartAsync(
            2,
            ("Mesh:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:MaxDelay", "00:00:00"),
            ("Mesh:Resilience:Retry:RetryNonIdempotent", optIn ? "true" : "false"),
            ("Mesh:Resilience:Retry:Budget:RetryRatio", "1"));
        service[0].Behavior = Behavior.Unavailable;
        var client = service.CreateClient();

        var failures = 0;
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.PostAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"), new StringContent("body"));
            failures += response.IsSuccessStatusCode ? 0 : 1;
        }

        service[0].Hits.Should().BePositive();
        if (optIn)
        {
            failures.Should().Be(0);
            service.TotalHits.Should().Be(2 + service[0].Hits, "every failed attempt was retried once, on the other instance");
        }
        else
        {
            failures.Should().Be((int)service[0].Hits, "a POST that got a 503 is returned as is");
            service.TotalHits.Should().Be(2);
        }
    }

    private static async Task WaitForTotalHitsAsync(FaultyService service, long count)
    {
        while (true)
        {
            // Take the signals before reading the count: a hit that lands in between then completes one of them.
            var next = service.Instances.Select(i => i.NextHit).ToArray();
            if (service.TotalHits >= count)
            {
                return;
            }

            await Task.WhenAny(next).WaitAsync(MeshEventWaits.DefaultTimeout);
        }
    }
}
