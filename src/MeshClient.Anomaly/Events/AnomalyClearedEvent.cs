using MeshClient.Events;

namespace MeshClient.Anomaly;

/// <summary>
/// An anomaly of the live feed ended: its series stayed normal for <see cref="AnomalyOptions.ClearAfterBuckets"/> buckets
/// in a row, or it expired idle.
/// </summary>
/// <param name="timestamp">When the bucket closed.</param>
/// <param name="serviceName">The service.</param>
/// <param name="instanceId">The instance, or <see langword="null"/> for the service-wide series.</param>
/// <param name="series">The series kind.</param>
/// <param name="score">The detector's score of the last bucket.</param>
/// <param name="value">The last bucket's value.</param>
/// <param name="expectedLower">The lowest value the detector expected, or <see langword="null"/> when it exposes no range.</param>
/// <param name="expectedUpper">The highest value the detector expected, or <see langword="null"/> when it exposes no range.</param>
/// <param name="detector">The detector's name, for example <c>ensemble</c>.</param>
/// <param name="detectedAt">When the anomaly was detected.</param>
/// <param name="inbound">Whether the series holds the requests this process serves (then service and instance are this process's own) rather than the calls it makes to a peer.</param>
public sealed class AnomalyClearedEvent(
    DateTimeOffset timestamp, string serviceName, string? instanceId, AnomalySeriesKind series, double score, double value, double? expectedLower, double? expectedUpper, string detector, DateTimeOffset detectedAt, bool inbound = false)
    : MeshEvent(timestamp, serviceName, instanceId)
{
    /// <inheritdoc />
    public override string Kind => "anomaly.cleared";

    /// <summary>Gets the series kind.</summary>
    public AnomalySeriesKind Series { get; } = series;

    /// <summary>Gets the detector's score of the last bucket.</summary>
    public double Score { get; } = score;

    /// <summary>Gets the last bucket's value.</summary>
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

    /// <summary>Gets when the anomaly was detected.</summary>
    public DateTimeOffset DetectedAt { get; } = detectedAt;
}
