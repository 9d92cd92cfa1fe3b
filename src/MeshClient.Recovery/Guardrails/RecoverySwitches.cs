namespace MeshClient.Recovery;

/// <summary>The runtime kill switch and dry-run toggle: set by the operator from any thread, read by the coordinator.</summary>
internal sealed class RecoverySwitches(bool enabled, bool dryRun)
{
    private volatile bool _enabled = enabled;
    private volatile bool _dryRun = dryRun;

    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    public bool DryRun
    {
        get => _dryRun;
        set => _dryRun = value;
    }
}
