namespace MeshClient.Recovery;

/// <summary>What the self actions did to this process: drained (readiness fails) and restart requested (liveness fails).</summary>
internal sealed class SelfRecoveryState
{
    private volatile bool _drained;
    private volatile bool _restartRequested;

    /// <summary>Gets or sets a value indicating whether <c>drain-self</c> drained this process and <c>restore</c> has not undone it.</summary>
    public bool Drained
    {
        get => _drained;
        set => _drained = value;
    }

    /// <summary>Gets or sets a value indicating whether <c>restart</c> failed liveness and <c>restore</c> has not undone it.</summary>
    public bool RestartRequested
    {
        get => _restartRequested;
        set => _restartRequested = value;
    }
}
