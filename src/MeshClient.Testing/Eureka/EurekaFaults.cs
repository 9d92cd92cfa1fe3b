using MeshClient.Testing.Faults;

namespace MeshClient.Testing.Eureka;

/// <summary>Fault injection of the in-process Eureka server: the first armed fault whose filter matches a request applies to it.</summary>
public sealed class EurekaFaults
{
    private readonly FaultList<EurekaRecordedRequest, (EurekaFaultKind Kind, int StatusCode)> _faults = new();

    /// <summary>Answers matching requests with a status code.</summary>
    /// <param name="statusCode">The status code, for example 500 or 503.</param>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void FailWith(int statusCode = 500, Func<EurekaRecordedRequest, bool>? when = null, int? times = null)
        => Add(EurekaFaultKind.StatusCode, statusCode, when, times);

    /// <summary>Never answers matching requests.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void Hang(Func<EurekaRecordedRequest, bool>? when = null, int? times = null) => Add(EurekaFaultKind.Hang, 0, when, times);

    /// <summary>Answers matching requests with half of the real body.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void TruncateBody(Func<EurekaRecordedRequest, bool>? when = null, int? times = null) => Add(EurekaFaultKind.TruncatedBody, 0, when, times);

    /// <summary>Answers matching requests with a body that does not parse.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void InvalidBody(Func<EurekaRecordedRequest, bool>? when = null, int? times = null) => Add(EurekaFaultKind.InvalidBody, 0, when, times);

    /// <summary>Closes the connection of matching requests without an answer.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void CloseConnection(Func<EurekaRecordedRequest, bool>? when = null, int? times = null) => Add(EurekaFaultKind.CloseConnection, 0, when, times);

    /// <summary>Disarms every fault.</summary>
    public void Clear() => _faults.Clear();

    internal (EurekaFaultKind Kind, int StatusCode)? Match(EurekaRecordedRequest request) => _faults.Match(request);

    private void Add(EurekaFaultKind kind, int statusCode, Func<EurekaRecordedRequest, bool>? when, int? times) => _faults.Add((kind, statusCode), when, times);
}
