using MeshClient.AspNetCore.Health;
using MeshClient.AspNetCore.Inbound;
using MeshClient.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.AspNetCore.Tests.Inbound;

/// <summary>The middleware alone: status, duration on a fake clock, exceptions, aborts and excluded paths.</summary>
public sealed class InboundObservationMiddlewareTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingObserver _observer = new();

    [Fact]
    public async Task InvokeAsync_CompletesSynchronously_ReportsStatusAndDuration()
    {
        var middleware = Create(context =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(30));
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });

        await middleware.InvokeAsync(Context("/orders"));

        _observer.Outcomes.Should().Equal(new InboundRequestOutcome(503, TimeSpan.FromMilliseconds(30), Aborted: false));
    }

    [Fact]
    public async Task InvokeAsync_CompletesAsynchronously_ReportsOnceItEnds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var middleware = Create(async context =>
        {
            await gate.Task;
            context.Response.StatusCode = 201;
        });

        var pending = middleware.InvokeAsync(Context("/orders"));
        _observer.Outcomes.Should().BeEmpty();
        _time.Advance(TimeSpan.FromSeconds(2));
        gate.SetResult();
        await pending;

        _observer.Outcomes.Should().Equal(new InboundRequestOutcome(201, TimeSpan.FromSeconds(2), Aborted: false));
    }

    [Fact]
    public async Task InvokeAsync_PipelineThrowsSynchronously_Reports500AndRethrows()
    {
        var thrown = new InvalidOperationException("boom");
        var middleware = Create(_ => throw thrown);

        var act = () => middleware.InvokeAsync(Context("/orders"));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Should().BeSameAs(thrown);
        _observer.Outcomes.Should().ContainSingle().Which.StatusCode.Should().Be(500);
    }

    [Fact]
    public async Task InvokeAsync_PipelineThrowsAfterAwait_Reports500AndRethrows()
    {
        var middleware = Create(async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        });

        var act = () => middleware.InvokeAsync(Context("/orders"));

        await act.Should().ThrowAsync<InvalidOperationException>();
        _observer.Outcomes.Should().ContainSingle().Which.Should().Be(new InboundRequestOutcome(500, TimeSpan.Zero, Aborted: false));
    }

    [Fact]
    public async Task InvokeAsync_ClientAborted_ReportsAborted()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var context = Context("/orders");
        context.RequestAborted = aborted.Token;
        var middleware = Create(_ => throw new OperationCanceledException(aborted.Token));

        await middleware.Invoking(m => m.InvokeAsync(context)).Should().ThrowAsync<OperationCanceledException>();

        _observer.Outcomes.Should().ContainSingle().Which.Aborted.Should().BeTrue();
    }

    [Theory]
    [InlineData("/health/ready", false)]
    [InlineData("/health/live", false)]
    [InlineData("/HEALTH/startup", false)]
    [InlineData("/metrics", false)]
    [InlineData("/mesh/anomalies", false)]
    [InlineData("/meshy", true)]
    [InlineData("/health", true)]
    [InlineData("/orders/1", true)]
    public async Task InvokeAsync_DefaultExclusions_ObservesOnlyServedTraffic(string path, bool observed)
    {
        var middleware = Create(_ => Task.CompletedTask);

        await middleware.InvokeAsync(Context(path));

        _observer.Outcomes.Should().HaveCount(observed ? 1 : 0);
    }

    [Fact]
    public async Task InvokeAsync_ProbePathsConfigured_ExcludedByDefault()
    {
        var middleware = new InboundObservationMiddleware(
            _ => Task.CompletedTask,
            [_observer],
            Options.Create(new MeshInboundOptions()),
            Options.Create(new MeshProbeOptions { LivePath = "/k8s/alive" }),
            _time,
            NullLogger<InboundObservationMiddleware>.Instance);

        await middleware.InvokeAsync(Context("/k8s/alive"));
        await middleware.InvokeAsync(Context("/health/live"));

        _observer.Outcomes.Should().ContainSingle("the default live path is ordinary traffic once the probe moved");
    }

    [Fact]
    public async Task InvokeAsync_ConfiguredPrefixes_ReplaceTheDefaults()
    {
        var middleware = Create(_ => Task.CompletedTask, new MeshInboundOptions { ExcludedPathPrefixes = ["/internal/"] });

        await middleware.InvokeAsync(Context("/internal/cache"));
        await middleware.InvokeAsync(Context("/mesh/services"));

        _observer.Outcomes.Should().ContainSingle("only /mesh is observed once the list is replaced");
    }

    [Fact]
    public async Task InvokeAsync_SynchronousRequest_AllocatesNothing()
    {
        var middleware = Create(static context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        var context = Context("/orders");
        var excluded = Context("/health/ready");
        await middleware.InvokeAsync(context);
        await middleware.InvokeAsync(excluded);
        var observer = new CountingObserver();
        var counted = new InboundObservationMiddleware(
            static _ => Task.CompletedTask,
            [observer],
            Options.Create(new MeshInboundOptions()),
            Options.Create(new MeshProbeOptions()),
            _time,
            NullLogger<InboundObservationMiddleware>.Instance);
        await counted.InvokeAsync(context);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _ = counted.InvokeAsync(context);
            _ = counted.InvokeAsync(excluded);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        observer.Count.Should().Be(10_001);
    }

    [Fact]
    public async Task InvokeAsync_ObserverThrows_RequestAndOtherObserversUnaffected()
    {
        var second = new RecordingObserver();
        var middleware = new InboundObservationMiddleware(
            _ => Task.CompletedTask,
            [new ThrowingObserver(), second],
            Options.Create(new MeshInboundOptions()),
            Options.Create(new MeshProbeOptions()),
            _time,
            NullLogger<InboundObservationMiddleware>.Instance);

        await middleware.InvokeAsync(Context("/orders"));

        second.Outcomes.Should().ContainSingle();
    }

    private static DefaultHttpContext Context(string path) => new() { Request = { Path = path } };

    private InboundObservationMiddleware Create(RequestDelegate next, MeshInboundOptions? options = null) => new(
        next,
        [_observer],
        Options.Create(options ?? new MeshInboundOptions()),
        Options.Create(new MeshProbeOptions()),
        _time,
        NullLogger<InboundObservationMiddleware>.Instance);

    private sealed class CountingObserver : IInboundRequestObserver
    {
        public int Count { get; private set; }

        public void OnInboundRequestCompleted(in InboundRequestOutcome outcome) => Count++;
    }

    private sealed class ThrowingObserver : IInboundRequestObserver
    {
        public void OnInboundRequestCompleted(in InboundRequestOutcome outcome) => throw new InvalidOperationException("observer bug");
    }
}

/// <summary>Records every outcome, thread-safely.</summary>
internal sealed class RecordingObserver : IInboundRequestObserver
{
    private readonly List<InboundRequestOutcome> _outcomes = [];

    public IReadOnlyList<InboundRequestOutcome> Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return [.. _outcomes];
            }
        }
    }

    public void OnInboundRequestCompleted(in InboundRequestOutcome outcome)
    {
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }
    }
}
