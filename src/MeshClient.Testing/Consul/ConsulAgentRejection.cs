namespace MeshClient.Testing.Consul;

/// <summary>An error answer of the agent: a status code and Consul's <c>text/plain</c> reason.</summary>
internal sealed class ConsulAgentRejection(int statusCode, string body) : Exception(body)
{
    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    public static ConsulAgentRejection UnknownService(string id)
        => new(404, $"Unknown service ID \"{id}\". Ensure that the service ID is passed, not the service name.");

    public static ConsulAgentRejection UnknownCheck(string id, bool legacy) => legacy
        ? new(500, $"CheckID \"{id}\" does not have associated TTL")
        : new(404, $"Unknown check ID \"{id}\". Ensure that the check ID is passed, not the check name.");
}
