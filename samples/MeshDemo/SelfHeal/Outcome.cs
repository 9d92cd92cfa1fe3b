namespace MeshDemo.SelfHeal;

/// <summary>One request of the self-heal load, as the caller saw it.</summary>
/// <param name="At">When it completed.</param>
/// <param name="Succeeded">Whether it got a 2xx answer.</param>
/// <param name="Instance">The instance that answered, if one did.</param>
/// <param name="LatencyMs">How long it took, retries included.</param>
internal readonly record struct Outcome(DateTimeOffset At, bool Succeeded, string? Instance, double LatencyMs);
