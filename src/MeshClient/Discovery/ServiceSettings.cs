using MeshClient.LoadBalancing;

namespace MeshClient.Discovery;

/// <summary>The effective balancing settings of one service: its own, else the global defaults.</summary>
internal sealed record ServiceSettings(ILoadBalancer LoadBalancer, LoadBalancingOptions Balancing, ZonePreferenceOptions ZonePreference);
