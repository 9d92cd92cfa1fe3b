using MeshClient;
using MeshClient.Anomaly;
using MeshClient.Recovery;

namespace MeshDemo.SelfHeal;

/// <summary>
/// The configuration of <c>self-heal</c>, in code: explicit anomaly rules (a detector that learns would need minutes of
/// warm-up), the caller's peer policy and the faulty instance's self policy, and the timings that fit the run in about half a minute.
/// </summary>
internal static class SelfHealSettings
{
    /// <summary>The anomaly feed's bucket, in the caller and in the instance.</summary>
    public static readonly TimeSpan BucketInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often both recovery engines re-evaluate their episodes.</summary>
    public static readonly TimeSpan EvaluationInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the caller ejects an instance its policy ejects (the outlier machinery's base ejection time).</summary>
    public static readonly TimeSpan BaseEjectionTime = TimeSpan.FromSeconds(5);

    /// <summary>How long the instance's anomaly must hold before it drains itself: the callers react first.</summary>
    public static readonly TimeSpan SelfFor = TimeSpan.FromSeconds(2);

    /// <summary>How long the instance waits, drained, for its anomaly to clear before it escalates to a restart.</summary>
    public static readonly TimeSpan SelfVerificationWindow = TimeSpan.FromSeconds(3);

    /// <summary>How long the caller waits, after the ejection, for the instance's anomaly to clear (it comes back after its restart).</summary>
    public static readonly TimeSpan PeerVerificationWindow = TimeSpan.FromSeconds(30);

    /// <summary>The error rate of a bucket above which the rules raise an anomaly (a healthy instance answers every request).</summary>
    public const double ErrorRateThreshold = 0.5;

    /// <summary>Healthy buckets the feed only learns from before it may raise: the rules need none, a few keep the start quiet.</summary>
    public const int WarmupBuckets = 3;

    /// <summary>Normal buckets in a row that end an anomaly.</summary>
    public const int ClearAfterBuckets = 3;

    public const string PeerPolicy = "bad-peer";

    public const string SelfPolicy = "sick-self";

    /// <summary>
    /// The feed in both hosts: 1 s buckets; error rate scored by a threshold rule (above <see cref="ErrorRateThreshold"/>
    /// for one bucket); the other series by rules with no threshold and the seen-range rule off, so that an instance that
    /// receives no traffic while it is ejected or drained raises nothing of its own.
    /// </summary>
    public static void ConfigureAnomalies(AnomalyOptions options)
    {
        options.BucketInterval = BucketInterval;
        options.WarmupBuckets = WarmupBuckets;
        options.ClearAfterBuckets = ClearAfterBuckets;
        foreach (var kind in Enum.GetValues<AnomalySeriesKind>())
        {
            var rules = new RuleOptions { Buckets = 1, SpatialTolerance = -1 };
            if (kind == AnomalySeriesKind.ErrorRate)
            {
                rules.UpperThreshold = ErrorRateThreshold;
            }

            options.Detectors[kind.ToString()] = new AnomalySeriesOptions { Detector = "rules", Rules = rules };
        }
    }

    /// <summary>
    /// The caller's outlier detection: the consecutive-failure checks are off (0), so that the ejection the run shows
    /// is the recovery policy's (<c>migrate</c> goes through the same outlier machinery), for <see cref="BaseEjectionTime"/>.
    /// </summary>
    public static void ConfigureCallerHealth(MeshOptions options)
    {
        var outliers = options.Health.OutlierDetection;
        outliers.Consecutive5xx = 0;
        outliers.ConsecutiveGatewayFailure = 0;
        outliers.BaseEjectionTime = BaseEjectionTime;
    }

    /// <summary>The caller: an anomaly on a <c>ratings</c> instance it calls ejects that instance from its balancing.</summary>
    public static void ConfigureCallerRecovery(RecoveryOptions options)
    {
        options.EvaluationInterval = EvaluationInterval;
        var policy = new RecoveryPolicyOptions
        {
            Service = Cluster.RatingsCluster.ServiceName,
            Scope = RecoveryScope.Peer,
            VerificationWindow = PeerVerificationWindow,
        };
        policy.On.Add("anomaly.detected");
        policy.Actions.Add("migrate");
        options.Policies[PeerPolicy] = policy;
    }

    /// <summary>
    /// The instance: an anomaly in the requests it serves (its inbound series, its own identity) held for <see cref="SelfFor"/>
    /// drains it, and when it has not cleared <see cref="SelfVerificationWindow"/> later, restarts it.
    /// </summary>
    public static void ConfigureInstanceRecovery(RecoveryOptions options)
    {
        options.EvaluationInterval = EvaluationInterval;
        var policy = new RecoveryPolicyOptions
        {
            Instance = "self",
            Scope = RecoveryScope.Self,
            For = SelfFor,
            VerificationWindow = SelfVerificationWindow,
        };
        policy.On.Add("anomaly.detected");
        policy.Actions.Add("drain-self");
        policy.Actions.Add(DemoRestartAction.ActionName);
        options.Policies[SelfPolicy] = policy;
    }
}
