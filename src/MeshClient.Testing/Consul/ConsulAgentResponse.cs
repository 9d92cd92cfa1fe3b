using System.Text;

namespace MeshClient.Testing.Consul;

/// <summary>An answer of the in-process agent before faults apply; <see cref="Index"/> is sent as <c>X-Consul-Index</c> (blocking endpoints).</summary>
internal sealed record ConsulAgentResponse(int StatusCode, byte[]? Body = null, string? ContentType = null, ulong? Index = null)
{
    public static ConsulAgentResponse Ok() => new(200);

    public static ConsulAgentResponse Json(byte[] body, ulong? index = null) => new(200, body, "application/json", index);

    /// <summary>Consul's errors are <c>text/plain</c>.</summary>
    public static ConsulAgentResponse Text(int statusCode, string text) => new(statusCode, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
}
