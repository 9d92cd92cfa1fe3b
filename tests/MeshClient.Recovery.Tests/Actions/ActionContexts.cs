namespace MeshClient.Recovery.Tests.Actions;

/// <summary>Builds <see cref="RecoveryActionContext"/>s for tests.</summary>
internal static class ActionContexts
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static RecoveryActionContext Create(IServiceProvider services, RecoveryTarget target, string key = "episode-1:rung-0", int rung = 0)
        => new(target, new TestTriggerEvent(Start, target.ServiceName ?? "ratings", target.InstanceId, 0.97, "ensemble"), "bad-instance", rung, key, services);

    public static RecoveryActionContext Self(IServiceProvider services) => Create(services, RecoveryTarget.Self);

    public static RecoveryActionContext Peer(IServiceProvider services, string service = "ratings", string instance = "ratings-2")
        => Create(services, new RecoveryTarget(RecoveryScope.Peer, service, instance));
}
