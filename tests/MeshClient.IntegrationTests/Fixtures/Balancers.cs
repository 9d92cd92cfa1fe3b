using System.Reflection;
using MeshClient.Http;
using MeshClient.LoadBalancing;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>Every built-in balancer, as theory data: the constants of <see cref="LoadBalancerNames"/>, so that a new one is covered at once.</summary>
public static class Balancers
{
    public static TheoryData<string> All => new(
        typeof(LoadBalancerNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!));

    /// <summary>Gives request <c>i</c> one of 100 user keys (read by <c>ConsistentHash</c> only).</summary>
    public static void SetUserKey(HttpRequestMessage request, int i) => request.Options.Set(MeshRequestOptions.HashKey, $"user-{i % 100}");
}
