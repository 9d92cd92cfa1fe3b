namespace MeshClient.Http;

/// <summary>
/// Receives the outcome of every request this service serves (the ASP.NET Core package's inbound middleware calls it),
/// so that an instance can watch its own traffic. Runs on the request path: it must not block, lock or allocate much.
/// </summary>
public interface IInboundRequestObserver
{
    /// <summary>Called once per served request, after the response completed or the request failed.</summary>
    /// <param name="outcome">The outcome.</param>
    void OnInboundRequestCompleted(in InboundRequestOutcome outcome);
}
