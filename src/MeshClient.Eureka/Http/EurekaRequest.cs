namespace MeshClient.Eureka.Http;

/// <summary>One request to the Eureka REST API, relative to the service URL (<c>apps/FOO</c>), sent to each URL in turn.</summary>
internal sealed record EurekaRequest(HttpMethod Method, string Path, byte[]? Body = null, string? ContentType = null)
{
    /// <summary>Gets a short description for logs, for example <c>PUT apps/FOO/id</c> (no query, no credentials).</summary>
    public string Describe()
    {
        var query = Path.IndexOf('?', StringComparison.Ordinal);
        return Method.Method + " " + (query < 0 ? Path : Path[..query]);
    }
}
