namespace MeshClient.Consul.Http;

/// <summary>One request to the agent's HTTP API (<c>v1/agent/service/register</c>), with its own timeout.</summary>
internal sealed record ConsulRequest(HttpMethod Method, string PathAndQuery, TimeSpan Timeout, byte[]? Body = null)
{
    /// <summary>Gets a short description for logs, for example <c>PUT v1/agent/check/update/service:x</c> (no query).</summary>
    public string Describe()
    {
        var query = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return Method.Method + " " + (query < 0 ? PathAndQuery : PathAndQuery[..query]);
    }
}
