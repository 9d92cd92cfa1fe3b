namespace MeshClient.Testing.Consul;

internal static class ConsulAgentConstants
{
    public const string Passing = "passing";

    public const string Warning = "warning";

    public const string Critical = "critical";

    public const string NodeName = "mesh-test-node";

    public const string NodeId = "3f9b1c7e-52a4-4c3e-9a3d-6b1f0e2d7c11";

    public const string Datacenter = "dc1";

    public const string SerfCheckId = "serfHealth";

    public const string MaintenancePrefix = "_service_maintenance:";

    public const string DefaultMaintenanceReason = "Maintenance mode is enabled for this service, but no reason was provided. This is a default message.";

    /// <summary>The agent's default and largest blocking waits (<c>defaultQueryTime</c>, <c>maxQueryTime</c>).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    /// <summary>How often the agent looks for TTLs that expired.</summary>
    public static readonly TimeSpan TtlSweepInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often critical services are reaped (<c>DeregisterCriticalServiceAfter</c>), and its minimum.</summary>
    public static readonly TimeSpan ReapInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan MinDeregisterAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultCheckTimeout = TimeSpan.FromSeconds(10);
}
