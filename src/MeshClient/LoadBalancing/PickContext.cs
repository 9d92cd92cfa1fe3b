namespace MeshClient.LoadBalancing;

/// <summary>What a picker knows of the request it balances.</summary>
public readonly struct PickContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="request">The request, if any.</param>
    /// <param name="hashKey">The consistent-hash key, if any.</param>
    /// <param name="timestamp">Now, from the mesh's <see cref="TimeProvider.GetTimestamp"/>.</param>
    public PickContext(HttpRequestMessage? request, string? hashKey, long timestamp)
    {
        Request = request;
        HashKey = hashKey;
        Timestamp = timestamp;
    }

    /// <summary>Gets the request, if any.</summary>
    public HttpRequestMessage? Request { get; }

    /// <summary>Gets the consistent-hash key (from the configured header or <see cref="Http.MeshRequestOptions.HashKey"/>).</summary>
    public string? HashKey { get; }

    /// <summary>Gets the time of the pick as a <see cref="TimeProvider"/> timestamp.</summary>
    public long Timestamp { get; }
}
