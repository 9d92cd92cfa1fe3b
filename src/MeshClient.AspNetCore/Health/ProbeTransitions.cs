using MeshClient.Events;
using MeshClient.Registration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeshClient.AspNetCore.Health;

/// <summary>
/// Publishes a <see cref="ProbeStatusChangedEvent"/> when one probe of this process changes between passing and failing
/// (transitions only). The probe starts as passing, so a process that starts failing publishes at once and one that
/// starts passing publishes nothing. Degraded passes, as on the probe endpoints. One evaluating thread at a time.
/// </summary>
internal sealed class ProbeTransitions(string probe, IMeshEventStream events, IMeshRegistration registration, TimeProvider time)
{
    private bool _healthy = true;

    /// <summary>Gets a value indicating whether the probe passed at its last evaluation.</summary>
    public bool Healthy => Volatile.Read(ref _healthy);

    /// <summary>Records one evaluation and publishes the change, if any.</summary>
    /// <param name="report">The report of the probe's checks (a check that threw is Unhealthy in it).</param>
    /// <returns>The event published, or <see langword="null"/> when nothing changed.</returns>
    public ProbeStatusChangedEvent? Observe(HealthReport report)
    {
        var healthy = report.Status != HealthStatus.Unhealthy;
        if (healthy == _healthy)
        {
            return null;
        }

        Volatile.Write(ref _healthy, healthy);
        var self = registration.Current?.Instance;
        var reason = healthy ? null : string.Join(", ", report.Entries.Where(static e => e.Value.Status == HealthStatus.Unhealthy).Select(static e => e.Key).Order(StringComparer.Ordinal));
        var changed = new ProbeStatusChangedEvent(time.GetUtcNow(), self?.ServiceName, self?.InstanceId, probe, healthy, reason);
        events.Publish(changed);
        return changed;
    }
}
