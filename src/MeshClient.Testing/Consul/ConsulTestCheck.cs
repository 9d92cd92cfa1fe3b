namespace MeshClient.Testing.Consul;

/// <summary>A check on the in-process agent, as tests inspect it.</summary>
/// <param name="Id">The check id.</param>
/// <param name="Type"><c>ttl</c>, <c>http</c>, <c>maintenance</c> or empty.</param>
/// <param name="Status"><c>passing</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="Output">The last output.</param>
/// <param name="Notes">The notes (the reason, for maintenance).</param>
/// <param name="Ttl">The TTL of a TTL check.</param>
/// <param name="Http">The URL of an HTTP check.</param>
/// <param name="Interval">The interval of an HTTP check.</param>
/// <param name="DeregisterCriticalServiceAfter">The reaping delay (at least 1 min), if any.</param>
public sealed record ConsulTestCheck(
    string Id, string Type, string Status, string Output, string Notes, TimeSpan? Ttl, string? Http, TimeSpan Interval, TimeSpan? DeregisterCriticalServiceAfter);
