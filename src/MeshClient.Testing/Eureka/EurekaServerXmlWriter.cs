using System.Globalization;
using System.Text;
using System.Xml;

namespace MeshClient.Testing.Eureka;

/// <summary>Writes XML with the shapes of the server's XStream converters (see <c>apps-full-2apps-4instances.xml</c>).</summary>
internal static class EurekaServerXmlWriter
{
    public static byte[] Applications(IEnumerable<EurekaTestInstance> instances, long version, string hashcode) => Write(w =>
    {
        w.WriteStartElement("applications");
        w.WriteElementString("versions__delta", Invariant(version));
        w.WriteElementString("apps__hashcode", hashcode);
        foreach (var app in instances.GroupBy(static i => i.App, StringComparer.Ordinal))
        {
            Application(w, app.Key, [.. app]);
        }

        w.WriteEndElement();
    });

    public static byte[] ApplicationRoot(string name, IReadOnlyList<EurekaTestInstance> instances) => Write(w => Application(w, name, instances));

    public static byte[] InstanceRoot(EurekaTestInstance instance) => Write(w => Instance(w, instance));

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            body(w);
        }

        return buffer.ToArray();
    }

    private static void Application(XmlWriter w, string name, IReadOnlyList<EurekaTestInstance> instances)
    {
        w.WriteStartElement("application");
        w.WriteElementString("name", name);
        foreach (var instance in instances)
        {
            Instance(w, instance);
        }

        w.WriteEndElement();
    }

    private static void Instance(XmlWriter w, EurekaTestInstance i)
    {
        w.WriteStartElement("instance");
        w.WriteElementString("instanceId", i.InstanceId);
        w.WriteElementString("hostName", i.HostName);
        w.WriteElementString("app", i.App);
        w.WriteElementString("ipAddr", i.IpAddr);
        w.WriteElementString("status", i.Status);
        w.WriteElementString("overriddenstatus", i.OverriddenStatus);
        Port(w, "port", i.Port, i.PortEnabled);
        Port(w, "securePort", i.SecurePort, i.SecurePortEnabled);
        w.WriteElementString("countryId", "1");
        w.WriteStartElement("dataCenterInfo");
        w.WriteAttributeString("class", i.DataCenterClass);
        w.WriteElementString("name", i.DataCenterName);
        w.WriteEndElement();
        w.WriteStartElement("leaseInfo");
        w.WriteElementString("renewalIntervalInSecs", Invariant(i.RenewalIntervalInSecs));
        w.WriteElementString("durationInSecs", Invariant(i.DurationInSecs));
        w.WriteElementString("registrationTimestamp", Invariant(i.RegistrationTimestamp));
        w.WriteElementString("lastRenewalTimestamp", Invariant(i.LastRenewalTimestamp));
        w.WriteElementString("evictionTimestamp", "0");
        w.WriteElementString("serviceUpTimestamp", Invariant(i.ServiceUpTimestamp));
        w.WriteEndElement();
        w.WriteStartElement("metadata");
        if (i.Metadata.Count == 0)
        {
            w.WriteAttributeString("class", EurekaServerConstants.EmptyMapClass);
        }

        foreach (var (key, value) in i.Metadata)
        {
            w.WriteElementString(XmlConvert.EncodeLocalName(key), value);
        }

        w.WriteEndElement();
        Optional(w, "homePageUrl", i.HomePageUrl);
        Optional(w, "statusPageUrl", i.StatusPageUrl);
        Optional(w, "healthCheckUrl", i.HealthCheckUrl);
        Optional(w, "vipAddress", i.VipAddress);
        Optional(w, "secureVipAddress", i.SecureVipAddress);
        w.WriteElementString("isCoordinatingDiscoveryServer", "false");
        w.WriteElementString("lastUpdatedTimestamp", Invariant(i.LastUpdatedTimestamp));
        w.WriteElementString("lastDirtyTimestamp", Invariant(i.LastDirtyTimestamp));
        w.WriteElementString("actionType", i.ActionType);
        w.WriteEndElement();
    }

    private static void Port(XmlWriter w, string name, int port, bool enabled)
    {
        w.WriteStartElement(name);
        w.WriteAttributeString("enabled", enabled ? "true" : "false");
        w.WriteString(Invariant(port));
        w.WriteEndElement();
    }

    private static void Optional(XmlWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteElementString(name, value);
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
