using System.Text;

namespace MeshClient.Testing.Eureka;

/// <summary>An answer of the in-process Eureka server before faults and compression apply.</summary>
internal sealed record EurekaServerResponse(int StatusCode, byte[]? Body = null, string? ContentType = null)
{
    public static EurekaServerResponse Status(int statusCode) => new(statusCode);

    public static EurekaServerResponse Text(int statusCode, string text, string contentType) => new(statusCode, Encoding.UTF8.GetBytes(text), contentType);
}
