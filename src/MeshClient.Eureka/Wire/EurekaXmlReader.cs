using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MeshClient.Eureka.Wire;

/// <summary>Reads Eureka XML as the server's XStream converters write it (<c>&lt;port enabled="true"&gt;</c>, repeated elements).</summary>
internal static class EurekaXmlReader
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static EurekaApplications ReadApplications(ReadOnlyMemory<byte> body)
    {
        var root = Parse(body, "applications");
        return new EurekaApplications(
            Long(root.Element("versions__delta"), -1),
            root.Element("apps__hashcode")?.Value.Trim() ?? string.Empty,
            [.. root.Elements("application").Select(ReadApplication)]);
    }

    public static EurekaApplication ReadApplicationRoot(ReadOnlyMemory<byte> body) => ReadApplication(Parse(body, "application"));

    public static EurekaInstance ReadInstanceRoot(ReadOnlyMemory<byte> body) => ReadInstance(Parse(body, "instance"));

    private static XElement Parse(ReadOnlyMemory<byte> body, string rootName)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new EurekaFormatException($"malformed XML ({ex.Message})", ex);
        }

        var root = document.Root;
        return root is not null && root.Name.LocalName == rootName
            ? root
            : throw new EurekaFormatException($"the XML has no '{rootName}' root.");
    }

    private static EurekaApplication ReadApplication(XElement app)
        => new(Text(app.Element("name")), [.. app.Elements("instance").Select(ReadInstance)]);

    private static EurekaInstance ReadInstance(XElement e)
    {
        var port = e.Element("port");
        var securePort = e.Element("securePort");
        var dataCenter = e.Element("dataCenterInfo");
        return new EurekaInstance
        {
            InstanceId = Text(e.Element("instanceId")),
            App = Text(e.Element("app"))?.ToUpperInvariant(),
            HostName = Text(e.Element("hostName")),
            IpAddr = Text(e.Element("ipAddr")),
            Status = EurekaStatus.Normalize(Text(e.Element("status"))),
            OverriddenStatus = EurekaStatus.Normalize(Text(e.Element("overriddenstatus") ?? e.Element("overriddenStatus"))),
            Port = (int)Math.Clamp(Long(port, EurekaConstants.DefaultPort), 0, 65535),
            PortEnabled = !string.Equals((string?)port?.Attribute("enabled"), "false", StringComparison.OrdinalIgnoreCase),
            SecurePort = (int)Math.Clamp(Long(securePort, EurekaConstants.DefaultSecurePort), 0, 65535),
            SecurePortEnabled = string.Equals((string?)securePort?.Attribute("enabled"), "true", StringComparison.OrdinalIgnoreCase),
            VipAddress = Text(e.Element("vipAddress")),
            SecureVipAddress = Text(e.Element("secureVipAddress")),
            HomePageUrl = Text(e.Element("homePageUrl")),
            StatusPageUrl = Text(e.Element("statusPageUrl")),
            HealthCheckUrl = Text(e.Element("healthCheckUrl")),
            DataCenterClass = (string?)dataCenter?.Attribute("class"),
            DataCenterName = Text(dataCenter?.Element("name")),
            DataCenterMetadata = Map(dataCenter?.Element("metadata")),
            Metadata = Map(e.Element("metadata")),
            LastUpdatedTimestamp = Long(e.Element("lastUpdatedTimestamp"), 0),
            LastDirtyTimestamp = Long(e.Element("lastDirtyTimestamp"), 0),
            ActionType = Text(e.Element("actionType"))?.ToUpperInvariant(),
        };
    }

    private static string? Text(XElement? element) => element is null || element.IsEmpty ? null : element.Value.Trim();

    private static long Long(XElement? element, long fallback)
        => long.TryParse(Text(element), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>Element names are the keys (<c>&lt;management.port&gt;</c>); the <c>class</c> attribute of an empty map is ignored.</summary>
    private static IReadOnlyDictionary<string, string> Map(XElement? element)
    {
        if (element is null || !element.HasElements)
        {
            return EurekaInstance.EmptyMetadata;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            map[child.Name.LocalName] = child.Value;
        }

        return map;
    }
}
