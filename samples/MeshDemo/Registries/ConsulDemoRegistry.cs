using MeshClient;
using MeshClient.Testing.Consul;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Registries;

/// <summary>
/// The in-process Consul agent (<see cref="ConsulTestAgent"/>, 127.0.0.1, ephemeral port) shared by every host: instances
/// self-register with a TTL check through <c>AddMeshClient(...).AddConsul()</c> and the caller discovers them through
/// blocking queries on <c>/v1/health/service/ratings?passing</c>.
/// </summary>
internal sealed class ConsulDemoRegistry : IDemoRegistry
{
    public const string RegistryName = "consul";

    private readonly ConsulTestAgent _agent;

    private ConsulDemoRegistry(ConsulTestAgent agent) => _agent = agent;

    public string Name => RegistryName;

    public static async Task<ConsulDemoRegistry> StartAsync(CancellationToken cancellationToken)
        => new(await ConsulTestAgent.StartAsync(TimeProvider.System, cancellationToken));

    public void Configure(IServiceCollection services, IDictionary<string, string?> settings)
    {
        settings["Mesh:Discovery:Provider"] = "Consul";
        settings["Mesh:Consul:Address"] = _agent.Address.AbsoluteUri;
        settings["Mesh:Consul:Check:Mode"] = "Ttl";
    }

    public void AddProvider(IMeshClientBuilder mesh) => mesh.AddConsul();

    public async Task WaitForInstancesAsync(string serviceName, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            // Wait for the next write to the agent first, then look: a registration between the two still ends the wait.
            var next = _agent.WaitForRequestAsync(static r => r.Method == "PUT", linked.Token);
            var passing = _agent.Services.Count(s => string.Equals(s.Name, serviceName, StringComparison.OrdinalIgnoreCase)
                && s.Checks.Count > 0 && s.Checks.All(static c => c.Status == "passing"));
            if (passing >= count)
            {
                return;
            }

            try
            {
                await next;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Only {passing} of {count} instances of '{serviceName}' registered with a passing check on Consul within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    public ValueTask DisposeAsync() => _agent.DisposeAsync();
}
