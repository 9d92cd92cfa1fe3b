namespace MeshClient.Testing.Eureka;

/// <summary>A request the in-process server refuses the way a real one does (status code and body).</summary>
internal sealed class EurekaServerRejection(int statusCode, string body, string contentType) : Exception(body)
{
    public int StatusCode { get; } = statusCode;

    public string Body { get; } = body;

    public string ContentType { get; } = contentType;

    /// <summary>The 400 a Netflix server answers when the body does not decode (<c>DiscoveryJerseyProvider.createErrorReply</c>).</summary>
    public static EurekaServerRejection CannotParse(bool json) => json
        ? new(400, "{\"error\": \"cannot parse request body\"}", "application/json")
        : new(400, "<error><message>cannot parse request body</message></error>", "application/xml");

    public static EurekaServerRejection BadRequest(string text) => new(400, text, "text/plain");
}
