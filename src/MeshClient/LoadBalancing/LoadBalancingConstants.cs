namespace MeshClient.LoadBalancing;

internal static class LoadBalancingConstants
{
    public static readonly TimeSpan DefaultEwmaDecay = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultRtt = TimeSpan.FromMilliseconds(30);

    public const int DefaultVirtualNodes = 160;
}
