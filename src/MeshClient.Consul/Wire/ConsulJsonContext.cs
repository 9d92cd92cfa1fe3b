using System.Text.Json.Serialization;

namespace MeshClient.Consul.Wire;

/// <summary>Source-generated JSON of the Consul API: PascalCase names, matched case-insensitively on input as the agent does.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ConsulHealthEntry>))]
[JsonSerializable(typeof(Dictionary<string, ConsulAgentService>))]
[JsonSerializable(typeof(ConsulServiceDefinition))]
[JsonSerializable(typeof(ConsulCheckUpdate))]
internal sealed partial class ConsulJsonContext : JsonSerializerContext;
