using System.Net;

namespace MeshClient.Benchmarks;

/// <summary>
/// The in-memory end of every pipeline: returns one cached 200 response whose disposal does nothing, so a request costs
/// the same at the end of every pipeline and all that differs between cases is the handlers in front of it.
/// </summary>
internal sealed class TerminalHandler : HttpMessageHandler
{
    private static readonly Task<HttpResponseMessage> Ok = Task.FromResult<HttpResponseMessage>(new CachedResponse());

    /// <summary>Gets the address of the last request, to check in setup that the pipeline resolved the service.</summary>
    public Uri? LastRequestUri { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequestUri = request.RequestUri;
        return Ok;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequestUri = request.RequestUri;
        return Ok.Result;
    }

    private sealed class CachedResponse : HttpResponseMessage
    {
        public CachedResponse()
            : base(HttpStatusCode.OK)
        {
        }

#pragma warning disable CA2215 // Shared by every request: disposing it would break the next one.
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}
