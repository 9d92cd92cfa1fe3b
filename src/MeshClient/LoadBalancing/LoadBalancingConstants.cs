namespace MeshClient.LoadBalancing;

internal static class LoadBalancingConstants
{
    public static readonly TimeSpan DefaultEwmaDecay = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultRtt = TimeSpan.FromMilliseconds(30);

    public const int DefaultVirtualNodes = 160;

    /// <summary>A PeakEwma candidate this many times slower than the other loses whatever the loads (except on a probe).</summary>
    public const double PeakEwmaOutlierRatio = 2.0;

    /// <summary>One comparison with a latency outlier in this many picks the outlier, to keep measuring it (≤ 0.4 % of picks).</summary>
    public const int PeakEwmaProbeOneIn = 256;
}
