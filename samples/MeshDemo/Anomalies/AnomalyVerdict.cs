using System.Text.Json;
using MeshClient.Anomaly;
using MeshDemo.Reporting;

namespace MeshDemo.Anomalies;

/// <summary>
/// Judges what the feed raised in an anomaly phase: per instance, the anomalies, the first one after the fault (in buckets)
/// for the faulty instance, and the false alerts; the target is met when the faulty instance was detected within
/// <see cref="AnomalyCheck.TargetBuckets"/> buckets and no instance had a false alert.
/// </summary>
internal static class AnomalyVerdict
{
    public static AnomalyReport Judge(
        AnomalyCheck check, IEnumerable<string> instanceIds, IReadOnlySet<string> faulty, IReadOnlyList<AnomalyDetectedEvent> detected, DateTimeOffset faultAt)
    {
        var interval = TimeSpan.FromMilliseconds(check.BucketMs);
        var instances = new Dictionary<string, InstanceAnomalies>(StringComparer.Ordinal);
        foreach (var id in instanceIds)
        {
            var alerts = detected
                .Where(d => string.Equals(d.InstanceId, id, StringComparison.Ordinal))
                .Select(d => new AnomalyAlert(
                    JsonNamingPolicy.CamelCase.ConvertName(d.Series.ToString()),
                    BucketOf(d.Timestamp, faultAt, interval),
                    Math.Round(d.Value, 3),
                    Math.Round(d.Score, 3)))
                .ToArray();
            var isFaulty = faulty.Contains(id);
            int? first = isFaulty ? alerts.Where(a => a.Bucket >= 1).Select(a => (int?)a.Bucket).Min() : null;
            var falseAlerts = isFaulty ? alerts.Count(a => a.Bucket < 1) : alerts.Length;
            instances[id] = new InstanceAnomalies(isFaulty, alerts.Length, first, falseAlerts, alerts);
        }

        var met = faulty.Count > 0
            && instances.Values.All(i => i.FalseAlerts == 0)
            && instances.Values.Where(i => i.Faulty).All(i => i.FirstDetectedBuckets is { } b && b <= check.TargetBuckets);
        var bySeries = instances.Values
            .SelectMany(i => i.Alerts.Where(a => !i.Faulty || a.Bucket < 1))
            .GroupBy(a => a.Series, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new AnomalyReport(check with { Met = met, FalseAlertsBySeries = bySeries }, instances);
    }

    /// <summary>The bucket a close at <paramref name="timestamp"/> ends, counted from the fault: 1 for the first close after it, 0 or less before.</summary>
    private static int BucketOf(DateTimeOffset timestamp, DateTimeOffset faultAt, TimeSpan interval)
        => (int)Math.Ceiling((timestamp - faultAt) / interval);
}
