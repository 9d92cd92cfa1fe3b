namespace MeshClient.Testing.Eureka;

/// <summary>A fault the in-process Eureka server can inject.</summary>
public enum EurekaFaultKind
{
    /// <summary>Answer with a given status code (500 by default) instead of the real answer.</summary>
    StatusCode,

    /// <summary>Never answer, until the client gives up or the server stops.</summary>
    Hang,

    /// <summary>Answer with the first half of the real body (valid HTTP, malformed JSON or XML).</summary>
    TruncatedBody,

    /// <summary>Answer 200 with a body that is not JSON or XML.</summary>
    InvalidBody,

    /// <summary>Close the connection without answering.</summary>
    CloseConnection,
}
