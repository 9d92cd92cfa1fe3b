using MeshClient.Discovery;
using MeshClient.Events;

namespace MeshClient.Health;

/// <summary>
/// Whether each registry provider is reachable, from the results of its callers (one source per discovered service and
/// one for self-registration). A provider is unreachable when every source that reported last failed, and reachable
/// again when one succeeds, so two sources disagreeing (one service failing, another fine) never flap
/// <see cref="RegistryReachabilityChangedEvent"/>. The static and in-memory providers are never unreachable.
/// </summary>
internal sealed class RegistryReachability(IMeshEventStream events, TimeProvider time)
{
    public const string RegistrationSource = "registration";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Provider> _providers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets a value indicating whether the provider is reachable, as far as its callers know.</summary>
    public bool IsReachable(string provider)
    {
        lock (_gate)
        {
            return !_providers.TryGetValue(provider, out var state) || state.Reachable;
        }
    }

    public void Succeeded(string provider, string source) => Report(provider, source, null);

    public void Failed(string provider, string source, string reason) => Report(provider, source, reason.ReplaceLineEndings(" "));

    /// <summary>Drops a source that stopped calling (a service that left the cache), so its last result no longer counts.</summary>
    public void Forget(string source)
    {
        lock (_gate)
        {
            foreach (var (provider, state) in _providers)
            {
                if (state.Sources.Remove(source))
                {
                    Update(provider, state, state.LastReason);
                }
            }
        }
    }

    public static string DiscoverySource(string serviceName) => "discovery:" + serviceName;

    private void Report(string provider, string source, string? failure)
    {
        if (string.Equals(provider, DiscoveryConstants.StaticProvider, StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, DiscoveryConstants.InMemoryProvider, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        lock (_gate)
        {
            if (!_providers.TryGetValue(provider, out var state))
            {
                _providers[provider] = state = new Provider();
            }

            state.Sources[source] = failure is null;
            Update(provider, state, failure ?? state.LastReason);
        }
    }

    /// <summary>Publishes a transition, under the gate so that events keep their order.</summary>
    private void Update(string provider, Provider state, string? reason)
    {
        state.LastReason = reason;
        var reachable = state.Sources.Count == 0 || state.Sources.ContainsValue(true);
        if (reachable == state.Reachable)
        {
            return;
        }

        state.Reachable = reachable;
        events.Publish(new RegistryReachabilityChangedEvent(time.GetUtcNow(), provider, reachable, reachable ? null : reason));
    }

    private sealed class Provider
    {
        public Dictionary<string, bool> Sources { get; } = new(StringComparer.Ordinal);

        public bool Reachable { get; set; } = true;

        public string? LastReason { get; set; }
    }
}
