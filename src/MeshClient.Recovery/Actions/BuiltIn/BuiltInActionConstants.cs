namespace MeshClient.Recovery;

/// <summary>Names, journal verbs, health-check names and configuration keys of the built-in actions.</summary>
internal static class BuiltInActionConstants
{
    public const string Migrate = "migrate";
    public const string DrainSelf = "drain-self";
    public const string Restore = "restore";
    public const string Restart = "restart";
    public const string Webhook = "webhook";
    public const string ScaleOut = "scale-out";

    public const string Ejected = "ejected";
    public const string Drained = "drained";
    public const string Restored = "restored";
    public const string Restarted = "restarted";
    public const string Notified = "notified";
    public const string ScaledOut = "scaled-out";

    /// <summary>The reason given to the outlier machinery for an ejection by <c>migrate</c>.</summary>
    public const string EjectReason = "recovery";

    /// <summary>The readiness check that fails while this process is drained by recovery.</summary>
    public const string ReadinessCheckName = "recovery";

    /// <summary>The liveness check that fails once <c>restart</c> asked for a restart.</summary>
    public const string LivenessCheckName = "recovery-liveness";

    public const string RecoverySectionName = "Mesh:Recovery";
    public const string RestartSection = "Restart";
    public const string RestartSectionName = RecoverySectionName + ":" + RestartSection;

    /// <summary>EX_TEMPFAIL from sysexits.h: a temporary failure, so <c>Restart=on-failure</c> restarts the unit.</summary>
    public const int DefaultExitCode = 75;
}
