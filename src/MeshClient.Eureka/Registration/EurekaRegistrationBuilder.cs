using System.Net;
using MeshClient.Eureka.Wire;
using MeshClient.Registration;

namespace MeshClient.Eureka.Registration;

/// <summary>Builds this instance's Eureka record from the backend-neutral registration and <c>Mesh:Eureka:Instance</c>.</summary>
internal static class EurekaRegistrationBuilder
{
    public static EurekaInstance Build(ServiceRegistration registration, EurekaInstanceOptions o, long lastDirtyTimestamp)
    {
        var instance = registration.Instance;
        var secure = string.Equals(instance.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
        var hostName = o.HostName ?? instance.Host;
        var ipAddr = o.IpAddress ?? (IPAddress.TryParse(instance.Host, out _) ? instance.Host : hostName);
        var baseUrl = instance.BaseAddress;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in instance.Metadata)
        {
            metadata[key] = value;
        }

        foreach (var tag in registration.Tags)
        {
            metadata.TryAdd(tag, string.Empty);
        }

        foreach (var (key, value) in o.Metadata)
        {
            metadata[key] = value;
        }

        if (instance.Zone is { } zone)
        {
            metadata.TryAdd(EurekaConstants.ZoneMetadataKey, zone);
        }

        return new EurekaInstance
        {
            InstanceId = instance.InstanceId,
            App = AppName(registration, o),
            HostName = hostName,
            IpAddr = ipAddr,
            Status = EurekaStatus.FromInstanceStatus(instance.Status),
            Port = o.NonSecurePort ?? (secure ? 80 : instance.Port),
            PortEnabled = o.NonSecurePortEnabled ?? !secure,
            SecurePort = o.SecurePort ?? (secure ? instance.Port : 443),
            SecurePortEnabled = o.SecurePortEnabled ?? secure,
            VipAddress = o.VipAddress ?? instance.ServiceName,
            SecureVipAddress = o.SecureVipAddress ?? instance.ServiceName,
            HomePageUrl = o.HomePageUrl ?? baseUrl + "/",
            StatusPageUrl = o.StatusPageUrl ?? baseUrl + "/info",
            HealthCheckUrl = o.HealthCheckUrl ?? baseUrl + "/health",
            DataCenterClass = EurekaConstants.DefaultDataCenterClass,
            DataCenterName = o.DataCenterName,
            Metadata = metadata,
            LastUpdatedTimestamp = lastDirtyTimestamp,
            LastDirtyTimestamp = lastDirtyTimestamp,
            ActionType = "ADDED",
        };
    }

    /// <summary>The application name, upper case as the server stores it (a mismatch with the path is a 400).</summary>
    public static string AppName(ServiceRegistration registration, EurekaInstanceOptions o)
        => (o.AppName ?? registration.Instance.ServiceName).ToUpperInvariant();
}
