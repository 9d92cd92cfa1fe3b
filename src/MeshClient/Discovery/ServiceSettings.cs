using MeshClient.Health;
using MeshClient.LoadBalancing;
using MeshClient.Resilience;

namespace MeshClient.Discovery;

/// <summary>The effective balancing settings of one service: its own, else the global defaults.</summary>
internal sealed record ServiceSettings(
    ILoadBalancer LoadBalancer, LoadBalancingOptions Balancing, ZonePreferenceOptions ZonePreference, ResilienceOptions Resilience, HealthOptions Health);
