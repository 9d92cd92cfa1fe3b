using System.Globalization;
using System.Text.Json;

namespace MeshDemo.Reporting;

/// <summary>Writes reports to the output: a table per run, or with <c>--json</c> one JSON object per run and line and nothing else.</summary>
internal sealed class ReportWriter(TextWriter output, bool json, TextWriter? diagnostics = null)
{
    private const int BarWidth = 30;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);

    /// <summary>Writes a line of context above the tables; nothing in JSON mode.</summary>
    /// <param name="text">The line.</param>
    public void WriteLine(string text)
    {
        if (!json)
        {
            output.WriteLine(text);
        }
    }

    /// <summary>Remembers instance weights for the tables' weight column.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="weight">Its registered weight.</param>
    public void SetWeight(string instanceId, int weight) => _weights[instanceId] = weight;

    /// <summary>Writes the URLs the process serves: lines above the tables, or with <c>--json</c> one JSON line on stderr.</summary>
    /// <param name="endpoints">The URLs.</param>
    public void Write(DemoEndpoints endpoints)
    {
        if (json)
        {
            var error = diagnostics ?? Console.Error;
            error.WriteLine(JsonSerializer.Serialize(endpoints, JsonOptions));
            error.Flush();
            return;
        }

        output.WriteLine("While it runs, the demo serves (its own MeshClient host, which requires ratings to be ready):");
        output.WriteLine($"  liveness  {endpoints.Live}");
        output.WriteLine($"  readiness {endpoints.Ready}");
        output.WriteLine($"  startup   {endpoints.Startup}");
        output.WriteLine($"  metrics   {endpoints.Metrics}");
        output.WriteLine($"  status    {endpoints.Mesh} (/services, /services/ratings, ...)");
        output.Flush();
    }

    public void Write(RunReport report)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, JsonOptions));
        }
        else
        {
            WriteTable(report);
        }

        output.Flush();
    }

    private void WriteTable(RunReport report)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        var balancer = report.Default ? report.Balancer + " (default)" : report.Balancer;
        output.WriteLine(string.Create(c, $"{balancer,-18} {report.Requests,7:N0} requests  success {report.SuccessRate,7:P2}  p50 {report.P50Ms,7:0.00} ms  p99 {report.P99Ms,7:0.00} ms  ({report.Elapsed.TotalSeconds:0.00} s)"));
        var first = report.FirstEjectionMs is { } ms ? string.Create(c, $" (first: {report.FirstEjected} after {ms:N0} ms)") : string.Empty;
        output.WriteLine(string.Create(c, $"  retries {report.Retries:N0}  hedges {report.Hedges:N0}  ejections {report.Ejections:N0}{first}  server requests {report.ServerRequests:N0}"));
        output.WriteLine("  instance      weight  requests   share");
        var total = Math.Max(1, report.PerInstance.Values.Sum());
        foreach (var (instance, count) in report.PerInstance.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var share = (double)count / total;
            var weight = _weights.TryGetValue(instance, out var w) ? w.ToString(c) : "-";
            var bar = new string('#', (int)Math.Round(share * BarWidth));
            output.WriteLine(string.Create(c, $"  {instance,-12} {weight,7} {count,9:N0}  {share,6:P1}  {bar}"));
        }

        if (report.AnomalyRun is { } anomalies)
        {
            AnomalyTable.Write(output, anomalies);
        }
    }
}
