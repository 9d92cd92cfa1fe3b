using MeshClient.Events;

namespace MeshClient.Recovery.Tests.Fakes;

/// <summary>A mesh event of any kind, for scripted event streams.</summary>
internal sealed class ScriptedEvent(string kind, DateTimeOffset timestamp, string? serviceName, string? instanceId, MeshEventSeverity severity = MeshEventSeverity.Warning)
    : MeshEvent(timestamp, serviceName, instanceId)
{
    public override string Kind => kind;

    public override MeshEventSeverity Severity => severity;
}
