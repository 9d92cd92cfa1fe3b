using System.Text.Json.Serialization;

namespace MeshClient.Consul.Wire;

/// <summary>A check of a health entry: node checks (<c>serfHealth</c>, <c>_node_maintenance</c>) have an empty <c>ServiceID</c>.</summary>
internal sealed class ConsulCheckEntry
{
    [JsonPropertyName("CheckID")]
    public string? CheckId { get; set; }

    public string? Name { get; set; }

    public string? Status { get; set; }

    public string? Output { get; set; }

    [JsonPropertyName("ServiceID")]
    public string? ServiceId { get; set; }
}
