using MeshClient.Events;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary>A trigger with evidence of its own, to check that the webhook serialises it by its runtime type.</summary>
internal sealed class TestTriggerEvent(DateTimeOffset timestamp, string? serviceName, string? instanceId, double score, string detector)
    : MeshEvent(timestamp, serviceName, instanceId)
{
    public override string Kind => "test.trigger";

    public override MeshEventSeverity Severity => MeshEventSeverity.Critical;

    public double Score { get; } = score;

    public string Detector { get; } = detector;
}
