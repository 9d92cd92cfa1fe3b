using System.Diagnostics;
using System.Diagnostics.Metrics;
using MeshClient.Discovery;
using MeshClient.Http;

namespace MeshClient.Telemetry;

/// <summary>The instruments of the <c>MeshClient</c> meter. Tags are built only when an instrument is enabled.</summary>
internal sealed class MeshMetrics
{
    private static readonly string[] StateNames = ["up", "down", "starting", "out_of_service", "unknown"];
    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _inFlight;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _ejections;
    private readonly Counter<long> _circuitTransitions;
    private readonly Counter<long> _panic;
    private readonly Counter<long> _hedges;

    public MeshMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeshTelemetryConstants.MeterName);
        _requests = _meter.CreateCounter<long>(MeshTelemetryConstants.Requests, "{request}", "Requests sent through the mesh handler.");
        _duration = _meter.CreateHistogram<double>(
            MeshTelemetryConstants.RequestDuration,
            "s",
            "Duration of requests sent through the mesh handler.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _inFlight = _meter.CreateUpDownCounter<long>(MeshTelemetryConstants.RequestsInFlight, "{request}", "Requests in flight through the mesh handler.");
        _refreshes = _meter.CreateCounter<long>(MeshTelemetryConstants.DiscoveryRefreshes, "{fetch}", "Background discovery fetches.");
        _retries = _meter.CreateCounter<long>(MeshTelemetryConstants.Retries, "{retry}", "Retry decisions: retries made and retries refused by the budget.");
        _ejections = _meter.CreateCounter<long>(MeshTelemetryConstants.Ejections, "{ejection}", "Outlier ejections of instances.");
        _circuitTransitions = _meter.CreateCounter<long>(MeshTelemetryConstants.CircuitTransitions, "{transition}", "Transitions of per-instance circuit breakers.");
        _panic = _meter.CreateCounter<long>(MeshTelemetryConstants.Panic, "{panic}", "Times a service fell below its panic threshold.");
        _hedges = _meter.CreateCounter<long>(MeshTelemetryConstants.Hedges, "{attempt}", "Hedged attempts started.");
    }

    public bool InFlightEnabled => _inFlight.Enabled;

    public void ObserveInstances(ServiceCatalog catalog)
        => _meter.CreateObservableGauge(MeshTelemetryConstants.Instances, () => MeasureInstances(catalog), "{instance}", "Instances by service and state.");

    public void RequestStarted(string service, string instance)
    {
        if (_inFlight.Enabled)
        {
            _inFlight.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.InstanceTag, instance));
        }
    }

    public void RequestCompleted(string service, string instance, RequestOutcomeKind outcome, TimeSpan duration)
    {
        if (_inFlight.Enabled)
        {
            _inFlight.Add(-1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.InstanceTag, instance));
        }

        if (_requests.Enabled || _duration.Enabled)
        {
            var tags = new TagList
            {
                { MeshTelemetryConstants.ServiceTag, service },
                { MeshTelemetryConstants.InstanceTag, instance },
                { MeshTelemetryConstants.OutcomeTag, OutcomeName(outcome) },
            };
            _requests.Add(1, in tags);
            _duration.Record(duration.TotalSeconds, in tags);
        }
    }

    public void NoInstance(string service)
    {
        if (_requests.Enabled)
        {
            _requests.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.OutcomeTag, "no_instance"));
        }
    }

    public void RecordRefresh(string service, string result)
    {
        if (_refreshes.Enabled)
        {
            _refreshes.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.ResultTag, result));
        }
    }

    public void Retry(string service, bool allowed)
    {
        if (_retries.Enabled)
        {
            _retries.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.ResultTag, allowed ? "retried" : "budget_exhausted"));
        }
    }

    public void Ejected(string service, string instance, string reason)
    {
        if (_ejections.Enabled)
        {
            _ejections.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.InstanceTag, instance), new(MeshTelemetryConstants.ReasonTag, reason));
        }
    }

    public void CircuitTransition(string service, string instance, string state)
    {
        if (_circuitTransitions.Enabled)
        {
            _circuitTransitions.Add(1, new(MeshTelemetryConstants.ServiceTag, service), new(MeshTelemetryConstants.InstanceTag, instance), new(MeshTelemetryConstants.StateTag, state));
        }
    }

    public void PanicEntered(string service)
    {
        if (_panic.Enabled)
        {
            _panic.Add(1, new KeyValuePair<string, object?>(MeshTelemetryConstants.ServiceTag, service));
        }
    }

    public void Hedge(string service)
    {
        if (_hedges.Enabled)
        {
            _hedges.Add(1, new KeyValuePair<string, object?>(MeshTelemetryConstants.ServiceTag, service));
        }
    }

    internal static string OutcomeName(RequestOutcomeKind outcome) => outcome switch
    {
        RequestOutcomeKind.Success => "success",
        RequestOutcomeKind.HttpError => "http_error",
        RequestOutcomeKind.Timeout => "timeout",
        RequestOutcomeKind.ConnectionFailure => "connection_error",
        RequestOutcomeKind.Canceled => "canceled",
        _ => "error",
    };

    private static List<Measurement<int>> MeasureInstances(ServiceCatalog catalog)
    {
        Span<int> counts = stackalloc int[StateNames.Length];
        var measurements = new List<Measurement<int>>();
        foreach (var entry in catalog.Entries)
        {
            counts.Clear();
            var balancer = entry.Balancer;
            foreach (var state in balancer.All)
            {
                counts[(int)state.Instance.Status]++;
            }

            for (var i = 0; i < StateNames.Length; i++)
            {
                measurements.Add(new(counts[i], new(MeshTelemetryConstants.ServiceTag, entry.Name), new(MeshTelemetryConstants.StateTag, StateNames[i])));
            }

            measurements.Add(new(balancer.EligibleCount, new(MeshTelemetryConstants.ServiceTag, entry.Name), new(MeshTelemetryConstants.StateTag, "eligible")));
        }

        return measurements;
    }
}
