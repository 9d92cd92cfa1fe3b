namespace MeshClient.Recovery.Tests.Fakes;

/// <summary>Records the actions the coordinator starts; the test completes them when it likes.</summary>
internal sealed class RecordingExecutor : IRecoveryActionExecutor
{
    public List<RecoveryExecution> Started { get; } = [];

    public Dictionary<long, RecoveryExecution> Running { get; } = [];

    public void Start(RecoveryExecution execution)
    {
        Started.Add(execution);
        Running.Add(execution.Id, execution);
    }
}
