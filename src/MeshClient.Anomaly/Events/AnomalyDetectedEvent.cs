using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>A series of the live feed turned anomalous: its detector scored a closed bucket at or above the alert score.</summary>
/// <param name="timestamp">When the bucket closed.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance, or <see langword="null"/> for the service-wide series.</param>
/// <param name="series">The series kind.</param>
/// <param name="score">The detector's score in [0, 1].</param>
/// <param name="value">The bucket's value.</param>
/// <param name="expectedLower">The lowest value the detector expected, or <see langword="null"/> when it exposes no range.</param>
/// <param name="expectedUpper">The highest value the detector expected, or <see langword="null"/> when it exposes no range.</param>
/// <param name="detector">The detector's name, for example <c>ensemble</c>.</param>
/// <param name="inbound">Whether the series holds the requests this process serves (then service and instance are this process's own) rather than the calls it makes to a peer.</param>
public sealed class AnomalyDetectedEvent(
    DateTimeOffset timestamp, string serviceName, string? instanceId, AnomalySeriesKind series, double score, double value, double? expectedLower, double? expectedUpper, string detector, bool inbound = false)
    : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "anomaly.detected";

    /// <inheritdoc />
    public override MeshEventSeverity Severity => MeshEventSeverity.Warning;

    /// <summary>Gets the series kind.</summary>
    public AnomalySeriesKind Series { get; } = series;

    /// <summary>Gets the detector's score in [0, 1].</summary>
    public double Score { get; } = score;

    /// <summary>Gets the bucket's value.</summary>
    public double Value { get; } = value;

    /// <summary>Gets the lowest value the detector expected, or <see langword="null"/> when it exposes no range.</summary>
    public double? ExpectedLower { get; } = expectedLower;

    /// <summary>Gets the highest value the detector expected, or <see langword="null"/> when it exposes no range.</summary>
    public double? ExpectedUpper { get; } = expectedUpper;

    /// <summary>Gets the detector's name.</summary>
    public string Detector { get; } = detector;

    /// <summary>
    /// Gets a value indicating whether the series holds the requests this process serves (its own traffic, fed by the
    /// ASP.NET Core package's inbound observation; service and instance are this process's) rather than the calls it
    /// makes to a peer.
    /// </summary>
    public bool Inbound { get; } = inbound;
}
