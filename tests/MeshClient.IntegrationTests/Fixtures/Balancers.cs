using MeshClient.Http;
using MeshClient.LoadBalancing;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>Every built-in balancer, as theory data: <see cref="LoadBalancerNames.All"/>, so that a new one is covered at once.</summary>
public static class Balancers
{
    public static TheoryData<string> All => new(LoadBalancerNames.All);

    /// <summary>Gives request <c>i</c> one of 100 user keys (read by <c>ConsistentHash</c> only).</summary>
    public static void SetUserKey(HttpRequestMessage request, int i) => request.Options.Set(MeshRequestOptions.HashKey, $"user-{i % 100}");
}
