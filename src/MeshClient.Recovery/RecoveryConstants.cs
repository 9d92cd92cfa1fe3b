namespace MeshClient.Recovery;

/// <summary>Names and defaults of the recovery engine.</summary>
internal static class RecoveryConstants
{
    public const string Section = "Recovery";

    public const string SectionName = "Mesh:" + Section;
    public const string StatusName = "recovery";
    public const string SelfInstance = MeshClient.Registration.MeshSelf.InstanceId;
    public const string Wildcard = "*";
    public const string RecoveryKindPrefix = "recovery.";
    public const int SubscriptionCapacity = 4096;
    public const int DefaultMaxConcurrentActions = 2;
    public const int DefaultMaxActionsPerWindow = 10;
    public const int DefaultMaxInstanceSharePercent = 34;
    public const int DefaultJournalCapacity = 256;
    public static readonly TimeSpan DefaultCooldown = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultVerificationWindow = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultActionTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRateWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultEvaluationInterval = TimeSpan.FromSeconds(1);
}
