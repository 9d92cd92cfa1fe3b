namespace MeshClient.Recovery;

/// <summary>
/// The guardrails, checked in order: kill switch, exhausted target, dry run, cooldown (and one episode per target in
/// treatment), global rate limit, max concurrent actions, max share of a service's instances. Not thread-safe: the
/// coordinator owns it.
/// </summary>
internal sealed class RecoveryGuardrails(RecoveryOptions options, RecoverySwitches switches, IRecoveryEnvironment environment)
{
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly Dictionary<string, DateTimeOffset> _lastAction = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exhausted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecoveryEpisode> _treated = new(StringComparer.Ordinal);

    public int Running { get; private set; }

    /// <summary>Returns the guardrail that holds the episode's next action back, or <see langword="null"/> when it may run now.</summary>
    public string? Check(RecoveryEpisode episode, DateTimeOffset now)
    {
        var target = episode.TargetKey;
        if (!switches.Enabled)
        {
            return RecoveryJournalEvents.KillSwitch;
        }

        if (_exhausted.Contains(target))
        {
            return RecoveryJournalEvents.Exhausted;
        }

        if (switches.DryRun)
        {
            return RecoveryJournalEvents.DryRun;
        }

        if (!episode.HasActed)
        {
            if (_treated.ContainsKey(target))
            {
                return RecoveryJournalEvents.Busy;
            }

            if (_lastAction.TryGetValue(target, out var last) && now - last < episode.Policy.Cooldown)
            {
                return RecoveryJournalEvents.Cooldown;
            }
        }

        while (_starts.TryPeek(out var start) && now - start >= options.RateWindow)
        {
            _starts.Dequeue();
        }

        if (_starts.Count >= options.MaxActionsPerWindow)
        {
            return RecoveryJournalEvents.RateLimit;
        }

        if (Running >= options.MaxConcurrentActions)
        {
            return RecoveryJournalEvents.MaxConcurrent;
        }

        return !episode.HasActed && ExceedsShare(episode.Target) ? RecoveryJournalEvents.MaxShare : null;
    }

    /// <summary>Records that the episode's action starts now.</summary>
    public void Started(RecoveryEpisode episode, DateTimeOffset now)
    {
        _starts.Enqueue(now);
        _lastAction[episode.TargetKey] = now;
        _treated[episode.TargetKey] = episode;
        Running++;
    }

    public void Completed() => Running--;

    /// <summary>Records that the episode no longer holds its target in treatment (closed or exhausted).</summary>
    public void Released(RecoveryEpisode episode)
    {
        if (_treated.TryGetValue(episode.TargetKey, out var treated) && treated == episode)
        {
            _treated.Remove(episode.TargetKey);
        }
    }

    public void MarkExhausted(string target) => _exhausted.Add(target);

    public void ClearExhausted(string target) => _exhausted.Remove(target);

    public bool IsTreated(string target) => _treated.ContainsKey(target);

    /// <summary>Forgets the target's exhaustion and cooldown (operator reset).</summary>
    public void Reset(string target)
    {
        _exhausted.Remove(target);
        _lastAction.Remove(target);
    }

    public void ResetAll()
    {
        _exhausted.Clear();
        _lastAction.Clear();
    }

    /// <summary>Counts, per service, the peer instances under treatment.</summary>
    public int TreatedInstances(string service)
        => _treated.Values.Count(e => e.Target.Scope == RecoveryScope.Peer && e.Target.InstanceId is not null
            && string.Equals(e.Target.ServiceName, service, StringComparison.OrdinalIgnoreCase));

    public int AllowedInstances(string service)
        => Math.Max(1, environment.InstanceCount(service) * options.MaxInstanceSharePercent / 100);

    private bool ExceedsShare(RecoveryTarget target)
        => target is { Scope: RecoveryScope.Peer, InstanceId: not null, ServiceName: { } service }
            && TreatedInstances(service) >= AllowedInstances(service);
}
