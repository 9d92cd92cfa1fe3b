using System.Collections.Frozen;
using System.Globalization;

namespace MeshClient.Discovery;

/// <summary>An immutable description of one instance of a service: where it listens and what the registry says of it.</summary>
public sealed class ServiceInstance : IEquatable<ServiceInstance>
{
    private static readonly IReadOnlyDictionary<string, string> EmptyMetadata = FrozenDictionary<string, string>.Empty;
    private Uri? _baseUri;

    /// <summary>Creates an instance.</summary>
    /// <param name="serviceName">The logical service name, for example <c>ratings</c>.</param>
    /// <param name="instanceId">The id of this instance, unique within the service.</param>
    /// <param name="scheme">The URI scheme, <c>http</c> or <c>https</c>.</param>
    /// <param name="host">The host name or IP address.</param>
    /// <param name="port">The TCP port.</param>
    public ServiceInstance(string serviceName, string instanceId, string scheme, string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        ServiceName = serviceName;
        InstanceId = instanceId;
        Scheme = scheme.ToLowerInvariant();
        Host = host;
        Port = port;
        var hostPart = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? "[" + host + "]" : host;
        Authority = string.Create(CultureInfo.InvariantCulture, $"{hostPart}:{port}");
        BaseAddress = Scheme + "://" + Authority;
    }

    /// <summary>Gets the logical service name.</summary>
    public string ServiceName { get; }

    /// <summary>Gets the id of this instance, unique within the service.</summary>
    public string InstanceId { get; }

    /// <summary>Gets the URI scheme, lower case.</summary>
    public string Scheme { get; }

    /// <summary>Gets the host name or IP address.</summary>
    public string Host { get; }

    /// <summary>Gets the TCP port.</summary>
    public int Port { get; }

    /// <summary>Gets the zone (availability zone, rack) of the instance, if known.</summary>
    public string? Zone { get; init; }

    /// <summary>Gets the relative weight used by weighted balancers. Default 1; values below 1 are taken as 1.</summary>
    public int Weight { get; init => field = Math.Max(1, value); } = 1;

    /// <summary>Gets the status the registry reports.</summary>
    public InstanceStatus Status { get; init; } = InstanceStatus.Up;

    /// <summary>Gets the instance metadata (tags, registry metadata). Never null.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>Gets <c>host:port</c>, with IPv6 hosts in brackets.</summary>
    public string Authority { get; }

    /// <summary>Gets <c>scheme://host:port</c>.</summary>
    public string BaseAddress { get; }

    /// <summary>Gets <see cref="BaseAddress"/> as a URI.</summary>
    public Uri BaseUri => _baseUri ??= new Uri(BaseAddress, UriKind.Absolute);

    /// <summary>Returns a copy of this instance with another status.</summary>
    /// <param name="status">The new status.</param>
    /// <returns>The copy.</returns>
    public ServiceInstance WithStatus(InstanceStatus status) => status == Status ? this : new(ServiceName, InstanceId, Scheme, Host, Port)
    {
        Zone = Zone,
        Weight = Weight,
        Status = status,
        Metadata = Metadata,
    };

    /// <inheritdoc />
    public bool Equals(ServiceInstance? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && string.Equals(ServiceName, other.ServiceName, StringComparison.OrdinalIgnoreCase)
            && string.Equals(InstanceId, other.InstanceId, StringComparison.Ordinal)
            && string.Equals(BaseAddress, other.BaseAddress, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Zone, other.Zone, StringComparison.Ordinal)
            && Weight == other.Weight
            && Status == other.Status
            && MetadataEquals(Metadata, other.Metadata);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ServiceInstance);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.OrdinalIgnoreCase.GetHashCode(ServiceName), InstanceId, StringComparer.OrdinalIgnoreCase.GetHashCode(BaseAddress), Status);

    /// <inheritdoc />
    public override string ToString() => $"{ServiceName}/{InstanceId} {BaseAddress} {Status}";

    private static bool MetadataEquals(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
