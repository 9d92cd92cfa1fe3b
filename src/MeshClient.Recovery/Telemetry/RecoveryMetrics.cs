using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MeshClient.Recovery;

/// <summary>The instruments of the <c>MeshClient.Recovery</c> meter. Tags are built only when an instrument is enabled.</summary>
internal sealed class RecoveryMetrics
{
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;

    public RecoveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RecoveryTelemetryConstants.MeterName);
        _decisions = meter.CreateCounter<long>(RecoveryTelemetryConstants.Decisions, "{decision}", "Recovery decisions: detected, matched, suppressed, executed, verified, escalated, recovered, failed.");
        _duration = meter.CreateHistogram<double>(
            RecoveryTelemetryConstants.ActionDuration,
            "s",
            "Duration of recovery actions.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _active = meter.CreateUpDownCounter<long>(RecoveryTelemetryConstants.ActionsActive, "{action}", "Recovery actions running.");
    }

    public void Decision(string decision, string? action, string? reason)
    {
        if (_decisions.Enabled)
        {
            var tags = new TagList
            {
                { RecoveryTelemetryConstants.DecisionTag, decision },
                { RecoveryTelemetryConstants.ActionTag, action ?? string.Empty },
                { RecoveryTelemetryConstants.ReasonTag, reason ?? string.Empty },
            };
            _decisions.Add(1, in tags);
        }
    }

    public void ActionStarted(string action)
    {
        if (_active.Enabled)
        {
            _active.Add(1, new KeyValuePair<string, object?>(RecoveryTelemetryConstants.ActionTag, action));
        }
    }

    public void ActionEnded(string action, bool succeeded, TimeSpan duration)
    {
        if (_active.Enabled)
        {
            _active.Add(-1, new KeyValuePair<string, object?>(RecoveryTelemetryConstants.ActionTag, action));
        }

        if (_duration.Enabled)
        {
            _duration.Record(
                duration.TotalSeconds,
                new(RecoveryTelemetryConstants.ActionTag, action),
                new(RecoveryTelemetryConstants.OutcomeTag, succeeded ? "success" : "failure"));
        }
    }
}
