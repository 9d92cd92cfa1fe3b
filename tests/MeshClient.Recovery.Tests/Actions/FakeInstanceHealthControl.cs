using MeshClient.Health;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary>Records calls and answers <see cref="EjectResult"/>.</summary>
internal sealed class FakeInstanceHealthControl : IInstanceHealthControl
{
    public InstanceEjectionResult EjectResult { get; set; } = InstanceEjectionResult.Ejected;

    public List<(string Service, string Instance, string Reason)> Ejections { get; } = [];

    public int Resets { get; private set; }

    public int Refreshes { get; private set; }

    public InstanceEjectionResult Eject(string serviceName, string instanceId, string reason)
    {
        Ejections.Add((serviceName, instanceId, reason));
        return EjectResult;
    }

    public bool Readmit(string serviceName, string instanceId) => false;

    public int Reset()
    {
        Resets++;
        return 3;
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        Refreshes++;
        return Task.CompletedTask;
    }
}
