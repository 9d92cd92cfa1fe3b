namespace MeshDemo;

/// <summary>One runnable story of the demo (<c>--scenario NAME</c>): balancers side by side, later faults and self-healing.</summary>
internal interface IDemoScenario
{
    /// <summary>Gets the name given to <c>--scenario</c>, lower case.</summary>
    string Name { get; }

    /// <summary>Gets a one-line description for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Starts what the scenario needs, runs its load, writes one report per run and stops everything it started.</summary>
    /// <param name="context">Options, registry, output and clock.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The reports and the failures, if any.</returns>
    Task<ScenarioResult> RunAsync(DemoContext context, CancellationToken cancellationToken);
}
