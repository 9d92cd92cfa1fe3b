using MeshClient.LoadBalancing;

namespace MeshClient.Anomaly;

/// <summary>
/// The request-path side of one series: cumulative counters and a latency histogram updated with <see cref="Interlocked"/>
/// only. A bucket is the difference between two reads by the (single) closing thread, so no outcome is lost or counted twice
/// however writers and the close interleave: each lands in the first bucket whose close sees it.
/// </summary>
internal sealed class SeriesAggregator(SeriesKey key, InstanceState? instance)
{
    private readonly long[] _latency = new long[AnomalyConstants.HistogramBuckets];
    private long _requests;
    private long _errors;

    // Read and written by the closing thread only.
    private readonly long[] _lastLatency = new long[AnomalyConstants.HistogramBuckets];
    private long _lastRequests;
    private long _lastErrors;

    public SeriesKey Key { get; } = key;

    public InstanceState? Instance { get; } = instance;

    /// <summary>Gets the evaluators of the four kinds, created by the closing thread on the first value (never on the request path).</summary>
    public SeriesEvaluator?[] Evaluators { get; } = new SeriesEvaluator?[4];

    /// <summary>Gets the values of the bucket being closed, by <see cref="AnomalySeriesKind"/> (closing thread only).</summary>
    public double[] BucketValues { get; } = new double[4];

    /// <summary>Gets the values peers compare in the bucket being closed: <see cref="BucketValues"/>, with the median latency for the latency kind (closing thread only).</summary>
    public double[] PeerValues { get; } = new double[4];

    /// <summary>Gets or sets the requests of the bucket being closed (closing thread only).</summary>
    public long BucketRequests { get; set; }

    /// <summary>Gets or sets how many buckets in a row closed without a request (closing thread only).</summary>
    public int IdleBuckets { get; set; }

    public void Record(bool failed, TimeSpan duration)
    {
        Interlocked.Increment(ref _latency[LatencyHistogram.IndexOf(duration)]);

        // Errors after requests and read before them by the close, so that a bucket never sees an error without its request.
        Interlocked.Increment(ref _requests);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    /// <summary>Takes the counts since the previous call (closing thread only).</summary>
    /// <param name="latency">Receives the latency histogram of the bucket.</param>
    public BucketCounts TakeBucket(Span<long> latency)
    {
        var errors = Interlocked.Read(ref _errors);
        var requests = Interlocked.Read(ref _requests);
        long latencyTotal = 0;
        for (var i = 0; i < _latency.Length; i++)
        {
            var now = Interlocked.Read(ref _latency[i]);
            latency[i] = now - _lastLatency[i];
            latencyTotal += latency[i];
            _lastLatency[i] = now;
        }

        var bucket = new BucketCounts(requests - _lastRequests, errors - _lastErrors, latencyTotal);
        _lastRequests = requests;
        _lastErrors = errors;
        return bucket;
    }
}

/// <summary>The counts of one closed bucket of one series.</summary>
internal readonly record struct BucketCounts(long Requests, long Errors, long LatencyCount);
