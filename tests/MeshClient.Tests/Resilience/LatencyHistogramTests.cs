using MeshClient.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Resilience;

public sealed class LatencyHistogramTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void P95_FewerSamplesThanTheMinimum_ReturnsNull()
    {
        var histogram = new LatencyHistogram(_time);
        Record(histogram, TimeSpan.FromMilliseconds(10), 5);

        histogram.P95(_time.GetTimestamp(), minSamples: 20).Should().BeNull();
    }

    [Fact]
    public void P95_NinetyFastFiveSlowFiveSlower_ReturnsTheSlowBucketWithinABucketWidth()
    {
        var histogram = new LatencyHistogram(_time);
        Record(histogram, TimeSpan.FromMilliseconds(10), 90);
        Record(histogram, TimeSpan.FromMilliseconds(100), 6);
        Record(histogram, TimeSpan.FromMilliseconds(1000), 4);

        var p95 = histogram.P95(_time.GetTimestamp(), minSamples: 20);

        p95.Should().NotBeNull();
        p95!.Value.TotalMilliseconds.Should().BeInRange(100, 125, "the upper edge of the bucket that holds 100 ms (buckets are a quarter octave wide)");
    }

    [Fact]
    public void P95_TwoWindowsWithoutSamples_ForgetsOldLatencies()
    {
        var histogram = new LatencyHistogram(_time);
        Record(histogram, TimeSpan.FromMilliseconds(500), 50);
        _time.Advance(TimeSpan.FromSeconds(25));
        Record(histogram, TimeSpan.FromMilliseconds(5), 50);
        _time.Advance(TimeSpan.FromSeconds(2));

        var p95 = histogram.P95(_time.GetTimestamp(), minSamples: 20);

        p95!.Value.TotalMilliseconds.Should().BeLessThan(10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(1_000)]
    [InlineData(123_456)]
    [InlineData(long.MaxValue / 2)]
    public void Index_AnyLatency_UpperEdgeIsAtLeastTheLatency(long micros)
    {
        var index = LatencyHistogram.Index(micros);

        (LatencyHistogram.UpperMs(index) * 1000).Should().BeGreaterThanOrEqualTo(Math.Min(micros, 1L << 39));
    }

    private void Record(LatencyHistogram histogram, TimeSpan latency, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var end = _time.GetTimestamp();
            histogram.Record(end - (long)(latency.TotalSeconds * _time.TimestampFrequency), end);
        }
    }
}
