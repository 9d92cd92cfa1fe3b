using MeshClient.Status;

namespace MeshClient.Anomaly;

/// <summary>Serves the live feed's active anomalies at <c>/mesh/anomalies</c>.</summary>
internal sealed class AnomalyStatusContributor(AnomalyFeed feed) : IMeshStatusContributor
{
    public string Name => AnomalyConstants.StatusName;

    public ValueTask<object?> GetStatusAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<object?>(new AnomalyStatus(
            feed.ActiveAnomalies, feed.SeriesCount, feed.BucketsClosed, feed.DroppedOutcomes, feed.DroppedSeries, feed.BucketInterval));
}

/// <summary>The <c>/mesh/anomalies</c> document.</summary>
internal sealed record AnomalyStatus(
    IReadOnlyList<ActiveAnomaly> Active, int Series, long BucketsClosed, long DroppedOutcomes, long DroppedSeries, TimeSpan BucketInterval);
