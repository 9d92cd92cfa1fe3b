namespace MeshClient.Recovery;

/// <summary>The journal's event names and the guardrails' reasons.</summary>
internal static class RecoveryJournalEvents
{
    public const string Detected = "detected";
    public const string Matched = "matched";
    public const string Suppressed = "suppressed";
    public const string Verified = "verified";
    public const string Escalated = "escalated";
    public const string Recovered = "recovered";
    public const string Failed = "failed";

    public const string KillSwitch = "kill-switch";
    public const string Exhausted = "exhausted";
    public const string DryRun = "dry-run";
    public const string Cooldown = "cooldown";
    public const string Busy = "target-busy";
    public const string RateLimit = "rate-limit";
    public const string MaxConcurrent = "max-concurrent";
    public const string MaxShare = "max-share";

    /// <summary>Tells whether the event is one of the engine's decisions rather than an action's journal verb.</summary>
    public static bool IsDecision(string @event)
        => @event is Detected or Matched or Suppressed or Verified or Escalated or Recovered or Failed;
}
