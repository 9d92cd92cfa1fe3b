namespace MeshClient.Http;

/// <summary>The outcome of one request this service served.</summary>
/// <param name="StatusCode">The response status code (500 when the pipeline threw).</param>
/// <param name="Duration">How long the request took to serve.</param>
/// <param name="Aborted">Whether the client went away before the response completed (says nothing about this service).</param>
public readonly record struct InboundRequestOutcome(int StatusCode, TimeSpan Duration, bool Aborted)
{
    /// <summary>Gets a value indicating whether the request failed on this service's side (a 5xx answer).</summary>
    public bool Failed => StatusCode >= 500;
}
