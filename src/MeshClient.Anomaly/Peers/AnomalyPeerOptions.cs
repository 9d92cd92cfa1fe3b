namespace MeshClient.Anomaly;

/// <summary>
/// The peer-relative check of one series kind (<c>Mesh:Anomaly:Detectors:{kind}:Peers</c>): an instance is an outlier in a
/// bucket when its value is at least <see cref="Ratio"/> times and at least <see cref="MinExcess"/> above the median of
/// the other instances of the same service in that bucket; <see cref="Buckets"/> such buckets in a row raise an anomaly.
/// For <see cref="AnomalySeriesKind.LatencyP99"/> the check compares the bucket's median latency (a slow instance is slow
/// on most requests; the p99 of a few dozen requests is one stalled request).
/// A mesh judges an instance against its peers at the same moment, which needs no history and ignores what moves all
/// instances together (load, a slow dependency, a loaded machine).
/// </summary>
public sealed class AnomalyPeerOptions
{
    /// <summary>Gets or sets whether the check runs (<c>...:Peers:Enabled</c>). Off unless the kind's default turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets how many times the peers' median a value must reach (<c>...:Peers:Ratio</c>), at least 1.</summary>
    public double Ratio { get; set; } = PeerConstants.Ratio;

    /// <summary>
    /// Gets or sets how far above the peers' median a value must be, in the kind's unit (<c>...:Peers:MinExcess</c>):
    /// a fraction for the error rate, milliseconds for the latency; it keeps a ratio over a tiny median from alerting.
    /// </summary>
    public double MinExcess { get; set; }

    /// <summary>Gets or sets how many outlier buckets in a row raise an anomaly (<c>...:Peers:Buckets</c>).</summary>
    public int Buckets { get; set; } = PeerConstants.Buckets;

    /// <summary>
    /// Gets or sets the fewest requests a bucket of an instance needs to be judged or to count as a peer
    /// (<c>...:Peers:MinRequests</c>): a p99 or an error rate of two requests is noise.
    /// </summary>
    public int MinRequests { get; set; } = PeerConstants.MinRequests;

    /// <summary>Gets or sets the fewest other instances with enough requests in the bucket for a median (<c>...:Peers:MinPeers</c>).</summary>
    public int MinPeers { get; set; } = PeerConstants.MinPeers;
}
