using System.Collections.Concurrent;
using MeshClient.Events;
using MeshClient.Http;
using MeshClient.LoadBalancing;
using MeshClient.Registration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Anomaly;

/// <summary>
/// The live metric feed: records every request outcome into its service's and instance's series on the request path
/// (a dictionary read and a few <see cref="Interlocked"/> increments, no lock, no allocation once the series exists) and
/// closes a bucket every <see cref="AnomalyOptions.BucketInterval"/> on a <see cref="TimeProvider"/> timer (see
/// <c>AnomalyFeed.Close.cs</c>).
/// </summary>
internal sealed partial class AnomalyFeed : IRequestOutcomeObserver, IInboundRequestObserver, IDisposable
{
    private readonly ConcurrentDictionary<SeriesKey, SeriesAggregator> _series = new();
    private readonly AnomalyOptions _options;
    private readonly IMeshEventStream _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly IMeshRegistration? _registration;
    private readonly string _selfService;
    private readonly string _selfInstance;
    private int _seriesCount;
    private long _droppedOutcomes;
    private long _droppedSeries;

    public AnomalyFeed(
        IOptions<AnomalyOptions> options,
        IMeshEventStream events,
        TimeProvider time,
        ILogger<AnomalyFeed> logger,
        IMeshRegistration? registration = null,
        IHostEnvironment? environment = null)
    {
        _options = options.Value;
        _registration = registration;
        _selfService = _options.Inbound.ServiceName ?? (string.IsNullOrEmpty(environment?.ApplicationName) ? AnomalyConstants.SelfIdentity : environment.ApplicationName);
        _selfInstance = _options.Inbound.InstanceId;
        _events = events;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static state => ((AnomalyFeed)state!).OnTimer(), this, _options.BucketInterval, _options.BucketInterval);
    }

    /// <summary>Gets how many series exist now.</summary>
    public int SeriesCount => Volatile.Read(ref _seriesCount);

    /// <summary>Gets how many outcomes a series did not record: its creation was refused by the cap, or it arrived after the series expired.</summary>
    public long DroppedOutcomes => Interlocked.Read(ref _droppedOutcomes);

    /// <summary>Gets how many series creations the <see cref="AnomalyOptions.MaxSeries"/> cap refused.</summary>
    public long DroppedSeries => Interlocked.Read(ref _droppedSeries);

    public TimeSpan BucketInterval => _options.BucketInterval;

    public void OnRequestCompleted(in RequestOutcome outcome)
    {
        // A cancelled request says nothing about the instance (as in outlier detection), so it is left out.
        if (outcome.Kind == RequestOutcomeKind.Canceled)
        {
            return;
        }

        Record(outcome.ServiceName, outcome.Instance.Instance.InstanceId, outcome.Instance, outcome.Kind != RequestOutcomeKind.Success, outcome.Duration);
    }

    public void OnInboundRequestCompleted(in InboundRequestOutcome outcome)
    {
        // A client that went away says nothing about this process, as a cancelled outbound call says nothing about a peer.
        if (outcome.Aborted || !_options.Inbound.Enabled)
        {
            return;
        }

        var self = _registration?.Current?.Instance;
        RecordInto(new SeriesKey(self?.ServiceName ?? _selfService, self?.InstanceId ?? _selfInstance, Inbound: true), null, outcome.Failed, outcome.Duration);
    }

    /// <summary>Records one outcome into the service-wide and the instance series.</summary>
    internal void Record(string serviceName, string instanceId, InstanceState? instance, bool failed, TimeSpan duration)
    {
        RecordInto(new SeriesKey(serviceName, null), null, failed, duration);
        RecordInto(new SeriesKey(serviceName, instanceId), instance, failed, duration);
    }

    public void Dispose() => _timer.Dispose();

    private void RecordInto(SeriesKey key, InstanceState? instance, bool failed, TimeSpan duration)
    {
        if (!_series.TryGetValue(key, out var series) && (series = AddSeries(key, instance)) is null)
        {
            Interlocked.Increment(ref _droppedOutcomes);
            return;
        }

        series.Record(failed, duration);
    }

    /// <summary>Creates a series once (the only step that allocates); refused past the cap.</summary>
    private SeriesAggregator? AddSeries(SeriesKey key, InstanceState? instance)
    {
        if (Interlocked.Increment(ref _seriesCount) > _options.MaxSeries)
        {
            Interlocked.Decrement(ref _seriesCount);
            if (Interlocked.Increment(ref _droppedSeries) == 1)
            {
                Log.SeriesCapReached(_logger, _options.MaxSeries, key.ServiceName, key.InstanceId);
            }

            return null;
        }

        var created = new SeriesAggregator(key, instance);
        if (_series.TryAdd(key, created))
        {
            return created;
        }

        // Another request created it first.
        Interlocked.Decrement(ref _seriesCount);
        return _series.TryGetValue(key, out var existing) ? existing : null;
    }
}
