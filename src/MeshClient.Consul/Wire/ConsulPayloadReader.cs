using System.Text.Json;

namespace MeshClient.Consul.Wire;

/// <summary>Reads the agent's JSON answers; a malformed body becomes a <see cref="ConsulFormatException"/>.</summary>
internal static class ConsulPayloadReader
{
    /// <summary>Reads <c>GET /v1/health/service/{name}</c>: a JSON array (an unknown service is <c>[]</c>).</summary>
    public static IReadOnlyList<ConsulHealthEntry> ReadHealth(ReadOnlySpan<byte> body)
    {
        var entries = Read(body, ConsulJsonContext.Default.ListConsulHealthEntry, "a health/service array")
            ?? throw new ConsulFormatException("the body is null, not a health/service array");
        foreach (var entry in entries)
        {
            if (entry?.Service is null)
            {
                throw new ConsulFormatException("a health/service entry has no Service");
            }
        }

        return entries;
    }

    /// <summary>Reads <c>GET /v1/agent/services</c>: an object keyed by service id.</summary>
    public static IReadOnlyDictionary<string, ConsulAgentService> ReadAgentServices(ReadOnlySpan<byte> body)
        => Read(body, ConsulJsonContext.Default.DictionaryStringConsulAgentService, "an agent/services object")
            ?? throw new ConsulFormatException("the body is null, not an agent/services object");

    private static T? Read<T>(ReadOnlySpan<byte> body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException ex)
        {
            throw new ConsulFormatException($"the body is not {what}: {ex.Message}", ex);
        }
    }
}
