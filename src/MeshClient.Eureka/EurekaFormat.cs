namespace MeshClient.Eureka;

/// <summary>The representation exchanged with the Eureka server (<c>Mesh:Eureka:Format</c>).</summary>
public enum EurekaFormat
{
    /// <summary>JSON: every request sends <c>Accept: application/json</c> (the server answers XML otherwise).</summary>
    Json,

    /// <summary>XML, the server's default representation.</summary>
    Xml,
}
