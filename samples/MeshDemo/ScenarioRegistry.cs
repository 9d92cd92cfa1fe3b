using System.Diagnostics.CodeAnalysis;
using MeshDemo.Scenarios;

namespace MeshDemo;

/// <summary>The scenarios <c>--scenario</c> can name, case-insensitively, in the order <c>--help</c> lists them.</summary>
internal sealed class ScenarioRegistry
{
    public const string DefaultScenario = BalancersScenario.ScenarioName;

    /// <summary>The <c>--scenario</c> name that runs every scenario in turn.</summary>
    public const string AllScenarios = "all";

    private readonly IDemoScenario[] _scenarios;

    public ScenarioRegistry(IEnumerable<IDemoScenario> scenarios)
    {
        _scenarios = [.. scenarios];
        var duplicate = _scenarios.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two scenarios are named '{duplicate.Key}'.", nameof(scenarios));
        }

        if (TryGet(AllScenarios, out _))
        {
            throw new ArgumentException($"'{AllScenarios}' is reserved: it runs every scenario.", nameof(scenarios));
        }
    }

    public IReadOnlyList<IDemoScenario> All => _scenarios;

    public IEnumerable<string> Names => _scenarios.Select(s => s.Name);

    /// <summary>Returns the registry of every scenario the demo ships; new scenarios are added here.</summary>
    public static ScenarioRegistry CreateDefault() => new([new BalancersScenario(), .. FaultScenarios.All, new SelfHealScenario()]);

    /// <summary>Resolves a <c>--scenario</c> name: one scenario, or every one for <see cref="AllScenarios"/>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="scenarios">The scenarios to run, in order.</param>
    /// <returns>Whether the name is known.</returns>
    public bool TryResolve(string name, [NotNullWhen(true)] out IReadOnlyList<IDemoScenario>? scenarios)
    {
        if (string.Equals(name, AllScenarios, StringComparison.OrdinalIgnoreCase))
        {
            scenarios = _scenarios;
            return true;
        }

        scenarios = TryGet(name, out var scenario) ? [scenario] : null;
        return scenarios is not null;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IDemoScenario? scenario)
    {
        scenario = Array.Find(_scenarios, s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return scenario is not null;
    }
}
