using System.Globalization;
using System.Text.Json;

namespace MeshClient.Testing.Eureka;

/// <summary>Writes JSON with the shapes of a Spring/Netflix server's Jackson codec (see the recorded fixtures).</summary>
internal static class EurekaServerJsonWriter
{
    public static byte[] Applications(IEnumerable<EurekaTestInstance> instances, long version, string hashcode, bool singleAsObject)
        => Write(w =>
        {
            w.WriteStartObject("applications");
            w.WriteString("versions__delta", Invariant(version));
            w.WriteString("apps__hashcode", hashcode);
            WriteList(w, "application", [.. instances.GroupBy(static i => i.App, StringComparer.Ordinal)], singleAsObject, (w, app) => Application(w, app.Key, [.. app], singleAsObject));
            w.WriteEndObject();
        });

    public static byte[] ApplicationRoot(string name, IReadOnlyList<EurekaTestInstance> instances, bool singleAsObject)
        => Write(w =>
        {
            w.WritePropertyName("application");
            Application(w, name, instances, singleAsObject);
        });

    public static byte[] InstanceRoot(EurekaTestInstance instance) => Write(w =>
    {
        w.WritePropertyName("instance");
        Instance(w, instance);
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Application(Utf8JsonWriter w, string name, IReadOnlyList<EurekaTestInstance> instances, bool singleAsObject)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        WriteList(w, "instance", instances, singleAsObject, Instance);
        w.WriteEndObject();
    }

    /// <summary>An array; or, in 1.1.x mode, a single element written as a bare object (the XStream-era encoder).</summary>
    private static void WriteList<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, bool singleAsObject, Action<Utf8JsonWriter, T> write)
    {
        w.WritePropertyName(name);
        if (singleAsObject && items.Count == 1)
        {
            write(w, items[0]);
            return;
        }

        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
    }

    private static void Instance(Utf8JsonWriter w, EurekaTestInstance i)
    {
        w.WriteStartObject();
        w.WriteString("instanceId", i.InstanceId);
        w.WriteString("hostName", i.HostName);
        w.WriteString("app", i.App);
        w.WriteString("ipAddr", i.IpAddr);
        w.WriteString("status", i.Status);
        w.WriteString("overriddenStatus", i.OverriddenStatus);
        Port(w, "port", i.Port, i.PortEnabled);
        Port(w, "securePort", i.SecurePort, i.SecurePortEnabled);
        w.WriteNumber("countryId", 1);
        w.WriteStartObject("dataCenterInfo");
        w.WriteString("@class", i.DataCenterClass);
        w.WriteString("name", i.DataCenterName);
        w.WriteEndObject();
        w.WriteStartObject("leaseInfo");
        w.WriteNumber("renewalIntervalInSecs", i.RenewalIntervalInSecs);
        w.WriteNumber("durationInSecs", i.DurationInSecs);
        w.WriteNumber("registrationTimestamp", i.RegistrationTimestamp);
        w.WriteNumber("lastRenewalTimestamp", i.LastRenewalTimestamp);
        w.WriteNumber("evictionTimestamp", 0);
        w.WriteNumber("serviceUpTimestamp", i.ServiceUpTimestamp);
        w.WriteEndObject();
        w.WriteStartObject("metadata");
        if (i.Metadata.Count == 0)
        {
            w.WriteString("@class", EurekaServerConstants.EmptyMapClass);
        }

        foreach (var (key, value) in i.Metadata)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        OptionalString(w, "homePageUrl", i.HomePageUrl);
        OptionalString(w, "statusPageUrl", i.StatusPageUrl);
        OptionalString(w, "healthCheckUrl", i.HealthCheckUrl);
        OptionalString(w, "vipAddress", i.VipAddress);
        OptionalString(w, "secureVipAddress", i.SecureVipAddress);
        w.WriteString("isCoordinatingDiscoveryServer", "false");
        w.WriteString("lastUpdatedTimestamp", Invariant(i.LastUpdatedTimestamp));
        w.WriteString("lastDirtyTimestamp", Invariant(i.LastDirtyTimestamp));
        w.WriteString("actionType", i.ActionType);
        w.WriteEndObject();
    }

    private static void Port(Utf8JsonWriter w, string name, int port, bool enabled)
    {
        w.WriteStartObject(name);
        w.WriteNumber("$", port);
        w.WriteString("@enabled", enabled ? "true" : "false");
        w.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
