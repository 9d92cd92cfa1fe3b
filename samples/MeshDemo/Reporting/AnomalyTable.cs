using System.Globalization;

namespace MeshDemo.Reporting;

/// <summary>The human form of an anomaly phase: the verdict, then one line per instance with its anomalies.</summary>
internal static class AnomalyTable
{
    public static void Write(TextWriter output, AnomalyReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var check = report.Check;
        output.WriteLine(string.Create(
            c,
            $"  anomalies (default ensemble, {check.BucketMs / 1000:0.##} s buckets, {check.RequestsPerSecond:0} req/s, {check.Balancer}; fault on {check.FaultyInstance} after {check.HealthyBuckets} healthy buckets, {check.FaultBuckets} more after it; feed warm-up {check.WarmupBuckets}):"));
        output.WriteLine("  instance      anomalies  first after fault  false alerts  series@bucket");
        foreach (var (instance, anomalies) in report.Instances.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var first = anomalies.FirstDetectedBuckets is { } b ? string.Create(c, $"{b} bucket(s)") : anomalies.Faulty ? "not detected" : "-";
            var series = anomalies.Alerts.Count == 0 ? "-" : string.Join(", ", anomalies.Alerts.Select(a => string.Create(c, $"{a.Series}@{a.Bucket}")));
            var name = anomalies.Faulty ? instance + "*" : instance;
            output.WriteLine(string.Create(c, $"  {name,-12} {anomalies.Detected,10} {first,18} {anomalies.FalseAlerts,13}  {series}"));
        }

        if (check.FalseAlertsBySeries.Count > 0)
        {
            output.WriteLine("  false alerts by series: " + string.Join(", ", check.FalseAlertsBySeries.Select(p => string.Create(c, $"{p.Key} {p.Value}"))));
        }

        output.WriteLine(check.Met
            ? string.Create(c, $"  target met: {check.FaultyInstance} detected within {check.TargetBuckets} buckets of the fault, no false alert.")
            : string.Create(c, $"  TARGET NOT MET: {check.FaultyInstance} must be detected within {check.TargetBuckets} buckets of the fault with no false alert on any instance."));
    }
}
