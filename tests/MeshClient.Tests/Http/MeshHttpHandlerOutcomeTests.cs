using System.Diagnostics.Metrics;
using System.Net;
using MeshClient.Discovery;
using MeshClient.Http;
using MeshClient.LoadBalancing;
using MeshClient.Telemetry;
using MeshClient.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MeshClient.Tests.Http;

/// <summary>What the handler records per request: the outcome kind, in-flight counts, failures and metrics.</summary>
public sealed class MeshHttpHandlerOutcomeTests
{
    private const string InstanceId = "127.0.0.1:5001";
    private readonly TestTimeProvider _time = new();
    private readonly StubHttpHandler _stub = new();
    private readonly RecordingOutcomeObserver _observer = new();

    [Theory]
    [InlineData(HttpStatusCode.OK, RequestOutcomeKind.Success, 0)]
    [InlineData(HttpStatusCode.NotFound, RequestOutcomeKind.Success, 0)]
    [InlineData(HttpStatusCode.ServiceUnavailable, RequestOutcomeKind.HttpError, 1)]
    [InlineData(HttpStatusCode.InternalServerError, RequestOutcomeKind.HttpError, 1)]
    [InlineData(HttpStatusCode.TooManyRequests, RequestOutcomeKind.HttpError, 1)]
    public async Task SendAsync_Response_ReportsOneOutcomeOfItsKind(HttpStatusCode status, RequestOutcomeKind kind, int failures)
    {
        await using var services = Build();
        _stub.Respond(status);

        using var response = await services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x"));

        response.StatusCode.Should().Be(status);
        var outcome = _observer.Outcomes.Should().ContainSingle().Subject;
        outcome.Kind.Should().Be(kind);
        outcome.StatusCode.Should().Be((int)status);
        outcome.ServiceName.Should().Be("ratings");
        outcome.InstanceId.Should().Be(InstanceId);
        var state = State(services);
        state.Requests.Should().Be(1);
        state.Failures.Should().Be(failures);
        state.InFlight.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_ReportsConnectionFailure()
    {
        await using var services = Build();
        _stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));

        await FluentActions.Awaiting(() => services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x")))
            .Should().ThrowAsync<HttpRequestException>();

        var outcome = _observer.Outcomes.Should().ContainSingle().Subject;
        outcome.Kind.Should().Be(RequestOutcomeKind.ConnectionFailure);
        outcome.StatusCode.Should().Be(0);
        outcome.Exception.Should().BeOfType<HttpRequestException>();
        State(services).Failures.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_CanceledNotByTheCaller_ReportsTimeout()
    {
        await using var services = Build();
        _stub.Throw(new TaskCanceledException("A timeout below the mesh handler fired."));

        await FluentActions.Awaiting(() => services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x")))
            .Should().ThrowAsync<TaskCanceledException>();

        _observer.Outcomes.Should().ContainSingle().Which.Kind.Should().Be(RequestOutcomeKind.Timeout);
        State(services).Failures.Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ReportsCanceledWithoutCountingAFailure()
    {
        await using var services = Build();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stub.Respond(async (_, ct) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var caller = new CancellationTokenSource();

        var send = services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x"), caller.Token);
        await arrived.Task.Bounded();
        await caller.CancelAsync();

        await FluentActions.Awaiting(() => send).Should().ThrowAsync<OperationCanceledException>();
        _observer.Outcomes.Should().ContainSingle().Which.Kind.Should().Be(RequestOutcomeKind.Canceled);
        var state = State(services);
        state.Requests.Should().Be(1);
        state.Failures.Should().Be(0);
        state.InFlight.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_WhileTheInstanceResponds_CountsTheRequestInFlight()
    {
        await using var services = Build();
        using var inFlightMetric = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), MeshTelemetryConstants.MeterName, MeshTelemetryConstants.RequestsInFlight);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _stub.Respond((_, _) =>
        {
            arrived.TrySetResult();
            return release.Task;
        });

        var send = services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x"));
        await arrived.Task.Bounded();
        var state = State(services);
        state.InFlight.Should().Be(1);
        inFlightMetric.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(1);
        release.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        using var response = await send.Bounded();

        state.InFlight.Should().Be(0);
        inFlightMetric.GetMeasurementSnapshot().Sum(m => m.Value).Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_EachRequest_CountsOneMeasurementTaggedWithServiceInstanceAndOutcome()
    {
        await using var services = Build();
        using var requests = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), MeshTelemetryConstants.MeterName, "mesh.client.requests");
        var client = services.CreateMeshTestClient();

        _stub.Respond(HttpStatusCode.OK);
        using (await client.GetAsync(new Uri("http://ratings/x")))
        {
        }

        _stub.Respond(HttpStatusCode.ServiceUnavailable);
        using (await client.GetAsync(new Uri("http://ratings/x")))
        {
        }

        _stub.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        await FluentActions.Awaiting(() => client.GetAsync(new Uri("http://ratings/x"))).Should().ThrowAsync<HttpRequestException>();

        var measurements = requests.GetMeasurementSnapshot();
        measurements.Should().HaveCount(3).And.OnlyContain(m => m.Value == 1
            && Equals(m.Tags["mesh.service"], "ratings") && Equals(m.Tags["mesh.instance"], InstanceId));
        measurements.Select(m => m.Tags["mesh.outcome"]).Should().Equal("success", "http_error", "connection_error");
        _observer.Outcomes.Should().HaveCount(3);
    }

    [Fact]
    public async Task SendAsync_NoInstance_CountsANoInstanceRequestWithoutObserverCall()
    {
        await using var services = Build(("Mesh:Services:ratings:Instances:0:Status", "Down"));
        using var requests = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), MeshTelemetryConstants.MeterName, "mesh.client.requests");

        await FluentActions.Awaiting(() => services.CreateMeshTestClient().GetAsync(new Uri("http://ratings/x")))
            .Should().ThrowAsync<NoInstanceAvailableException>();

        var measurement = requests.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Tags["mesh.service"].Should().Be("ratings");
        measurement.Tags["mesh.outcome"].Should().Be("no_instance");
        _observer.Outcomes.Should().BeEmpty();
    }

    private static InstanceState State(ServiceProvider services)
        => services.GetRequiredService<IServiceInstanceCache>().GetInstanceStates("ratings").Single();

    private ServiceProvider Build(params (string Key, string? Value)[] settings)
        => MeshServices.Create(_time, null, [("Mesh:Services:ratings:Instances:0:Url", "http://127.0.0.1:5001"), .. settings])
            .AddSingleton<IRequestOutcomeObserver>(_observer)
            .AddMeshTestClient(_stub)
            .BuildServiceProvider();
}
