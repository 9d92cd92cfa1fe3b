namespace MeshDemo.Reporting;

/// <summary>
/// What the default anomaly ensemble raised for one instance during the anomaly phase of <c>fail-one</c> or <c>slow-one</c>,
/// the value of <c>"anomalies":{"ratings-1":{...}}</c>.
/// </summary>
/// <param name="Faulty">Whether the fault was injected into this instance.</param>
/// <param name="Detected">How many anomalies were raised for it over the phase (every series kind; warm-up included).</param>
/// <param name="FirstDetectedBuckets">
/// For the faulty instance: the bucket of its first anomaly raised after the fault, counted from the fault (1 is the first
/// bucket to close after it), or <see langword="null"/> when none was; always <see langword="null"/> for a healthy one.
/// </param>
/// <param name="FalseAlerts">Anomalies that are not the fault: every one on a healthy instance, and those before the fault on the faulty one.</param>
/// <param name="Alerts">Each anomaly: its series and its bucket relative to the fault (0 or less: before it).</param>
internal sealed record InstanceAnomalies(bool Faulty, int Detected, int? FirstDetectedBuckets, int FalseAlerts, IReadOnlyList<AnomalyAlert> Alerts);

/// <summary>One anomaly raised for an instance.</summary>
/// <param name="Series">The series kind, camelCase: <c>errorRate</c>, <c>latencyP99</c>, <c>throughput</c> or <c>inFlight</c>.</param>
/// <param name="Bucket">The bucket it was raised at, relative to the fault: 1 is the first bucket to close after the fault, 0 or less before it.</param>
/// <param name="Value">The bucket's value (a fraction, milliseconds, requests per second or requests in flight).</param>
/// <param name="Score">The ensemble's score, 0 to 1.</param>
internal sealed record AnomalyAlert(string Series, int Bucket, double Value, double Score);
