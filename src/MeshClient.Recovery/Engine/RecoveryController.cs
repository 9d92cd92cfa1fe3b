namespace MeshClient.Recovery;

/// <summary>The controller over the engine: reads snapshots, posts resets into the engine's loop.</summary>
internal sealed class RecoveryController(RecoveryEngine engine, RecoveryJournal journal, RecoverySwitches switches) : IRecoveryController
{
    public bool Enabled
    {
        get => switches.Enabled;
        set => switches.Enabled = value;
    }

    public bool DryRun
    {
        get => switches.DryRun;
        set => switches.DryRun = value;
    }

    public IReadOnlyList<RecoveryJournalEntry> GetJournal() => journal.Snapshot();

    public IReadOnlyList<RecoveryEpisodeInfo> GetActiveEpisodes() => engine.Coordinator.Active;

    public void Reset(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        engine.Post(new RecoveryCommand.Reset(target));
    }

    public void ResetAll() => engine.Post(new RecoveryCommand.Reset(null));
}
