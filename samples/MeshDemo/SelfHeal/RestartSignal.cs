namespace MeshDemo.SelfHeal;

/// <summary>
/// The line between one incarnation of the instance and the demo's supervisor (the part a real deployment leaves to
/// systemd or the kubelet): the <c>restart</c> action raises it, the supervisor waits for it and restarts the instance.
/// </summary>
internal sealed class RestartSignal
{
    private readonly TaskCompletionSource<string> _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes, with the policy's name, when a restart is requested.</summary>
    public Task<string> Requested => _requested.Task;

    /// <summary>Requests a restart; the first request counts.</summary>
    /// <param name="policy">The policy whose ladder asked for it.</param>
    /// <returns>Whether this call raised the signal.</returns>
    public bool Raise(string policy) => _requested.TrySetResult(policy);
}
