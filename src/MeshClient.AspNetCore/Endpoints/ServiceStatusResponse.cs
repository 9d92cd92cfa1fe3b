using MeshClient.Discovery;
using MeshClient.LoadBalancing;

namespace MeshClient.AspNetCore.Endpoints;

/// <summary>The body of <c>GET /mesh/services/{name}</c>, and one entry of <c>GET /mesh/services</c>.</summary>
internal sealed class ServiceStatusResponse
{
    public required string Service { get; init; }

    /// <summary>Gets the snapshot version; absent when discovery has no snapshot of the service.</summary>
    public long? Version { get; init; }

    /// <summary>Gets when the snapshot was taken (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets the provider that produced the snapshot.</summary>
    public string? Source { get; init; }

    public required IReadOnlyList<InstanceStatusResponse> Instances { get; init; }

    public static ServiceStatusResponse Create(string serviceName, ServiceSnapshot? snapshot, IReadOnlyList<InstanceState> states)
    {
        if (snapshot is null)
        {
            return new ServiceStatusResponse { Service = serviceName, Instances = [] };
        }

        var instances = new InstanceStatusResponse[snapshot.Instances.Count];
        for (var i = 0; i < instances.Length; i++)
        {
            var instance = snapshot.Instances[i];
            instances[i] = InstanceStatusResponse.Create(instance, Find(states, instance.InstanceId));
        }

        return new ServiceStatusResponse
        {
            Service = snapshot.ServiceName,
            Version = snapshot.Version,
            UpdatedAt = snapshot.UpdatedAt,
            Source = snapshot.Source,
            Instances = instances,
        };
    }

    private static InstanceState? Find(IReadOnlyList<InstanceState> states, string instanceId)
    {
        foreach (var state in states)
        {
            if (string.Equals(state.Instance.InstanceId, instanceId, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }
}
