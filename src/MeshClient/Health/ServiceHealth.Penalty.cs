using MeshClient.Events;
using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>The 429 penalty: an instance that answers 429 with <c>Retry-After</c> leaves the picker for that long.</summary>
internal sealed partial class ServiceHealth
{
    /// <summary>
    /// Keeps a rate-limiting instance out of the picker until its <c>Retry-After</c> is over (at most
    /// <see cref="HealthOptions.MaxRetryAfterPenalty"/>); unlike an ejection it changes no outlier counter or multiplier.
    /// </summary>
    public void OnRateLimited(InstanceState state, TimeSpan retryAfter, HealthOptions options)
    {
        if (options.MaxRetryAfterPenalty <= TimeSpan.Zero || retryAfter <= TimeSpan.Zero)
        {
            return;
        }

        var duration = retryAfter < options.MaxRetryAfterPenalty ? retryAfter : options.MaxRetryAfterPenalty;
        var health = state.Health;
        lock (_gate)
        {
            var until = Math.Max(1, _catalog.Time.GetTimestamp() + ToTicks(duration));
            if (health.PenalizedUntil >= until)
            {
                return;
            }

            health.PenalizedUntil = until;
        }

        var id = state.Instance.InstanceId;
        Log.Penalized(_catalog.Logger, _entry.Name, id, duration);
        _entry.RebuildBalancer();
        Arm();
        _catalog.Events.Publish(new InstancePenalizedEvent(_catalog.Time.GetUtcNow(), _entry.Name, id, duration));
    }
}
