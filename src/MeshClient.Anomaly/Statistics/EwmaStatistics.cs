namespace MeshClient.Anomaly.Statistics;

/// <summary>Exponentially weighted mean and variance (West 1979 incremental form). O(1), no allocation.</summary>
internal struct EwmaStatistics
{
    private readonly double _alpha;

    public EwmaStatistics(double alpha) => _alpha = alpha;

    public double Mean { get; private set; }

    public double Variance { get; private set; }

    public long Count { get; private set; }

    public readonly double StandardDeviation => Math.Sqrt(Variance);

    public void Add(double value)
    {
        if (Count++ == 0)
        {
            Mean = value;
            return;
        }

        var difference = value - Mean;
        var increment = _alpha * difference;
        Mean += increment;
        Variance = (1.0 - _alpha) * (Variance + (difference * increment));
    }
}
