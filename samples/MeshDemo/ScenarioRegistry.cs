using System.Diagnostics.CodeAnalysis;
using MeshDemo.Scenarios;

namespace MeshDemo;

/// <summary>The scenarios <c>--scenario</c> can name, case-insensitively, in the order <c>--help</c> lists them.</summary>
internal sealed class ScenarioRegistry
{
    public const string DefaultScenario = BalancersScenario.ScenarioName;

    private readonly IDemoScenario[] _scenarios;

    public ScenarioRegistry(IEnumerable<IDemoScenario> scenarios)
    {
        _scenarios = [.. scenarios];
        var duplicate = _scenarios.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two scenarios are named '{duplicate.Key}'.", nameof(scenarios));
        }
    }

    public IReadOnlyList<IDemoScenario> All => _scenarios;

    public IEnumerable<string> Names => _scenarios.Select(s => s.Name);

    /// <summary>Returns the registry of every scenario the demo ships; new scenarios are added here.</summary>
    public static ScenarioRegistry CreateDefault() => new([new BalancersScenario()]);

    public bool TryGet(string name, [NotNullWhen(true)] out IDemoScenario? scenario)
    {
        scenario = Array.Find(_scenarios, s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return scenario is not null;
    }
}
