using System.ComponentModel.DataAnnotations;

namespace MeshClient.Recovery;

/// <summary>The recovery engine: guardrails shared by every policy and the policies themselves, bound from <c>Mesh:Recovery</c>.</summary>
public sealed class RecoveryOptions
{
    /// <summary>
    /// Gets or sets the kill switch (<c>Mesh:Recovery:Enabled</c>): when <see langword="false"/> every decision is
    /// journaled as suppressed with reason <c>kill-switch</c> and nothing runs. Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets dry-run mode (<c>Mesh:Recovery:DryRun</c>): decisions are logged, journaled (suppressed, reason
    /// <c>dry-run</c>) and counted, but no action runs. Default <see langword="false"/>.
    /// </summary>
    public bool DryRun { get; set; }

    /// <summary>Gets or sets the least time between two episodes' actions on one target (<c>Mesh:Recovery:Cooldown</c>). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Cooldown { get; set; } = RecoveryConstants.DefaultCooldown;

    /// <summary>
    /// Gets or sets how long after a successful action the triggering signal has to clear before the next rung runs
    /// (<c>Mesh:Recovery:VerificationWindow</c>). Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan VerificationWindow { get; set; } = RecoveryConstants.DefaultVerificationWindow;

    /// <summary>Gets or sets how long one action may run before it is cancelled and counts as failed (<c>Mesh:Recovery:ActionTimeout</c>). Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ActionTimeout { get; set; } = RecoveryConstants.DefaultActionTimeout;

    /// <summary>Gets or sets how many actions may run at once, all targets together (<c>Mesh:Recovery:MaxConcurrentActions</c>). Default 2.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActions { get; set; } = RecoveryConstants.DefaultMaxConcurrentActions;

    /// <summary>Gets or sets how many actions may start within <see cref="RateWindow"/> (<c>Mesh:Recovery:MaxActionsPerWindow</c>). Default 10.</summary>
    [Range(1, 100_000)]
    public int MaxActionsPerWindow { get; set; } = RecoveryConstants.DefaultMaxActionsPerWindow;

    /// <summary>Gets or sets the window of the global rate limit (<c>Mesh:Recovery:RateWindow</c>). Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RateWindow { get; set; } = RecoveryConstants.DefaultRateWindow;

    /// <summary>
    /// Gets or sets the largest share of a peer service's instances that may be under treatment at once, in percent
    /// (<c>Mesh:Recovery:MaxInstanceSharePercent</c>); one instance may always be treated. Default 34.
    /// </summary>
    [Range(1, 100)]
    public int MaxInstanceSharePercent { get; set; } = RecoveryConstants.DefaultMaxInstanceSharePercent;

    /// <summary>Gets or sets the engine's tick: how often <c>For</c>, verification deadlines and suppressed decisions are re-evaluated (<c>Mesh:Recovery:EvaluationInterval</c>). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan EvaluationInterval { get; set; } = RecoveryConstants.DefaultEvaluationInterval;

    /// <summary>Gets or sets how many journal entries are kept, the oldest dropped first (<c>Mesh:Recovery:JournalCapacity</c>). Default 256.</summary>
    [Range(1, 100_000)]
    public int JournalCapacity { get; set; } = RecoveryConstants.DefaultJournalCapacity;

    /// <summary>Gets the policies by name (<c>Mesh:Recovery:Policies:{name}</c>).</summary>
    public Dictionary<string, RecoveryPolicyOptions> Policies { get; } = new(StringComparer.OrdinalIgnoreCase);
}
