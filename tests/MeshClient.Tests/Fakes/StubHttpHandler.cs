using System.Collections.Concurrent;
using System.Net;

namespace MeshClient.Tests.Fakes;

/// <summary>The terminal handler of test clients: records request URIs and answers as programmed (200 by default).</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond =
        static (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    public ConcurrentQueue<Uri> Requests { get; } = new();

    public void Respond(HttpStatusCode status) => Respond((_, _) => Task.FromResult(new HttpResponseMessage(status)));

    public void Throw(Exception exception) => Respond((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public void Respond(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => Volatile.Write(ref _respond, respond);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.RequestUri!);
        return Volatile.Read(ref _respond)(request, cancellationToken);
    }
}
