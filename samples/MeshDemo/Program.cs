using MeshDemo;
using MeshDemo.Hosting;
using MeshDemo.Registries;
using MeshDemo.Reporting;
using MeshDemo.Scenarios;

var scenarios = ScenarioRegistry.CreateDefault();
if (!DemoOptions.TryParse(args, out var options, out var error))
{
    await Console.Error.WriteLineAsync($"MeshDemo: {error} Run with --help for the options.");
    return ExitCodes.Usage;
}

if (options.Help)
{
    await Console.Out.WriteAsync(DemoOptions.HelpText(scenarios));
    return ExitCodes.Success;
}

if (!scenarios.TryResolve(options.Scenario, out var selected))
{
    await Console.Error.WriteLineAsync($"MeshDemo: unknown scenario '{options.Scenario}' (known: {string.Join(", ", scenarios.Names)}, {ScenarioRegistry.AllScenarios}).");
    return ExitCodes.Usage;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    await using var registry = await DemoRegistries.CreateAsync(options.Registry, cancel.Token);
    await using var endpoints = await EndpointsHost.StartAsync(registry, cancel.Token);
    var writer = new ReportWriter(Console.Out, options.Json, Console.Error);
    writer.Write(endpoints.Endpoints);
    var context = new DemoContext(options, registry, writer, TimeProvider.System);
    var succeeded = true;
    var targetsMet = true;
    foreach (var scenario in selected)
    {
        var result = await scenario.RunAsync(context, cancel.Token);
        foreach (var failure in result.Failures)
        {
            await Console.Error.WriteLineAsync($"MeshDemo: {failure}");
        }

        foreach (var miss in result.Misses)
        {
            await Console.Error.WriteLineAsync($"MeshDemo: {miss}");
        }

        succeeded &= result.Succeeded;
        targetsMet &= result.Misses.Count == 0;
    }

    return !succeeded ? ExitCodes.Failure : targetsMet ? ExitCodes.Success : ExitCodes.TargetMissed;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("MeshDemo: cancelled.");
    return ExitCodes.Cancelled;
}
#pragma warning disable CA1031 // The demo reports any failure as its exit code.
catch (Exception ex)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync($"MeshDemo failed: {ex}");
    return ExitCodes.Failure;
}
