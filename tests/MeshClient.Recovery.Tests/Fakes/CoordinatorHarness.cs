using System.Diagnostics.Metrics;
using MeshClient.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Recovery.Tests.Fakes;

/// <summary>The coordinator driven synchronously: a fake clock, a recording executor, a fake environment, real journal and metrics.</summary>
internal sealed class CoordinatorHarness : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public CoordinatorHarness(RecoveryOptions options, params IRecoveryAction[] actions)
    {
        Options = options;
        Journal = new RecoveryJournal(options.JournalCapacity);
        Switches = new RecoverySwitches(options.Enabled, options.DryRun);
        var meterFactory = _meters.GetRequiredService<IMeterFactory>();
        Decisions = new MetricCollector<long>(meterFactory, RecoveryTelemetryConstants.MeterName, RecoveryTelemetryConstants.Decisions);
        Coordinator = new RecoveryCoordinator(
            options, new RecoveryActionCatalog(actions), Executor, Environment, Journal, Switches, new RecoveryMetrics(meterFactory), Time, NullLogger.Instance);
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public RecoveryOptions Options { get; }

    public RecoveryJournal Journal { get; }

    public RecoverySwitches Switches { get; }

    public RecordingExecutor Executor { get; } = new();

    public FakeRecoveryEnvironment Environment { get; } = new();

    public RecoveryCoordinator Coordinator { get; }

    public MetricCollector<long> Decisions { get; }

    /// <summary>Creates options with one policy named <c>p</c>.</summary>
    public static RecoveryOptions WithPolicy(Action<RecoveryPolicyOptions> policy, Action<RecoveryOptions>? global = null)
    {
        var options = new RecoveryOptions();
        var p = new RecoveryPolicyOptions();
        policy(p);
        options.Policies["p"] = p;
        global?.Invoke(options);
        return options;
    }

    public void Publish(string kind, string? service = "ratings", string? instance = "ratings-1", MeshEventSeverity severity = MeshEventSeverity.Warning)
        => Coordinator.OnEvent(new ScriptedEvent(kind, Time.GetUtcNow(), service, instance, severity));

    /// <summary>Moves the clock and ticks once.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Coordinator.OnTick();
    }

    /// <summary>Completes the oldest running action.</summary>
    public RecoveryExecution Complete(bool succeeded = true, string? detail = null)
    {
        var execution = Executor.Running.Values.OrderBy(e => e.Id).First();
        Executor.Running.Remove(execution.Id);
        Coordinator.OnActionCompleted(execution.Id, new RecoveryActionResult(succeeded, detail ?? (succeeded ? null : "boom")));
        return execution;
    }

    /// <summary>Returns the journal's event names, oldest first.</summary>
    public List<string> Events() => [.. Journal.Snapshot().Reverse().Select(e => e.Event)];

    public void Dispose()
    {
        Decisions.Dispose();
        _meters.Dispose();
    }
}
