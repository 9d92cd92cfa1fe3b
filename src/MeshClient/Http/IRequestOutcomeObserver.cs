namespace MeshClient.Http;

/// <summary>
/// Receives the outcome of every request the mesh handler sends (health, outlier detection, anomaly feeds).
/// Register implementations in DI; they run on the request path, so they must not block, lock or allocate much.
/// An observer that throws fails neither the request nor the observers after it; its failure is logged once per observer
/// type for each mesh handler the client factory creates (not on every request).
/// </summary>
public interface IRequestOutcomeObserver
{
    /// <summary>Called once per request, after it completed or failed.</summary>
    /// <param name="outcome">The outcome.</param>
    void OnRequestCompleted(in RequestOutcome outcome);
}
