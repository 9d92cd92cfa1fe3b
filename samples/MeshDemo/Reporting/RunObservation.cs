namespace MeshDemo.Reporting;

/// <summary>What the mesh and the instances did during one run, beside what the load itself saw.</summary>
/// <param name="Retries">Retries made by the caller.</param>
/// <param name="Hedges">Hedged attempts sent by the caller.</param>
/// <param name="Ejections">Outlier ejections in the caller.</param>
/// <param name="FirstEjected">The instance ejected first, if any.</param>
/// <param name="FirstEjectionMs">Milliseconds from the start of the run to that ejection.</param>
/// <param name="ServerRequests">Requests the instances received.</param>
internal sealed record RunObservation(long Retries, long Hedges, long Ejections, string? FirstEjected, double? FirstEjectionMs, long ServerRequests);
