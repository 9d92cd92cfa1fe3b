using MeshClient.Testing.Faults;

namespace MeshClient.Testing.Consul;

/// <summary>Fault injection of the in-process Consul agent: the first armed fault whose filter matches a request applies to it.</summary>
public sealed class ConsulFaults
{
    private readonly FaultList<ConsulRecordedRequest, (ConsulFaultKind Kind, int StatusCode, string? Body)> _faults = new();

    /// <summary>Answers matching requests with a status code and a <c>text/plain</c> body, as Consul does.</summary>
    /// <param name="statusCode">The status code, for example 500.</param>
    /// <param name="body">The body, for example <c>No cluster leader</c>.</param>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void FailWith(int statusCode = 500, string body = "rpc error making call: fault injected", Func<ConsulRecordedRequest, bool>? when = null, int? times = null)
        => Add(ConsulFaultKind.StatusCode, statusCode, body, when, times);

    /// <summary>Never answers matching requests.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void Hang(Func<ConsulRecordedRequest, bool>? when = null, int? times = null) => Add(ConsulFaultKind.Hang, 0, null, when, times);

    /// <summary>Answers matching requests with a body that is not JSON.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void InvalidBody(Func<ConsulRecordedRequest, bool>? when = null, int? times = null) => Add(ConsulFaultKind.InvalidBody, 0, null, when, times);

    /// <summary>Answers matching requests at once without <c>X-Consul-Index</c>.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void MissingIndex(Func<ConsulRecordedRequest, bool>? when = null, int? times = null) => Add(ConsulFaultKind.MissingIndex, 0, null, when, times);

    /// <summary>Answers matching requests at once with <c>X-Consul-Index: 1</c>.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void BackwardsIndex(Func<ConsulRecordedRequest, bool>? when = null, int? times = null) => Add(ConsulFaultKind.BackwardsIndex, 0, null, when, times);

    /// <summary>Answers matching requests at once with <c>X-Consul-Index: 0</c>.</summary>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void ZeroIndex(Func<ConsulRecordedRequest, bool>? when = null, int? times = null) => Add(ConsulFaultKind.ZeroIndex, 0, null, when, times);

    /// <summary>Disarms every fault.</summary>
    public void Clear() => _faults.Clear();

    internal (ConsulFaultKind Kind, int StatusCode, string? Body)? Match(ConsulRecordedRequest request) => _faults.Match(request);

    private void Add(ConsulFaultKind kind, int statusCode, string? body, Func<ConsulRecordedRequest, bool>? when, int? times) => _faults.Add((kind, statusCode, body), when, times);
}
