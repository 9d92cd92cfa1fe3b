using MeshClient.Discovery;

namespace MeshClient.Health;

/// <summary>Operator and recovery control over the instance health of every service this client tracks.</summary>
internal sealed class InstanceHealthControl(ServiceCatalog catalog) : IInstanceHealthControl
{
    public InstanceEjectionResult Eject(string serviceName, string instanceId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        if (!catalog.TryGetEntry(serviceName, out var entry))
        {
            return InstanceEjectionResult.UnknownInstance;
        }

        var options = entry.Balancer.Settings?.Health.OutlierDetection ?? catalog.SettingsFor(serviceName).Health.OutlierDetection;
        return entry.Health.Eject(instanceId, reason, options);
    }

    public bool Readmit(string serviceName, string instanceId)
        => catalog.TryGetEntry(serviceName, out var entry) && entry.Health.Readmit(instanceId);

    public int Reset()
    {
        var changed = 0;
        foreach (var entry in catalog.Entries)
        {
            changed += entry.Health.Reset();
        }

        return changed;
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
        => Task.WhenAll(catalog.Entries.Select(entry => entry.RefreshAsync().WaitAsync(cancellationToken)));
}
