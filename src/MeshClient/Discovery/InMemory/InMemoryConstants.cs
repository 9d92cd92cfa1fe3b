namespace MeshClient.Discovery.InMemory;

internal static class InMemoryConstants
{
    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(90);

    public static readonly TimeSpan EvictionInterval = TimeSpan.FromSeconds(1);
}
