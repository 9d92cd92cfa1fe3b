namespace MeshClient.Discovery;

internal static class DiscoveryConstants
{
    public const string StaticProvider = "Static";

    public const string InMemoryProvider = "InMemory";

    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);
}
