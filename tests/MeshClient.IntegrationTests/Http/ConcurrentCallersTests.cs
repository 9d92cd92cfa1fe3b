using MeshClient.Discovery.InMemory;
using MeshClient.IntegrationTests.Fixtures;

namespace MeshClient.IntegrationTests.Http;

public sealed class ConcurrentCallersTests
{
    private const int Callers = 64;
    private const int RequestsPerCaller = 500;
    private const int Total = Callers * RequestsPerCaller;

    [Fact]
    public async Task SendAsync_64CallersTimes500RequestsThroughOneClient_CountersExact()
    {
        using var registry = new InMemoryServiceRegistry();
        await using var servers = await KestrelInstances.StartAsync(3);
        servers.RegisterAll(registry);
        await using var caller = await MeshCaller.StartAsync(new Dictionary<string, string?>(), registry);
        var client = caller.CreateClient();
        var successes = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tasks = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < RequestsPerCaller; i++)
            {
                using var response = await client.GetAsync(new Uri($"http://{KestrelInstances.ServiceName}/ratings/{c}-{i}"));
                if (response.IsSuccessStatusCode && response.Headers.Contains(KestrelInstance.InstanceHeader))
                {
                    Interlocked.Increment(ref successes);
                }
            }
        })).ToArray();
        start.SetResult();
        var run = () => Task.WhenAll(tasks);

        await run.Should().NotThrowAsync();
        successes.Should().Be(Total);
        servers.TotalRequests.Should().Be(Total);
        var states = caller.Cache.GetInstanceStates(KestrelInstances.ServiceName);
        states.Sum(s => s.Requests).Should().Be(Total);
        states.ToDictionary(s => s.Instance.InstanceId, s => s.Requests).Should().BeEquivalentTo(servers.Counts());
        states.Should().AllSatisfy(s =>
        {
            s.InFlight.Should().Be(0);
            s.Failures.Should().Be(0);
            s.Requests.Should().BePositive();
        });
    }
}
