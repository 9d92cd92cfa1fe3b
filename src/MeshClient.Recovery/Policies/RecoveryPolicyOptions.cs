using MeshClient.Events;

namespace MeshClient.Recovery;

/// <summary>One policy: which events start an episode, on whom to act, and the escalation ladder (<c>Mesh:Recovery:Policies:{name}</c>).</summary>
public sealed class RecoveryPolicyOptions
{
    /// <summary>Gets the event kinds that start an episode, exact or with a trailing <c>*</c> (<c>health.*</c>).</summary>
    public List<string> On { get; } = [];

    /// <summary>
    /// Gets the event kinds that end it. Empty means the pair of each <see cref="On"/> kind (<c>anomaly.detected</c> is
    /// cleared by <c>anomaly.cleared</c>, <c>health.instance-ejected</c> by <c>health.instance-readmitted</c>, and so on).
    /// </summary>
    public List<string> ClearedBy { get; } = [];

    /// <summary>Gets or sets the service the events must concern: an exact name, <c>*</c> or <see langword="null"/> for any.</summary>
    public string? Service { get; set; }

    /// <summary>Gets or sets the instance the events must concern: an exact id, <c>*</c>/<see langword="null"/> for any, or <c>self</c> for this process's registered instance.</summary>
    public string? Instance { get; set; }

    /// <summary>Gets or sets the least severity of a starting event. Default <see cref="MeshEventSeverity.Warning"/>.</summary>
    public MeshEventSeverity MinSeverity { get; set; } = MeshEventSeverity.Warning;

    /// <summary>Gets or sets how long the condition must hold before the first action. Default zero (at once).</summary>
    public TimeSpan For { get; set; }

    /// <summary>Gets or sets whom the policy acts on: the peer the event concerns, or this process. Default <see cref="RecoveryScope.Peer"/>.</summary>
    public RecoveryScope Scope { get; set; } = RecoveryScope.Peer;

    /// <summary>Gets the escalation ladder: action names tried in order, the next only when the previous did not verify.</summary>
    public List<string> Actions { get; } = [];

    /// <summary>Gets or sets this policy's cooldown, instead of <c>Mesh:Recovery:Cooldown</c>.</summary>
    public TimeSpan? Cooldown { get; set; }

    /// <summary>Gets or sets this policy's verification window, instead of <c>Mesh:Recovery:VerificationWindow</c>.</summary>
    public TimeSpan? VerificationWindow { get; set; }
}
