namespace MeshClient.Eureka;

internal static class EurekaConstants
{
    public const string ProviderName = "Eureka";

    public const string SectionName = "Eureka";

    public const string ConfigurationKey = "Mesh:Eureka";

    public const string HttpClientName = "MeshClient.Eureka";

    public const string HealthCheckName = "eureka";

    public const string DefaultDataCenterClass = "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo";

    public const string AmazonDataCenterClass = "com.netflix.appinfo.AmazonInfo";

    public const string EmptyMetadataClass = "java.util.Collections$EmptyMap";

    public const string ZoneMetadataKey = "zone";

    public const string JsonMediaType = "application/json";

    public const string XmlMediaType = "application/xml";

    /// <summary>Eureka's default non-secure port when a payload omits it (<c>InstanceInfo.DEFAULT_PORT</c>).</summary>
    public const int DefaultPort = 7001;

    /// <summary>Eureka's default secure port when a payload omits it (<c>InstanceInfo.DEFAULT_SECURE_PORT</c>).</summary>
    public const int DefaultSecurePort = 7002;
}
