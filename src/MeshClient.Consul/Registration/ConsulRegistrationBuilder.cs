using MeshClient.Consul.Wire;
using MeshClient.Registration;

namespace MeshClient.Consul.Registration;

/// <summary>Builds the body of <c>PUT /v1/agent/service/register</c> from the backend-neutral registration and <c>Mesh:Consul</c>.</summary>
internal static class ConsulRegistrationBuilder
{
    /// <summary>The id of the registered check: set explicitly, so it never depends on Consul's <c>service:{id}:{n}</c> numbering.</summary>
    public static string CheckId(ServiceRegistration registration) => "service:" + registration.Instance.InstanceId;

    public static ConsulServiceDefinition Build(ServiceRegistration registration, ConsulOptions o)
    {
        var instance = registration.Instance;
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in instance.Metadata)
        {
            meta[key] = value;
        }

        if (instance.Zone is { } zone)
        {
            meta.TryAdd(ConsulConstants.ZoneMetaKey, zone);
        }

        if (instance.Scheme == Uri.UriSchemeHttps)
        {
            meta.TryAdd(ConsulConstants.SchemeMetaKey, Uri.UriSchemeHttps);
        }

        return new ConsulServiceDefinition
        {
            Id = instance.InstanceId,
            Name = instance.ServiceName,
            Tags = registration.Tags.Count == 0 ? null : registration.Tags,
            Address = instance.Host,
            Port = instance.Port,
            Meta = meta.Count == 0 ? null : meta,

            // Both weights, always: a body with only Passing makes Warning 0.
            Weights = new ConsulWeights { Passing = o.Weights.Passing ?? instance.Weight, Warning = o.Weights.Warning },
            Check = Check(registration, o),
        };
    }

    private static ConsulCheckDefinition? Check(ServiceRegistration registration, ConsulOptions o)
    {
        var c = o.Check;
        var deregister = c.DeregisterCriticalServiceAfter is { } after
            ? GoDuration.Format(after < ConsulConstants.MinDeregisterCriticalServiceAfter ? ConsulConstants.MinDeregisterCriticalServiceAfter : after)
            : null;
        var name = $"Service '{registration.Instance.ServiceName}' check";
        return c.Mode switch
        {
            ConsulCheckMode.Ttl => new ConsulCheckDefinition
            {
                CheckId = CheckId(registration),
                Name = name,
                Ttl = GoDuration.Format(c.Ttl ?? registration.LeaseDuration),
                Status = ConsulCheckStatus.From(registration.Instance.Status),
                Notes = "TTL pushed by MeshClient every " + GoDuration.Format(registration.RenewInterval),
                DeregisterCriticalServiceAfter = deregister,
            },
            ConsulCheckMode.Http => new ConsulCheckDefinition
            {
                CheckId = CheckId(registration),
                Name = name,
                Http = HttpUrl(registration, c.HttpPath),
                Method = "GET",
                Interval = GoDuration.Format(c.Interval),
                Timeout = GoDuration.Format(c.Timeout),
                DeregisterCriticalServiceAfter = deregister,
            },
            _ => null,
        };
    }

    private static string HttpUrl(ServiceRegistration registration, string path)
        => Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsoluteUri
            : registration.Instance.BaseAddress + "/" + path.TrimStart('/');
}
