using System.Net;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Resilience;

/// <summary>Hedging over real loopback instances: a hedged attempt goes to another instance, the first answer wins, the loser is cancelled.</summary>
public sealed class HedgingTests
{
    private static readonly TimeSpan HedgingDelay = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task SendAsync_FirstInstanceHangs_HedgeToTheOtherWinsAndTheLoserIsCancelled()
    {
        await using var service = await FaultyService.StartAsync(
            2,
            ("Mesh:Resilience:Hedging:Enabled", "true"),
            ("Mesh:Resilience:Hedging:Delay", "00:00:00.500"),
            ("Mesh:Resilience:Retry:MaxRetries", "0"));
        var slow = service[0];
        var fast = service[1];
        slow.Behavior = Behavior.Hang;
        var client = service.CreateClient();

        // Round robin: within two calls one starts on the hanging instance (the other answers at once, unhedged).
        HttpResponseMessage? hedged = null;
        for (var i = 0; i < 2 && hedged is null; i++)
        {
            var hit = slow.NextHit;
            var send = client.GetAsync(new Uri($"http://{FaultyService.ServiceName}/x/{i}"));
            if (await Task.WhenAny(send, hit).WaitAsync(MeshEventWaits.DefaultTimeout) == send)
            {
                (await send).Dispose();
                continue;
            }

            hedged = await AdvanceUntilAsync(service, send);
        }

        hedged.Should().NotBeNull("one call started on the hanging instance");
        using (hedged)
        {
            hedged!.StatusCode.Should().Be(HttpStatusCode.OK);
            hedged.Headers.GetValues(FaultyInstance.InstanceHeader).Single().Should().Be(fast.Id, "the faster instance wins");
        }

        await slow.Aborted.WaitAsync(MeshEventWaits.DefaultTimeout);
        slow.Hits.Should().Be(1);
    }

    /// <summary>
    /// Advances the clock by the hedging delay until the call completes: the server can see the first attempt before
    /// Polly has armed its hedging-delay timer, and an advance made before that is not seen by the timer.
    /// </summary>
    private static async Task<HttpResponseMessage> AdvanceUntilAsync(FaultyService service, Task<HttpResponseMessage> send)
    {
        for (var step = 0; step < 20 && !send.IsCompleted; step++)
        {
            service.Time.Advance(HedgingDelay);
            await Task.WhenAny(send, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System));
        }

        return await send.WaitAsync(MeshEventWaits.DefaultTimeout);
    }

    [Fact]
    public async Task SendAsync_PostWithoutOptIn_IsNotHedged()
    {
        await using var service = await FaultyService.StartAsync(
            1,
            ("Mesh:Resilience:Hedging:Enabled", "true"),
            ("Mesh:Resilience:Hedging:Delay", "00:00:00.500"),
            ("Mesh:Resilience:AttemptTimeout", "00:00:02"),
            ("Mesh:Resilience:Retry:MaxRetries", "0"));
        var slow = service[0];
        slow.Behavior = Behavior.Hang;
        var client = service.CreateClient();

        var hit = slow.NextHit;
        var send = client.PostAsync(new Uri($"http://{FaultyService.ServiceName}/x"), new StringContent("body"));
        await hit.WaitAsync(MeshEventWaits.DefaultTimeout);
        service.Time.Advance(HedgingDelay);
        service.Time.Advance(TimeSpan.FromSeconds(2));

        await FluentActions.Awaiting(() => send.WaitAsync(MeshEventWaits.DefaultTimeout)).Should().ThrowAsync<Exception>();
        slow.Hits.Should().Be(1, "a POST is sent once: no hedge, no retry");
    }
}
