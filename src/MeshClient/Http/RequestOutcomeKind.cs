namespace MeshClient.Http;

/// <summary>How a request through the mesh handler ended.</summary>
public enum RequestOutcomeKind
{
    /// <summary>A response with a status code below 500 (and not 429).</summary>
    Success,

    /// <summary>A 5xx or 429 response.</summary>
    HttpError,

    /// <summary>The request timed out (not cancelled by the caller).</summary>
    Timeout,

    /// <summary>The connection could not be made or was reset.</summary>
    ConnectionFailure,

    /// <summary>The caller cancelled the request; never counted against the instance.</summary>
    Canceled,

    /// <summary>Any other exception.</summary>
    Error,
}
