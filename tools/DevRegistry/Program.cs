// A development registry, like `consul agent -dev`: `dotnet run --project tools/DevRegistry -- eureka|consul --urls http://127.0.0.1:8761`.
// The Eureka- and Consul-compatible registries land with their issues; until then this tool says so and exits.
var mode = args.Length > 0 ? args[0] : "--help";
Console.Error.WriteLine(mode is "eureka" or "consul"
    ? $"DevRegistry: the {mode} registry is not built yet (see the Eureka and Consul issues)."
    : "usage: DevRegistry eureka|consul --urls http://127.0.0.1:PORT");
return mode is "--help" or "-h" ? 0 : 2;
