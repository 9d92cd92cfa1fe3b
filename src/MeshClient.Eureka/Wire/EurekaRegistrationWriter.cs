using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace MeshClient.Eureka.Wire;

/// <summary>
/// Writes the registration body as Netflix 1.x-2.x and Spring servers accept it: ports as <c>{"$": n, "@enabled": "true"}</c>
/// with string flags, <c>dataCenterInfo</c> with <c>@class</c>, <c>statusPageUrl</c> always set, timestamps as strings.
/// </summary>
internal static class EurekaRegistrationWriter
{
    public static byte[] WriteJson(EurekaInstance instance, EurekaLease lease)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("instance");
            w.WriteString("instanceId", instance.InstanceId);
            w.WriteString("hostName", instance.HostName);
            w.WriteString("app", instance.App);
            w.WriteString("ipAddr", instance.IpAddr);
            w.WriteString("status", instance.Status);
            w.WriteString("overriddenstatus", EurekaStatus.Unknown);
            WritePort(w, "port", instance.Port, instance.PortEnabled);
            WritePort(w, "securePort", instance.SecurePort, instance.SecurePortEnabled);
            w.WriteNumber("countryId", 1);
            w.WriteStartObject("dataCenterInfo");
            w.WriteString("@class", instance.DataCenterClass ?? EurekaConstants.DefaultDataCenterClass);
            w.WriteString("name", instance.DataCenterName);
            w.WriteEndObject();
            w.WriteStartObject("leaseInfo");
            w.WriteNumber("renewalIntervalInSecs", lease.RenewalIntervalInSecs);
            w.WriteNumber("durationInSecs", lease.DurationInSecs);
            w.WriteEndObject();
            w.WriteStartObject("metadata");
            if (instance.Metadata.Count == 0)
            {
                w.WriteString("@class", EurekaConstants.EmptyMetadataClass);
            }

            foreach (var (key, value) in instance.Metadata)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteString("homePageUrl", instance.HomePageUrl);
            w.WriteString("statusPageUrl", instance.StatusPageUrl);
            w.WriteString("healthCheckUrl", instance.HealthCheckUrl);
            w.WriteString("vipAddress", instance.VipAddress);
            w.WriteString("secureVipAddress", instance.SecureVipAddress);
            w.WriteString("isCoordinatingDiscoveryServer", "false");
            w.WriteString("lastUpdatedTimestamp", Invariant(instance.LastUpdatedTimestamp));
            w.WriteString("lastDirtyTimestamp", Invariant(instance.LastDirtyTimestamp));
            w.WriteString("actionType", "ADDED");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] WriteXml(EurekaInstance instance, EurekaLease lease)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, settings))
        {
            w.WriteStartElement("instance");
            w.WriteElementString("instanceId", instance.InstanceId);
            w.WriteElementString("hostName", instance.HostName);
            w.WriteElementString("app", instance.App);
            w.WriteElementString("ipAddr", instance.IpAddr);
            w.WriteElementString("status", instance.Status);
            w.WriteElementString("overriddenstatus", EurekaStatus.Unknown);
            WritePort(w, "port", instance.Port, instance.PortEnabled);
            WritePort(w, "securePort", instance.SecurePort, instance.SecurePortEnabled);
            w.WriteElementString("countryId", "1");
            w.WriteStartElement("dataCenterInfo");
            w.WriteAttributeString("class", instance.DataCenterClass ?? EurekaConstants.DefaultDataCenterClass);
            w.WriteElementString("name", instance.DataCenterName);
            w.WriteEndElement();
            w.WriteStartElement("leaseInfo");
            w.WriteElementString("renewalIntervalInSecs", Invariant(lease.RenewalIntervalInSecs));
            w.WriteElementString("durationInSecs", Invariant(lease.DurationInSecs));
            w.WriteEndElement();
            w.WriteStartElement("metadata");
            if (instance.Metadata.Count == 0)
            {
                w.WriteAttributeString("class", EurekaConstants.EmptyMetadataClass);
            }

            foreach (var (key, value) in instance.Metadata)
            {
                w.WriteElementString(XmlConvert.EncodeLocalName(key), value);
            }

            w.WriteEndElement();
            w.WriteElementString("homePageUrl", instance.HomePageUrl);
            w.WriteElementString("statusPageUrl", instance.StatusPageUrl);
            w.WriteElementString("healthCheckUrl", instance.HealthCheckUrl);
            w.WriteElementString("vipAddress", instance.VipAddress);
            w.WriteElementString("secureVipAddress", instance.SecureVipAddress);
            w.WriteElementString("isCoordinatingDiscoveryServer", "false");
            w.WriteElementString("lastUpdatedTimestamp", Invariant(instance.LastUpdatedTimestamp));
            w.WriteElementString("lastDirtyTimestamp", Invariant(instance.LastDirtyTimestamp));
            w.WriteElementString("actionType", "ADDED");
            w.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void WritePort(Utf8JsonWriter w, string name, int port, bool enabled)
    {
        w.WriteStartObject(name);
        w.WriteNumber("$", port);
        w.WriteString("@enabled", enabled ? "true" : "false");
        w.WriteEndObject();
    }

    private static void WritePort(XmlWriter w, string name, int port, bool enabled)
    {
        w.WriteStartElement(name);
        w.WriteAttributeString("enabled", enabled ? "true" : "false");
        w.WriteString(Invariant(port));
        w.WriteEndElement();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
