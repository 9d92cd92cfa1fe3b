using System.Net;
using MeshClient.Http;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MeshClient.Tests.Http;

/// <summary>An outcome observer that throws neither fails the request nor silences the observers after it.</summary>
public sealed class MeshHttpHandlerObserverTests
{
    private readonly TestTimeProvider _time = new();
    private readonly StubHttpHandler _stub = new();
    private readonly RecordingOutcomeObserver _after = new();

    [Theory]
    [InlineData(null)]
    [InlineData("Mesh:Resilience:Enabled")]
    public async Task SendAsync_ObserverThrows_ReturnsTheResponseAndNotifiesTheObserversAfterIt(string? resilienceOffKey)
    {
        await using var services = Build(resilienceOffKey is null ? [] : [(resilienceOffKey, "false")]);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _after.Outcomes.Should().ContainSingle().Which.Kind.Should().Be(RequestOutcomeKind.Success);
    }

    [Fact]
    public async Task SendAsync_ObserverThrowsOnEveryRequest_LogsOncePerObserverType()
    {
        await using var services = Build([]);
        var client = services.CreateMeshTestClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri("http://ratings/x"));
        }

        _after.Outcomes.Should().HaveCount(5);
        var failures = services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Where(r => r.Level == LogLevel.Warning && r.Message.Contains(nameof(ThrowingObserver), StringComparison.Ordinal))
            .ToList();
        failures.Should().ContainSingle().Which.Exception.Should().BeOfType<InvalidOperationException>();
    }

    private ServiceProvider Build((string Key, string? Value)[] settings)
        => MeshServices.Create(_time, null, [("Mesh:Services:ratings:Instances:0:Url", "http://127.0.0.1:5001"), .. settings])
            .AddSingleton<IRequestOutcomeObserver, ThrowingObserver>()
            .AddSingleton<IRequestOutcomeObserver>(new ThrowingObserver())
            .AddSingleton<IRequestOutcomeObserver>(_after)
            .AddMeshTestClient(_stub)
            .BuildServiceProvider();

    private sealed class ThrowingObserver : IRequestOutcomeObserver
    {
        public void OnRequestCompleted(in RequestOutcome outcome) => throw new InvalidOperationException("observer bug");
    }
}
