namespace MeshClient.Testing.Consul;

/// <summary>A service registered on the in-process agent, with its checks, as tests inspect it.</summary>
/// <param name="Id">The service id.</param>
/// <param name="Name">The service name.</param>
/// <param name="Address">The address (empty: the node's).</param>
/// <param name="Port">The port.</param>
/// <param name="Tags">The tags.</param>
/// <param name="Meta">The meta.</param>
/// <param name="PassingWeight">The passing weight.</param>
/// <param name="WarningWeight">The warning weight.</param>
/// <param name="Checks">The checks of the service: id, type (<c>ttl</c>, <c>http</c>, <c>maintenance</c>), status, output, notes, TTL, HTTP URL and interval, <c>DeregisterCriticalServiceAfter</c>.</param>
public sealed record ConsulTestService(
    string Id, string Name, string Address, int Port, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Meta,
    int PassingWeight, int WarningWeight, IReadOnlyList<ConsulTestCheck> Checks)
{
    internal static ConsulTestService From(ConsulAgentServiceRecord s, IEnumerable<ConsulAgentCheckRecord> checks) => new(
        s.Id, s.Name, s.Address, s.Port, s.Tags, s.Meta, s.WeightPassing, s.WeightWarning,
        [.. checks.Where(c => c.ServiceId == s.Id).Select(static c => new ConsulTestCheck(c.Id, c.Type, c.Status, c.Output, c.Notes, c.Ttl, c.Http, c.Interval, c.DeregisterAfter))]);
}
