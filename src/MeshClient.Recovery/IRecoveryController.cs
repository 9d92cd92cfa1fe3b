namespace MeshClient.Recovery;

/// <summary>The operator's handle on the recovery engine: what it decided, what it treats, and the switches.</summary>
public interface IRecoveryController
{
    /// <summary>Gets or sets a value indicating whether the engine may act (the runtime kill switch; starts as <c>Mesh:Recovery:Enabled</c>).</summary>
    bool Enabled { get; set; }

    /// <summary>Gets or sets a value indicating whether decisions are only journaled and counted (starts as <c>Mesh:Recovery:DryRun</c>).</summary>
    bool DryRun { get; set; }

    /// <summary>Returns the journal, newest first.</summary>
    /// <returns>A snapshot.</returns>
    IReadOnlyList<RecoveryJournalEntry> GetJournal();

    /// <summary>Returns the open episodes.</summary>
    /// <returns>A snapshot.</returns>
    IReadOnlyList<RecoveryEpisodeInfo> GetActiveEpisodes();

    /// <summary>
    /// Forgets a target's cooldown and exhaustion so that its ladder may run again (applied on the engine's loop, shortly).
    /// </summary>
    /// <param name="target">The target as journaled: <c>service/instance</c>, <c>service</c> or <c>self</c>.</param>
    void Reset(string target);

    /// <summary>Forgets every target's cooldown and exhaustion.</summary>
    void ResetAll();
}
