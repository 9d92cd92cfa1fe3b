using MeshDemo.Reporting;

namespace MeshDemo;

/// <summary>What a scenario produced: a report per run, and why it failed, if it did.</summary>
internal sealed record ScenarioResult(IReadOnlyList<RunReport> Runs, IReadOnlyList<string> Failures)
{
    public bool Succeeded => Runs.Count > 0 && Failures.Count == 0;
}
