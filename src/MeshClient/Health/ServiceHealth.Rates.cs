using MeshClient.LoadBalancing;

namespace MeshClient.Health;

/// <summary>
/// Envoy's success-rate and failure-percentage detectors: every <see cref="OutlierDetectionOptions.Interval"/> a sweep
/// takes each instance's requests and successes of the interval and ejects the outliers among the instances with enough
/// volume (outlier_detection_impl.cc, <c>processSuccessRateEjections</c>).
/// </summary>
internal sealed partial class ServiceHealth
{
    private readonly ITimer _sweepTimer;
    private TimeSpan _sweepPeriod = Timeout.InfiniteTimeSpan;

    /// <summary>Runs the sweep every interval while the service has instances and a rate detector enforces; stops it otherwise.</summary>
    private void UpdateSweep()
    {
        var balancer = _entry.Balancer;
        if (balancer.Settings?.Health.OutlierDetection is not { } options)
        {
            return;
        }

        var period = options.SweepsRates && balancer.All.Length > 0 ? options.Interval : Timeout.InfiniteTimeSpan;
        lock (_gate)
        {
            if (period == _sweepPeriod || Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            _sweepPeriod = period;
            _sweepTimer.Change(period, period);
        }
    }

    /// <summary>The sweep: Envoy's <c>onIntervalTimer</c> for the two rate detectors.</summary>
    private void SweepRates()
    {
        var all = _entry.Balancer.All;
        if (_entry.Balancer.Settings?.Health.OutlierDetection is not { SweepsRates: true } options || all.Length == 0)
        {
            return;
        }

        // Every instance's bucket is taken, ejected ones included, so that the next interval starts from zero.
        var rates = new double[all.Length];
        var volumes = new int[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            volumes[i] = all[i].Health.TakeInterval(out var successes);
            rates[i] = volumes[i] == 0 ? 100.0 : 100.0 * successes / volumes[i];
        }

        if (all.Length < options.SuccessRateMinimumHosts && all.Length < options.FailurePercentageMinimumHosts)
        {
            return;
        }

        List<(InstanceState State, string Reason)>? outliers = null;
        if (options.EnforcingSuccessRate > 0)
        {
            FindSuccessRateOutliers(all, rates, volumes, options, ref outliers);
        }

        if (options.EnforcingFailurePercentage > 0)
        {
            FindFailurePercentageOutliers(all, rates, volumes, options, ref outliers);
        }

        foreach (var (state, reason) in outliers ?? [])
        {
            var enforcing = reason == HealthReasons.SuccessRate ? options.EnforcingSuccessRate : options.EnforcingFailurePercentage;
            if (enforcing >= 100 || _catalog.Random.NextIndex(100) < enforcing)
            {
                _ = TryEject(state, reason, options);
            }
            else
            {
                Log.EjectionNotEnforced(_catalog.Logger, _entry.Name, state.Instance.InstanceId, reason, enforcing);
            }
        }
    }

    /// <summary>Instances below mean − factor × stdev of the success rates of the instances with enough volume, when there are enough of those.</summary>
    private static void FindSuccessRateOutliers(
        InstanceState[] all, double[] rates, int[] volumes, OutlierDetectionOptions options, ref List<(InstanceState, string)>? outliers)
    {
        var count = 0;
        var sum = 0.0;
        for (var i = 0; i < all.Length; i++)
        {
            if (!all[i].Health.IsEjected && volumes[i] >= options.SuccessRateRequestVolume)
            {
                count++;
                sum += rates[i];
            }
        }

        if (count == 0 || count < options.SuccessRateMinimumHosts)
        {
            return;
        }

        var mean = sum / count;
        var variance = 0.0;
        for (var i = 0; i < all.Length; i++)
        {
            if (!all[i].Health.IsEjected && volumes[i] >= options.SuccessRateRequestVolume)
            {
                variance += (rates[i] - mean) * (rates[i] - mean);
            }
        }

        var threshold = mean - (options.SuccessRateStdevFactor / 1000.0 * Math.Sqrt(variance / count));
        for (var i = 0; i < all.Length; i++)
        {
            if (!all[i].Health.IsEjected && volumes[i] >= options.SuccessRateRequestVolume && rates[i] < threshold)
            {
                (outliers ??= []).Add((all[i], HealthReasons.SuccessRate));
            }
        }
    }

    /// <summary>Instances whose failure percentage reaches the threshold, among the instances with enough volume, when there are enough of those.</summary>
    private static void FindFailurePercentageOutliers(
        InstanceState[] all, double[] rates, int[] volumes, OutlierDetectionOptions options, ref List<(InstanceState, string)>? outliers)
    {
        var count = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (!all[i].Health.IsEjected && volumes[i] >= options.FailurePercentageRequestVolume)
            {
                count++;
            }
        }

        if (count == 0 || count < options.FailurePercentageMinimumHosts)
        {
            return;
        }

        for (var i = 0; i < all.Length; i++)
        {
            if (!all[i].Health.IsEjected && volumes[i] >= options.FailurePercentageRequestVolume
                && 100.0 - rates[i] >= options.FailurePercentageThreshold)
            {
                (outliers ??= []).Add((all[i], HealthReasons.FailurePercentage));
            }
        }
    }
}
