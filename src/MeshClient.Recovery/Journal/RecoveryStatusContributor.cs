using MeshClient.Status;

namespace MeshClient.Recovery;

/// <summary>Serves the switches, the open episodes and the journal (newest first) at <c>/mesh/recovery</c>.</summary>
internal sealed class RecoveryStatusContributor(IRecoveryController controller) : IMeshStatusContributor
{
    public string Name => RecoveryConstants.StatusName;

    public ValueTask<object?> GetStatusAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult<object?>(new RecoveryStatus(controller.Enabled, controller.DryRun, controller.GetActiveEpisodes(), controller.GetJournal()));
}

/// <summary>The <c>/mesh/recovery</c> document.</summary>
internal sealed record RecoveryStatus(bool Enabled, bool DryRun, IReadOnlyList<RecoveryEpisodeInfo> Active, IReadOnlyList<RecoveryJournalEntry> Journal);
