using MeshClient.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Recovery.Tests.Fakes;

/// <summary>A process identity, instance counts per service, and the events the coordinator published.</summary>
internal sealed class FakeRecoveryEnvironment : IRecoveryEnvironment
{
    public string? SelfService { get; set; } = "reviews";

    public string? SelfInstance { get; set; } = "reviews-1";

    public IServiceProvider Services { get; } = new ServiceCollection().BuildServiceProvider();

    public Dictionary<string, int> Instances { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<MeshEvent> Published { get; } = [];

    public int InstanceCount(string service) => Instances.GetValueOrDefault(service);

    public void Publish(MeshEvent meshEvent) => Published.Add(meshEvent);
}
