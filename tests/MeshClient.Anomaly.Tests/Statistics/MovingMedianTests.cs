using MeshClient.Anomaly.Statistics;

namespace MeshClient.Anomaly.Tests.Statistics;

public class MovingMedianTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void Median_RandomValuesWithTies_EqualsSortedWindowMedian(int length)
    {
        var random = new Random(length);
        var median = new MovingMedian(length);
        var values = Enumerable.Range(0, 2000).Select(_ => (double)random.Next(20)).ToArray();

        for (var i = 0; i < values.Length; i++)
        {
            median.Add(values[i]);
            var window = values.Skip(Math.Max(0, i + 1 - length)).Take(Math.Min(i + 1, length)).Order().ToArray();
            var expected = window.Length % 2 == 1 ? window[window.Length / 2] : 0.5 * (window[(window.Length / 2) - 1] + window[window.Length / 2]);
            median.Median.Should().Be(expected, "at value {0}", i);
        }
    }

    [Fact]
    public void Median_Empty_IsZero() => new MovingMedian(5).Median.Should().Be(0.0);
}
