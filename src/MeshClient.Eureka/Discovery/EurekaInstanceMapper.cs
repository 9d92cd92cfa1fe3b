using System.Collections.Frozen;
using MeshClient.Discovery;
using MeshClient.Eureka.Wire;

namespace MeshClient.Eureka.Discovery;

/// <summary>Maps Eureka instances to <see cref="ServiceInstance"/>: enabled port and scheme, effective status, zone, metadata.</summary>
internal static class EurekaInstanceMapper
{
    /// <summary>Maps one instance, or returns <see langword="null"/> when it has no usable address or enabled port.</summary>
    public static ServiceInstance? Map(string serviceName, EurekaInstance instance, EurekaOptions options)
    {
        var host = Host(instance, options.PreferIpAddress);
        if (host is null || instance.Id is not { } id)
        {
            return null;
        }

        // An enabled secure port wins (https); a disabled port is never used (hudl/fargo#58).
        var (scheme, port) = instance.SecurePortEnabled && instance.SecurePort > 0 ? (Uri.UriSchemeHttps, instance.SecurePort)
            : instance.PortEnabled && instance.Port > 0 ? (Uri.UriSchemeHttp, instance.Port)
            : (null, 0);
        if (scheme is null)
        {
            return null;
        }

        var status = EurekaStatus.ToInstanceStatus(EurekaStatus.Effective(instance));
        return new ServiceInstance(serviceName, id, scheme, host, port)
        {
            Status = options.OnlyUpInstances ? status : InstanceStatus.Up,
            Zone = Zone(instance),
            Metadata = instance.Metadata.Count == 0 ? FrozenDictionary<string, string>.Empty : instance.Metadata.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    public static IReadOnlyList<ServiceInstance> MapAll(string serviceName, IReadOnlyList<EurekaInstance> instances, EurekaOptions options)
    {
        var mapped = new List<ServiceInstance>(instances.Count);
        foreach (var instance in instances)
        {
            if (Map(serviceName, instance, options) is { } serviceInstance)
            {
                mapped.Add(serviceInstance);
            }
        }

        return mapped;
    }

    /// <summary>The host name (without a <c>:port</c> suffix some servers add), or the IP address.</summary>
    private static string? Host(EurekaInstance instance, bool preferIp)
    {
        var hostName = StripPort(instance.HostName);
        var ip = instance.IpAddr?.Trim();
        var host = preferIp ? (string.IsNullOrEmpty(ip) ? hostName : ip) : (string.IsNullOrEmpty(hostName) ? ip : hostName);
        return string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host) == UriHostNameType.Unknown ? null : host;
    }

    private static string? StripPort(string? hostName)
    {
        var value = hostName?.Trim();
        if (string.IsNullOrEmpty(value) || value.StartsWith('[') || value.Count(static c => c == ':') != 1)
        {
            return value;
        }

        return value[..value.IndexOf(':', StringComparison.Ordinal)];
    }

    /// <summary>Spring puts the zone in <c>metadata.zone</c>; AWS data centers in <c>availability-zone</c>.</summary>
    private static string? Zone(EurekaInstance instance)
        => instance.Metadata.GetValueOrDefault(EurekaConstants.ZoneMetadataKey)
            ?? instance.DataCenterMetadata.GetValueOrDefault("availability-zone");
}
