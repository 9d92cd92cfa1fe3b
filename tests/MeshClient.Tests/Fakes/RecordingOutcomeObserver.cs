using System.Collections.Concurrent;
using MeshClient.Http;

namespace MeshClient.Tests.Fakes;

/// <summary>Records every outcome the mesh handler reports.</summary>
internal sealed class RecordingOutcomeObserver : IRequestOutcomeObserver
{
    public ConcurrentQueue<Recorded> Outcomes { get; } = new();

    public void OnRequestCompleted(in RequestOutcome outcome)
        => Outcomes.Enqueue(new Recorded(outcome.ServiceName, outcome.Instance.Instance.InstanceId, outcome.Kind, outcome.StatusCode, outcome.Exception));

    internal sealed record Recorded(string ServiceName, string InstanceId, RequestOutcomeKind Kind, int StatusCode, Exception? Exception);
}
