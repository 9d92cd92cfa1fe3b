namespace MeshClient.Testing.Consul;

/// <summary>A service registered on the in-process agent.</summary>
internal sealed class ConsulAgentServiceRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Address { get; init; } = string.Empty;

    public int Port { get; init; }

    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    public int WeightPassing { get; init; } = 1;

    public int WeightWarning { get; init; } = 1;

    public ulong CreateIndex { get; set; }

    public ulong ModifyIndex { get; set; }
}
