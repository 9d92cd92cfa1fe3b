using System.Text.Json.Serialization;

namespace MeshClient.Consul.Wire;

/// <summary>The body of <c>PUT /v1/agent/service/register</c>.</summary>
internal sealed class ConsulServiceDefinition
{
    [JsonPropertyName("ID")]
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public required string Address { get; init; }

    public int Port { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public ConsulWeights? Weights { get; init; }

    public ConsulCheckDefinition? Check { get; init; }
}
