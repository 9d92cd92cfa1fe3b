using MeshClient.Events;
using Microsoft.Extensions.Logging;

namespace MeshClient.Recovery;

/// <summary>
/// The synchronous decision core: events open and clear episodes, ticks advance <c>For</c>, verification deadlines and
/// suppressed decisions, completions move the ladder. Time comes from <see cref="TimeProvider"/>; actions start through
/// the executor. Not thread-safe by design: the engine serialises every call through one channel.
/// </summary>
internal sealed partial class RecoveryCoordinator
{
    private readonly IReadOnlyList<RecoveryPolicy> _policies;
    private readonly IRecoveryActionExecutor _executor;
    private readonly IRecoveryEnvironment _environment;
    private readonly RecoveryJournal _journal;
    private readonly RecoveryMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RecoveryGuardrails _guardrails;
    private readonly Dictionary<(string Policy, string Target), RecoveryEpisode> _episodes = [];
    private readonly Dictionary<long, (RecoveryEpisode Episode, long StartedAt)> _running = [];
    private volatile RecoveryEpisodeInfo[] _active = [];
    private long _nextEpisodeId;
    private long _nextExecutionId;

    public RecoveryCoordinator(
        RecoveryOptions options,
        RecoveryActionCatalog catalog,
        IRecoveryActionExecutor executor,
        IRecoveryEnvironment environment,
        RecoveryJournal journal,
        RecoverySwitches switches,
        RecoveryMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _policies = [.. options.Policies.Select(p => new RecoveryPolicy(p.Key, p.Value, options, catalog))];
        _executor = executor;
        _environment = environment;
        _journal = journal;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _guardrails = new RecoveryGuardrails(options, switches, environment);
    }

    /// <summary>Gets the open episodes (a snapshot, safe to read from any thread).</summary>
    public IReadOnlyList<RecoveryEpisodeInfo> Active => _active;

    /// <summary>Gets how many actions are running.</summary>
    public int RunningActions => _guardrails.Running;

    internal RecoveryGuardrails Guardrails => _guardrails;

    /// <summary>Opens or clears the episodes the event concerns.</summary>
    public void OnEvent(MeshEvent meshEvent)
    {
        ArgumentNullException.ThrowIfNull(meshEvent);
        var now = _time.GetUtcNow();
        var selfInstance = _environment.SelfInstance;
        foreach (var policy in _policies)
        {
            var clears = policy.IsClear(meshEvent, selfInstance);
            if ((!clears && !policy.IsTrigger(meshEvent, selfInstance)) || !TryGetTarget(policy, meshEvent, out var target, out var key))
            {
                continue;
            }

            var exists = _episodes.TryGetValue((policy.Name, key), out var episode);
            if (clears)
            {
                if (exists)
                {
                    Clear(episode!, now);
                }
            }
            else if (!exists)
            {
                episode = new RecoveryEpisode(++_nextEpisodeId, policy, target, key, meshEvent, now);
                _episodes.Add((policy.Name, key), episode);
                Record(RecoveryJournalEvents.Detected, episode, null, now);
                Evaluate(episode, now);
            }
        }

        Publish();
    }

    /// <summary>Re-evaluates every open episode: <c>For</c>, verification deadlines, suppressed decisions.</summary>
    public void OnTick()
    {
        var now = _time.GetUtcNow();
        foreach (var episode in _episodes.Values.ToArray())
        {
            Evaluate(episode, now);
        }

        Publish();
    }

    /// <summary>Takes an action's outcome: a success verifies, a failure (or timeout) escalates at once.</summary>
    public void OnActionCompleted(long executionId, RecoveryActionResult result)
    {
        if (!_running.Remove(executionId, out var run))
        {
            return;
        }

        var (episode, startedAt) = run;
        var now = _time.GetUtcNow();
        var action = episode.Action;
        _guardrails.Completed();
        _metrics.ActionEnded(action.Name, result.Succeeded, _time.GetElapsedTime(startedAt));
        if (result.Succeeded)
        {
            Record(action.JournalVerb, episode, result.Detail, now);
        }

        _environment.Publish(new RecoveryActionExecutedEvent(now, episode.Target, episode.Policy.Name, action.Name, episode.Rung, result.Succeeded, result.Detail));
        if (result.Succeeded)
        {
            if (episode.ConditionActive)
            {
                episode.State = RecoveryEpisodeState.Verifying;
                episode.Deadline = now + episode.Policy.VerificationWindow;
            }
            else
            {
                Record(RecoveryJournalEvents.Verified, episode, "cleared while the action ran", now);
                Close(episode, "cleared while the action ran", now);
            }
        }
        else if (episode.ConditionActive)
        {
            Escalate(episode, $"{action.Name} failed: {result.Detail}", now);
        }
        else
        {
            Close(episode, $"cleared while the action ran ({action.Name} failed: {result.Detail})", now);
        }

        Publish();
    }

    /// <summary>Operator reset of one target (as journaled, for example <c>ratings/ratings-2</c> or <c>self</c>): forgets its cooldown and exhaustion.</summary>
    public bool Reset(string target)
    {
        var now = _time.GetUtcNow();
        _guardrails.Reset(target);
        var found = false;
        foreach (var episode in _episodes.Values.Where(e => string.Equals(e.TargetKey, target, StringComparison.Ordinal)).ToArray())
        {
            found |= Restart(episode, now);
        }

        Publish();
        return found;
    }

    /// <summary>Operator reset of every target.</summary>
    public void ResetAll()
    {
        var now = _time.GetUtcNow();
        _guardrails.ResetAll();
        foreach (var episode in _episodes.Values.ToArray())
        {
            Restart(episode, now);
        }

        Publish();
    }

    private bool TryGetTarget(RecoveryPolicy policy, MeshEvent meshEvent, out RecoveryTarget target, out string key)
    {
        if (policy.Scope == RecoveryScope.Self)
        {
            target = RecoveryTarget.Self with { ServiceName = _environment.SelfService ?? meshEvent.ServiceName };
            key = RecoveryConstants.SelfInstance;
            return true;
        }

        target = new RecoveryTarget(RecoveryScope.Peer, meshEvent.ServiceName, meshEvent.InstanceId);
        key = target.ToString();
        return meshEvent.ServiceName is not null;
    }

    private void Publish() => _active = [.. _episodes.Values.Select(static e => e.ToInfo())];
}
