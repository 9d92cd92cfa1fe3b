using System.Net;
using System.Text;

namespace MeshClient.Consul.Http;

/// <summary>An answer of the agent: status, body, the <c>X-Consul-Index</c> header (when present) and which agent served it.</summary>
internal sealed record ConsulResponse(HttpStatusCode StatusCode, byte[] Body, ulong? Index, ConsulAgentAddress ServedBy)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    /// <summary>Gets the body as text, cut to 200 characters (Consul's errors are short <c>text/plain</c> lines).</summary>
    public string Excerpt()
    {
        var text = Encoding.UTF8.GetString(Body).Trim();
        return text.Length > 200 ? text[..200] : text;
    }

    /// <summary>Builds the exception for an unexpected answer, naming the request, the agent and the body excerpt.</summary>
    public ConsulRequestException Unexpected(ConsulRequest request)
    {
        var excerpt = Excerpt();
        return new ConsulRequestException(
            $"{request.Describe()} to {ServedBy.Display} answered HTTP {(int)StatusCode}{(excerpt.Length == 0 ? string.Empty : ": " + excerpt)}", StatusCode);
    }
}
