namespace MeshClient.Recovery;

/// <summary>What a recovery decision is about: a peer instance, a whole peer service, or this process.</summary>
/// <param name="Scope">Peer or self.</param>
/// <param name="ServiceName">The service (for self, this process's service name if known).</param>
/// <param name="InstanceId">The instance, or <see langword="null"/> for a service-wide target.</param>
public readonly record struct RecoveryTarget(RecoveryScope Scope, string? ServiceName, string? InstanceId)
{
    /// <summary>Gets this process as a target.</summary>
    public static RecoveryTarget Self => new(RecoveryScope.Self, null, null);

    /// <inheritdoc />
    public override string ToString()
        => Scope == RecoveryScope.Self ? "self" : InstanceId is null ? ServiceName ?? "-" : $"{ServiceName}/{InstanceId}";
}
