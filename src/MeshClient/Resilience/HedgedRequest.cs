namespace MeshClient.Resilience;

/// <summary>
/// The copy of a request that a hedged attempt sends: attempts of a hedged call run at once, and each rewrites its
/// request's address, so they cannot share one message. Content is shared (only in-memory content is hedged) and the copy
/// is never disposed, which would dispose that content.
/// </summary>
internal static class HedgedRequest
{
    public static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = request.Content,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        IDictionary<string, object?> options = copy.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }

        return copy;
    }
}
