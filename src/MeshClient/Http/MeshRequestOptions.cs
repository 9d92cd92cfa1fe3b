namespace MeshClient.Http;

/// <summary>Per-request options read by the mesh handler (set them on <see cref="HttpRequestMessage.Options"/>).</summary>
public static class MeshRequestOptions
{
    /// <summary>The consistent-hash key of the request, for the <c>ConsistentHash</c> balancer.</summary>
    public static readonly HttpRequestOptionsKey<string> HashKey = new("MeshClient.HashKey");
}
