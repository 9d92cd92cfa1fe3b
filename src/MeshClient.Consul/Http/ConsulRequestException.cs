using System.Net;

namespace MeshClient.Consul.Http;

/// <summary>A call to the Consul agent failed; the message names the request, the agent (redacted) and the reason, never the token.</summary>
internal sealed class ConsulRequestException : Exception
{
    public ConsulRequestException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public ConsulRequestException()
    {
    }

    public ConsulRequestException(string message)
        : base(message)
    {
    }

    public ConsulRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the HTTP status the agent answered, or <see langword="null"/> when it did not answer.</summary>
    public HttpStatusCode? StatusCode { get; }
}
