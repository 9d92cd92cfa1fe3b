namespace MeshClient.Anomaly.Tests.Peers;

public class PeerGroupsTests
{
    [Fact]
    public void MedianOfOthers_OwnValueInTheGroup_LeavesItOut()
    {
        var groups = Sealed(5, 6, 7, 50, 8);

        groups.MedianOfOthers("svc", AnomalySeriesKind.LatencyP99, 50, ownIncluded: true).Should().Be(new PeerMedian(6.5, 4));
        groups.MedianOfOthers("svc", AnomalySeriesKind.LatencyP99, 6, ownIncluded: true).Should().Be(new PeerMedian(7.5, 4));
        groups.MedianOfOthers("svc", AnomalySeriesKind.ErrorRate, 6, ownIncluded: false).Should().Be(default(PeerMedian), "another kind has no values");
    }

    [Fact]
    public void MedianOfOthers_OwnValueNotInTheGroup_TakesEveryValue()
    {
        var groups = Sealed(5, 6, 7);

        groups.MedianOfOthers("svc", AnomalySeriesKind.LatencyP99, 90, ownIncluded: false).Should().Be(new PeerMedian(6, 3));
        groups.MedianOfOthers("other", AnomalySeriesKind.LatencyP99, 90, ownIncluded: false).Count.Should().Be(0);
    }

    [Fact]
    public void Clear_NextBucket_StartsEmpty()
    {
        var groups = Sealed(5, 6, 7);
        groups.Clear();
        groups.Add("svc", AnomalySeriesKind.LatencyP99, 1);
        groups.Seal();

        groups.MedianOfOthers("svc", AnomalySeriesKind.LatencyP99, 1, ownIncluded: true).Count.Should().Be(0);
    }

    private static PeerGroups Sealed(params double[] values)
    {
        var groups = new PeerGroups();
        foreach (var value in values)
        {
            groups.Add("svc", AnomalySeriesKind.LatencyP99, value);
        }

        groups.Seal();
        return groups;
    }
}
