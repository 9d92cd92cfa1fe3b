using System.Net;
using MeshClient.Events;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>A 429 with <c>Retry-After</c> penalises the instance in the balancer for that long, without ejecting it.</summary>
public sealed class RateLimitPenaltyTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendAsync_InstanceAnswers429WithRetryAfter_SkippedUntilThenPickedAgain()
    {
        await using var service = await FaultyService.StartAsync(
            3,
            ("Mesh:Resilience:Retry:MaxRetries", "0"),
            ("Mesh:Health:PanicThresholdPercent", "0"));
        var limited = service[0];
        limited.Behavior = Behavior.RateLimited;
        using var events = service.Subscribe();
        var client = service.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
            statuses.Add(response.StatusCode);
        }

        var penalty = await events.WaitForAsync<InstancePenalizedEvent>(e => e.InstanceId == limited.Id);
        penalty.Duration.Should().Be(RetryAfter);
        statuses.Should().ContainSingle(s => s == HttpStatusCode.TooManyRequests);
        limited.Behavior = Behavior.Ok;

        await SendOkAsync(client, 9);
        limited.Hits.Should().Be(1, "a penalised instance takes no traffic until its Retry-After is over");
        events.Reader.ReadAllBuffered().OfType<InstanceEjectedEvent>().Should().BeEmpty("a penalty is not an ejection");

        service.Time.Advance(RetryAfter);
        await SendOkAsync(client, 9);
        limited.Hits.Should().BeGreaterThan(1, "the timer rebuilt the picker when the penalty ended");
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
