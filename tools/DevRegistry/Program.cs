// A development registry, like `consul agent -dev`: `dotnet run --project tools/DevRegistry -- eureka --urls http://127.0.0.1:8761`.
// Serves MeshClient.Testing's in-process registry on a fixed URL until Ctrl-C or SIGTERM, one log line per registration change.
using DevRegistry;

if (!DevRegistryCommand.TryParse(args, out var command, out var error))
{
    await Console.Error.WriteLineAsync($"DevRegistry: {error}");
    await Console.Error.WriteLineAsync(DevRegistryCommand.Usage);
    return ExitCodes.Usage;
}

if (command.Help)
{
    await Console.Out.WriteLineAsync(DevRegistryCommand.HelpText);
    return ExitCodes.Success;
}

return command.Mode switch
{
    DevRegistryCommand.EurekaMode => await EurekaRegistryHost.RunAsync(command.Url ?? EurekaRegistryHost.DefaultUrl),
    _ => await NotBuiltAsync(command.Mode),
};

static async Task<int> NotBuiltAsync(string mode)
{
    await Console.Error.WriteLineAsync($"DevRegistry: the {mode} registry is not built yet (see the Consul issue); 'eureka' is.");
    return ExitCodes.Usage;
}
