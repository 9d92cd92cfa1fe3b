using MeshClient.Discovery;
using Microsoft.Extensions.Primitives;

namespace MeshClient.Tests.Fakes;

/// <summary>
/// A programmable discovery provider named <see cref="ProviderName"/>: answers, failures, answers that wait for the
/// test (<see cref="Hold"/>), call counting and an optional change signal.
/// </summary>
internal sealed class FakeDiscoveryProvider : IServiceDiscoveryProvider
{
    public const string ProviderName = "Fake";

    private Func<string, CancellationToken, ValueTask<DiscoveryResult>> _answer = static (_, _) => ValueTask.FromResult(DiscoveryResult.NotFound);
    private CancellationTokenSource _changes = new();

    public string Name => ProviderName;

    public bool IsRegistry { get; init; } = true;

    /// <summary>Gets or sets a value indicating whether <see cref="Watch"/> returns a change token (else the cache polls).</summary>
    public bool SupportsWatch { get; set; }

    public CallCounter Calls { get; } = new();

    public ValueTask<DiscoveryResult> ResolveAsync(string serviceName, CancellationToken cancellationToken)
    {
        var answer = Volatile.Read(ref _answer);
        Calls.Increment();
        return answer(serviceName, cancellationToken);
    }

    public IChangeToken? Watch(string serviceName)
        => SupportsWatch ? new CancellationChangeToken(Volatile.Read(ref _changes).Token) : null;

    /// <summary>Fires the change token handed out so far.</summary>
    public void SignalChange() => Interlocked.Exchange(ref _changes, new CancellationTokenSource()).Cancel();

    public void Returns(params ServiceInstance[] instances) => Answer((_, _) => ValueTask.FromResult(DiscoveryResult.FromInstances(instances)));

    public void ReturnsPerService(Func<string, ServiceInstance[]> instances)
        => Answer((name, _) => ValueTask.FromResult(DiscoveryResult.FromInstances(instances(name))));

    public void ReturnsNotFound() => Answer(static (_, _) => ValueTask.FromResult(DiscoveryResult.NotFound));

    public void Throws(string message) => Answer((_, _) => ValueTask.FromException<DiscoveryResult>(new InvalidOperationException(message)));

    /// <summary>Every call from now on waits until the returned source is completed (or the call is cancelled).</summary>
    public TaskCompletionSource<DiscoveryResult> Hold()
    {
        var gate = new TaskCompletionSource<DiscoveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Answer((_, ct) => new ValueTask<DiscoveryResult>(gate.Task.WaitAsync(ct)));
        return gate;
    }

    public void Answer(Func<string, CancellationToken, ValueTask<DiscoveryResult>> answer) => Volatile.Write(ref _answer, answer);

    public static ServiceInstance Instance(string service, int port, InstanceStatus status = InstanceStatus.Up, string? zone = null)
        => new(service, $"127.0.0.1:{port}", "http", "127.0.0.1", port) { Status = status, Zone = zone };
}
