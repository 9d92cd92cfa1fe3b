using MeshDemo.Reporting;

namespace MeshDemo;

/// <summary>What a scenario produced: a report per run, why it failed, if it did, and the targets it ran but missed.</summary>
internal sealed record ScenarioResult(IReadOnlyList<RunReport> Runs, IReadOnlyList<string> Failures)
{
    public bool Succeeded => Runs.Count > 0 && Failures.Count == 0;

    /// <summary>Gets the self-checks the scenario ran and missed (the anomaly target), exit code <see cref="ExitCodes.TargetMissed"/>.</summary>
    public IReadOnlyList<string> Misses { get; init; } = [];
}
