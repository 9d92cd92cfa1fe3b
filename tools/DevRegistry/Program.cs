// A development registry, like `consul agent -dev`: `dotnet run --project tools/DevRegistry -- eureka --urls http://127.0.0.1:8761`
// or `-- consul --urls http://127.0.0.1:8500`.
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
    _ => await ConsulRegistryHost.RunAsync(command.Url ?? ConsulRegistryHost.DefaultUrl),
};
