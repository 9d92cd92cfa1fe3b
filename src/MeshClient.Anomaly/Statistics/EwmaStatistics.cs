namespace MeshClient.Anomaly.Statistics;

/// <summary>Exponentially weighted mean and variance (West 1979 incremental form). O(1), no allocation.</summary>
internal struct EwmaStatistics
{
    private readonly double _alpha;

    private double _decay;

    public EwmaStatistics(double alpha)
    {
        _alpha = alpha;
        _decay = 1.0;
    }

    public double Mean { get; private set; }

    public double Variance { get; private set; }

    public long Count { get; private set; }

    public readonly double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>
    /// Gets the standard deviation with the start-up bias removed: the variance starts at 0, so after <c>n</c> values it
    /// carries only <c>1 - (1 - α)^(n - 1)</c> of its weight; dividing by that keeps early z-scores honest.
    /// </summary>
    public readonly double DebiasedStandardDeviation => Count < 2 ? 0.0 : Math.Sqrt(Variance / (1.0 - _decay));

    public void Add(double value)
    {
        if (Count++ == 0)
        {
            Mean = value;
            return;
        }

        _decay *= 1.0 - _alpha;
        var difference = value - Mean;
        var increment = _alpha * difference;
        Mean += increment;
        Variance = (1.0 - _alpha) * (Variance + (difference * increment));
    }

    /// <summary>Moves the mean to a new level (after a detected change), keeping the variance and the count.</summary>
    public void Recentre(double value) => Mean = value;
}
