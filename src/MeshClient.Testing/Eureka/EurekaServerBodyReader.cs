using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace MeshClient.Testing.Eureka;

/// <summary>
/// Decodes a registration body (JSON or XML) as the server's codecs do: every form of A4 is accepted, but a port that is not
/// an object or a <c>dataCenterInfo</c> without <c>@class</c> does not decode (400 <c>cannot parse request body</c>).
/// </summary>
internal static class EurekaServerBodyReader
{
    public static EurekaTestInstance Read(byte[] body, string? contentType, bool springStrict)
    {
        var json = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? body.AsSpan().TrimStart(" \r\n\t"u8).StartsWith("{"u8);
        try
        {
            return json ? ReadJson(body, springStrict) : ReadXml(body);
        }
        catch (Exception ex) when (ex is JsonException or XmlException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw EurekaServerRejection.CannotParse(json);
        }
    }

    private static EurekaTestInstance ReadJson(byte[] body, bool springStrict)
    {
        using var document = JsonDocument.Parse(body);
        var e = document.RootElement.GetProperty("instance");
        var port = Port(e, "port", defaultEnabled: true, springStrict);
        var securePort = Port(e, "securePort", defaultEnabled: false, springStrict);
        var dataCenter = e.TryGetProperty("dataCenterInfo", out var dc) ? dc : (JsonElement?)null;
        if (dataCenter is { } d && !d.TryGetProperty("@class", out _))
        {
            throw new FormatException("dataCenterInfo needs @class");
        }

        var lease = e.TryGetProperty("leaseInfo", out var l) ? l : (JsonElement?)null;
        return Validate(new EurekaTestInstance
        {
            App = AppName(Text(e, "app")),
            InstanceId = Text(e, "instanceId") ?? Text(e, "hostName") ?? string.Empty,
            HostName = Text(e, "hostName") ?? string.Empty,
            IpAddr = Text(e, "ipAddr") ?? string.Empty,
            Status = EurekaServerConstants.NormalizeStatus(Text(e, "status") ?? EurekaServerConstants.Up),
            OverriddenStatus = EurekaServerConstants.NormalizeStatus(Text(e, "overriddenStatus") ?? Text(e, "overriddenstatus")),
            Port = port.Number ?? 7001,
            PortEnabled = port.Enabled,
            SecurePort = securePort.Number ?? 7002,
            SecurePortEnabled = securePort.Enabled,
            VipAddress = Text(e, "vipAddress"),
            SecureVipAddress = Text(e, "secureVipAddress"),
            HomePageUrl = Text(e, "homePageUrl"),
            StatusPageUrl = Text(e, "statusPageUrl"),
            HealthCheckUrl = Text(e, "healthCheckUrl"),
            DataCenterClass = dataCenter is { } c ? Text(c, "@class") ?? string.Empty : string.Empty,
            DataCenterName = dataCenter is { } n ? Text(n, "name") ?? string.Empty : string.Empty,
            Metadata = e.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
                ? m.EnumerateObject().Where(static p => p.Name != "@class").ToDictionary(static p => p.Name, static p => Text(p.Value) ?? string.Empty, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            RenewalIntervalInSecs = (int)(Long(lease, "renewalIntervalInSecs") ?? 30),
            DurationInSecs = (int)(Long(lease, "durationInSecs") ?? 90),
            LastDirtyTimestamp = Long(e, "lastDirtyTimestamp") ?? 0,
        }, dataCenter is null, springStrict);
    }

    private static EurekaTestInstance ReadXml(byte[] body)
    {
        using var stream = new MemoryStream(body);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var e = XDocument.Load(reader).Root is { Name.LocalName: "instance" } root ? root : throw new FormatException("no <instance> root");
        var dataCenter = e.Element("dataCenterInfo");
        var lease = e.Element("leaseInfo");
        return Validate(new EurekaTestInstance
        {
            App = AppName((string?)e.Element("app")),
            InstanceId = (string?)e.Element("instanceId") ?? (string?)e.Element("hostName") ?? string.Empty,
            HostName = (string?)e.Element("hostName") ?? string.Empty,
            IpAddr = (string?)e.Element("ipAddr") ?? string.Empty,
            Status = EurekaServerConstants.NormalizeStatus((string?)e.Element("status") ?? EurekaServerConstants.Up),
            OverriddenStatus = EurekaServerConstants.NormalizeStatus((string?)e.Element("overriddenstatus") ?? (string?)e.Element("overriddenStatus")),
            Port = (int?)e.Element("port") ?? 7001,
            PortEnabled = (string?)e.Element("port")?.Attribute("enabled") != "false",
            SecurePort = (int?)e.Element("securePort") ?? 7002,
            SecurePortEnabled = (string?)e.Element("securePort")?.Attribute("enabled") == "true",
            VipAddress = (string?)e.Element("vipAddress"),
            SecureVipAddress = (string?)e.Element("secureVipAddress"),
            HomePageUrl = (string?)e.Element("homePageUrl"),
            StatusPageUrl = (string?)e.Element("statusPageUrl"),
            HealthCheckUrl = (string?)e.Element("healthCheckUrl"),
            DataCenterClass = (string?)dataCenter?.Attribute("class") ?? string.Empty,
            DataCenterName = (string?)dataCenter?.Element("name") ?? string.Empty,
            Metadata = e.Element("metadata")?.Elements().ToDictionary(static x => XmlConvert.DecodeName(x.Name.LocalName), static x => x.Value, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
            RenewalIntervalInSecs = (int?)lease?.Element("renewalIntervalInSecs") ?? 30,
            DurationInSecs = (int?)lease?.Element("durationInSecs") ?? 90,
            LastDirtyTimestamp = (long?)e.Element("lastDirtyTimestamp") ?? 0,
        }, dataCenter is null, springStrict: false);
    }

    /// <summary>The checks of <c>ApplicationResource.addInstance</c>, with its exact messages (the app name check is done by the caller).</summary>
    private static EurekaTestInstance Validate(EurekaTestInstance i, bool missingDataCenter, bool springStrict)
    {
        var error = string.IsNullOrWhiteSpace(i.InstanceId) ? "Missing instanceId"
            : string.IsNullOrWhiteSpace(i.HostName) ? "Missing hostname"
            : string.IsNullOrWhiteSpace(i.IpAddr) ? "Missing ip address"
            : string.IsNullOrWhiteSpace(i.App) ? "Missing appName"
            : missingDataCenter ? "Missing dataCenterInfo"
            : string.IsNullOrWhiteSpace(i.DataCenterName) ? "Missing dataCenterInfo Name"
            : springStrict && string.IsNullOrWhiteSpace(i.StatusPageUrl) ? "Missing statusPageUrl"
            : null;
        return error is null ? i : throw EurekaServerRejection.BadRequest(error);
    }

    /// <summary>The codecs upper-case the name (<c>InstanceInfo.Builder.setAppName</c>), so <c>POST apps/jqservice</c> with <c>"app": "jqservice"</c> matches.</summary>
    private static string AppName(string? app) => app?.ToUpperInvariant() ?? string.Empty;

    private static (int? Number, bool Enabled) Port(JsonElement e, string name, bool defaultEnabled, bool springStrict)
    {
        if (!e.TryGetProperty(name, out var port) || port.ValueKind == JsonValueKind.Null)
        {
            return (null, defaultEnabled);
        }

        if (port.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException(name + " must be an object");
        }

        var enabled = port.TryGetProperty("@enabled", out var flag) ? flag : (JsonElement?)null;
        if (springStrict && enabled?.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            // Spring Cloud's XStream codec (SteeltoeOSS/Discovery#18).
            throw new EurekaServerRejection(500, "java.lang.Boolean cannot be cast to java.lang.String", "text/plain");
        }

        var number = port.TryGetProperty("$", out var n) ? Long(n) : null;
        var text = enabled is { } f ? Text(f) : null;
        return ((int?)number, text is null ? defaultEnabled : string.Equals(text, "true", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? Text(v) : null;

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static long? Long(JsonElement? e, string name) => e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? Long(v) : null;

    private static long? Long(JsonElement v) => long.TryParse(Text(v), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
