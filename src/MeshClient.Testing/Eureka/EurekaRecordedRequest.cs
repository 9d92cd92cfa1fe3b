namespace MeshClient.Testing.Eureka;

/// <summary>A request the in-process Eureka server received, as recorded for assertions.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="BasePath">The base path it came through: <c>/eureka/</c> or <c>/eureka/v2/</c> (empty when neither).</param>
/// <param name="Path">The path relative to the base, for example <c>apps/FOO/id</c>, percent-decoded.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Accept">The <c>Accept</c> header.</param>
/// <param name="AcceptEncoding">The <c>Accept-Encoding</c> header.</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="Body">The body, as UTF-8 text.</param>
public sealed record EurekaRecordedRequest(
    string Method, string BasePath, string Path, string Query, string? Accept, string? AcceptEncoding, string? Authorization, string? ContentType, string Body);
