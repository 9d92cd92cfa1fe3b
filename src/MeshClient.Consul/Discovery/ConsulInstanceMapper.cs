using System.Collections.Frozen;
using MeshClient.Consul.Wire;
using MeshClient.Discovery;

namespace MeshClient.Consul.Discovery;

/// <summary>
/// Maps health entries to <see cref="ServiceInstance"/>: address (the node's when the service has none), aggregated check
/// status (the worst of node and service checks), weight by status, tags and <c>Meta</c> as metadata, zone from <c>Meta.zone</c>.
/// </summary>
internal static class ConsulInstanceMapper
{
    public static IReadOnlyList<ServiceInstance> MapAll(string serviceName, IReadOnlyList<ConsulHealthEntry> entries, ConsulOptions options)
    {
        var mapped = new List<ServiceInstance>(entries.Count);
        foreach (var entry in entries)
        {
            if (Map(serviceName, entry, options) is { } instance)
            {
                mapped.Add(instance);
            }
        }

        return mapped;
    }

    /// <summary>Maps one entry, or returns <see langword="null"/> when it has no usable address or must not be routed to.</summary>
    public static ServiceInstance? Map(string serviceName, ConsulHealthEntry entry, ConsulOptions options)
    {
        var service = entry.Service!;
        var host = string.IsNullOrWhiteSpace(service.Address) ? entry.Node?.Address?.Trim() : service.Address.Trim();
        if (string.IsNullOrEmpty(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown || service.Port is <= 0 or > 65535)
        {
            return null;
        }

        var weights = service.Weights ?? new ConsulWeights();
        var status = Aggregate(entry.Checks);
        var routable = status == ConsulConstants.Passing || (status == ConsulConstants.Warning && weights.Warning > 0);
        if (!routable && !options.KeepCriticalInstances)
        {
            return null;
        }

        var metadata = Metadata(service);
        var id = string.IsNullOrWhiteSpace(service.Id) ? $"{host}:{service.Port}" : service.Id;
        var scheme = string.Equals(metadata.GetValueOrDefault(ConsulConstants.SchemeMetaKey), Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
            ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        return new ServiceInstance(serviceName, id, scheme, host, service.Port)
        {
            Status = routable ? InstanceStatus.Up : InstanceStatus.Down,
            Weight = !routable ? 1 : status == ConsulConstants.Passing ? weights.Passing : weights.Warning,
            Zone = metadata.GetValueOrDefault(ConsulConstants.ZoneMetaKey) is { Length: > 0 } zone ? zone : null,
            Metadata = metadata,
        };
    }

    /// <summary>The worst status of all checks (critical &gt; warning &gt; passing); an unknown status counts as critical.</summary>
    public static string Aggregate(IReadOnlyList<ConsulCheckEntry>? checks)
    {
        var worst = ConsulConstants.Passing;
        foreach (var check in checks ?? [])
        {
            var status = check?.Status?.Trim().ToLowerInvariant();
            if (status == ConsulConstants.Warning)
            {
                worst = ConsulConstants.Warning;
            }
            else if (status != ConsulConstants.Passing)
            {
                return ConsulConstants.Critical;
            }
        }

        return worst;
    }

    /// <summary>Tags as keys with empty values (blank tags skipped), then <c>Meta</c> (null values skipped), which wins.</summary>
    private static FrozenDictionary<string, string> Metadata(ConsulAgentService service)
    {
        if (service.Tags is not { Count: > 0 } && service.Meta is not { Count: > 0 })
        {
            return FrozenDictionary<string, string>.Empty;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in service.Tags ?? [])
        {
            if (!string.IsNullOrWhiteSpace(tag))
            {
                metadata[tag] = string.Empty;
            }
        }

        foreach (var (key, value) in service.Meta ?? [])
        {
            if (value is not null)
            {
                metadata[key] = value;
            }
        }

        return metadata.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
