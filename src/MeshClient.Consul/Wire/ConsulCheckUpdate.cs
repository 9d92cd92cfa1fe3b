namespace MeshClient.Consul.Wire;

/// <summary>The body of <c>PUT /v1/agent/check/update/{id}</c>.</summary>
internal sealed record ConsulCheckUpdate(string Status, string Output);
