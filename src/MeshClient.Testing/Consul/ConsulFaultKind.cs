namespace MeshClient.Testing.Consul;

/// <summary>A fault the in-process Consul agent can inject.</summary>
public enum ConsulFaultKind
{
    /// <summary>Answer with a given status code and <c>text/plain</c> body (500 by default) instead of the real answer.</summary>
    StatusCode,

    /// <summary>Never answer, until the client gives up or the agent stops.</summary>
    Hang,

    /// <summary>Answer 200 with a body that is not JSON (and a valid index).</summary>
    InvalidBody,

    /// <summary>Answer the real body at once without an <c>X-Consul-Index</c> header.</summary>
    MissingIndex,

    /// <summary>Answer the real body at once with an <c>X-Consul-Index</c> of 1, lower than any earlier one (a snapshot restore, another server with <c>stale</c>).</summary>
    BackwardsIndex,

    /// <summary>Answer the real body at once with an <c>X-Consul-Index</c> of 0 (a Consul bug that busy-loops naive clients).</summary>
    ZeroIndex,
}
