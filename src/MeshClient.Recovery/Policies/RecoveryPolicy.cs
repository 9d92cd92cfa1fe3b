using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>A validated policy with its actions resolved, as the coordinator uses it.</summary>
internal sealed class RecoveryPolicy
{
    private readonly RecoveryPolicyOptions _options;

    public RecoveryPolicy(string name, RecoveryPolicyOptions options, RecoveryOptions global, RecoveryActionCatalog catalog)
    {
        Name = name;
        _options = options;
        ClearedBy = options.ClearedBy.Count > 0 ? [.. options.ClearedBy] : EventKinds.DefaultClearedBy(options.On);
        Ladder = [.. options.Actions.Select(a => catalog.Find(a) ?? throw new InvalidOperationException($"{RecoveryConstants.SectionName}:Policies:{name}:Actions: '{a}' is not a registered recovery action."))];
        Cooldown = options.Cooldown ?? global.Cooldown;
        VerificationWindow = options.VerificationWindow ?? global.VerificationWindow;
    }

    public string Name { get; }

    public RecoveryScope Scope => _options.Scope;

    public TimeSpan For => _options.For;

    public TimeSpan Cooldown { get; }

    public TimeSpan VerificationWindow { get; }

    public IReadOnlyList<IRecoveryAction> Ladder { get; }

    public IReadOnlyList<string> ClearedBy { get; }

    /// <summary>Tells whether the event starts (or continues) an episode of this policy.</summary>
    public bool IsTrigger(MeshEvent e, string? selfInstance)
        => e.Severity >= _options.MinSeverity && _options.On.Exists(p => EventKinds.Matches(p, e.Kind)) && Concerns(e, selfInstance);

    /// <summary>Tells whether the event ends an episode of this policy.</summary>
    public bool IsClear(MeshEvent e, string? selfInstance)
        => ClearedBy.Any(p => EventKinds.Matches(p, e.Kind)) && Concerns(e, selfInstance);

    private bool Concerns(MeshEvent e, string? selfInstance)
    {
        if (_options.Service is { } service && service != RecoveryConstants.Wildcard
            && !string.Equals(service, e.ServiceName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return _options.Instance switch
        {
            null or RecoveryConstants.Wildcard => true,
            // Self: events about this process's instance, and process-level events that name no service or instance
            // (readiness or liveness before registration, registry reachability).
            RecoveryConstants.SelfInstance => (selfInstance is not null && string.Equals(selfInstance, e.InstanceId, StringComparison.Ordinal))
                || (e.ServiceName is null && e.InstanceId is null),
            var instance => string.Equals(instance, e.InstanceId, StringComparison.Ordinal),
        };
    }
}
