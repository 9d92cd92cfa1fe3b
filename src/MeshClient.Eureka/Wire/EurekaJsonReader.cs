using System.Text.Json;
using static MeshClient.Eureka.Wire.JsonValues;

namespace MeshClient.Eureka.Wire;

/// <summary>Reads Eureka JSON as every known server writes it (Jackson codec, XStream-era 1.1.x, hand-written shapes).</summary>
internal static class EurekaJsonReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, MaxDepth = 64 };

    public static EurekaApplications ReadApplications(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        var root = Property(document.RootElement, "applications") ?? throw new EurekaFormatException("the JSON has no 'applications' root.");
        var applications = Items(Property(root, "application")).Select(ReadApplication).ToArray();
        return new EurekaApplications(Long(Property(root, "versions__delta"), -1), Text(Property(root, "apps__hashcode")) ?? string.Empty, applications);
    }

    public static EurekaApplication ReadApplicationRoot(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        return ReadApplication(Property(document.RootElement, "application") ?? throw new EurekaFormatException("the JSON has no 'application' root."));
    }

    public static EurekaInstance ReadInstanceRoot(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        return ReadInstance(Property(document.RootElement, "instance") ?? throw new EurekaFormatException("the JSON has no 'instance' root."));
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new EurekaFormatException($"malformed JSON ({ex.Message})", ex);
        }
    }

    private static EurekaApplication ReadApplication(JsonElement app)
        => new(Text(Property(app, "name")), Items(Property(app, "instance")).Select(ReadInstance).ToArray());

    private static EurekaInstance ReadInstance(JsonElement e)
    {
        var port = Property(e, "port");
        var securePort = Property(e, "securePort");
        var dataCenter = Property(e, "dataCenterInfo");
        return new EurekaInstance
        {
            InstanceId = Text(Property(e, "instanceId")),
            App = Text(Property(e, "app"))?.ToUpperInvariant(),
            HostName = Text(Property(e, "hostName")),
            IpAddr = Text(Property(e, "ipAddr")),
            Status = EurekaStatus.Normalize(Text(Property(e, "status"))),
            OverriddenStatus = EurekaStatus.Normalize(Text(Property(e, "overriddenStatus") ?? Property(e, "overriddenstatus"))),
            Port = PortNumber(port, EurekaConstants.DefaultPort),
            PortEnabled = PortEnabled(port, fallback: true),
            SecurePort = PortNumber(securePort, EurekaConstants.DefaultSecurePort),
            SecurePortEnabled = PortEnabled(securePort, fallback: false),
            VipAddress = Text(Property(e, "vipAddress")),
            SecureVipAddress = Text(Property(e, "secureVipAddress")),
            HomePageUrl = Text(Property(e, "homePageUrl")),
            StatusPageUrl = Text(Property(e, "statusPageUrl")),
            HealthCheckUrl = Text(Property(e, "healthCheckUrl")),
            DataCenterClass = dataCenter is { } d ? Text(Property(d, "@class")) : null,
            DataCenterName = dataCenter is { } n ? Text(Property(n, "name")) : null,
            DataCenterMetadata = dataCenter is { } m ? Map(Property(m, "metadata")) : EurekaInstance.EmptyMetadata,
            Metadata = Map(Property(e, "metadata")),
            LastUpdatedTimestamp = Long(Property(e, "lastUpdatedTimestamp"), 0),
            LastDirtyTimestamp = Long(Property(e, "lastDirtyTimestamp"), 0),
            ActionType = Text(Property(e, "actionType"))?.ToUpperInvariant(),
        };
    }

    /// <summary>Reads <c>{"$": 8080}</c>, <c>{"$": "8080"}</c>, or a bare number or string.</summary>
    private static int PortNumber(JsonElement? port, int fallback)
    {
        var value = port is { ValueKind: JsonValueKind.Object } obj ? Property(obj, "$") : port;
        var n = Long(value, fallback);
        return n is >= 0 and <= 65535 ? (int)n : fallback;
    }

    /// <summary>Reads <c>"@enabled"</c> as a string or a boolean; absent means enabled for port, disabled for securePort.</summary>
    private static bool PortEnabled(JsonElement? port, bool fallback)
        => port is { ValueKind: JsonValueKind.Object } obj ? Bool(Property(obj, "@enabled"), fallback) : fallback;
}
