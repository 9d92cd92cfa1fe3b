using MeshClient;
using MeshClient.Discovery;
using MeshClient.Discovery.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace MeshDemo.Registries;

/// <summary>One <see cref="InMemoryServiceRegistry"/> shared by every host of the process; they self-register into it and discover from it.</summary>
internal sealed class InMemoryDemoRegistry : IDemoRegistry
{
    public const string RegistryName = "inmemory";

    private readonly InMemoryServiceRegistry _registry = new(TimeProvider.System);

    public string Name => RegistryName;

    public void Configure(IServiceCollection services, IDictionary<string, string?> settings)
    {
        // Registered as an instance: AddMeshClient's TryAdd keeps it, and no host disposes it.
        services.AddSingleton(_registry);
        settings["Mesh:Discovery:Provider"] = "InMemory";
    }

    /// <summary>Nothing to add: the InMemory provider is built into MeshClient.</summary>
    public void AddProvider(IMeshClientBuilder mesh)
    {
    }

    public async Task WaitForInstancesAsync(string serviceName, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            // Watch first, then look: a change between the two still fires the token.
            var changed = _registry.Watch(serviceName);
            var up = _registry.GetInstances(serviceName).Count(i => i.Status == InstanceStatus.Up);
            if (up >= count)
            {
                return;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = changed.RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), signal);
            try
            {
                await signal.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Only {up} of {count} instances of '{serviceName}' registered within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _registry.Dispose();
        return ValueTask.CompletedTask;
    }
}
