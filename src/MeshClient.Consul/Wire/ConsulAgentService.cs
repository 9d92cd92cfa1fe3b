using System.Text.Json.Serialization;

namespace MeshClient.Consul.Wire;

/// <summary>The <c>Service</c> of a health entry. <c>Tags</c> and <c>Meta</c> may be <c>null</c>; <c>Weights</c> may be absent (before 1.2.3).</summary>
internal sealed class ConsulAgentService
{
    [JsonPropertyName("ID")]
    public string? Id { get; set; }

    public string? Service { get; set; }

    public List<string?>? Tags { get; set; }

    public string? Address { get; set; }

    public int Port { get; set; }

    public Dictionary<string, string?>? Meta { get; set; }

    public ConsulWeights? Weights { get; set; }
}
