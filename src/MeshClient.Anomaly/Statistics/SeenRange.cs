namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// The "spatial anomaly" rule of NAB's numenta detector: a value more than a tolerance (a fraction of the range seen so
/// far) outside the minimum and maximum seen so far is anomalous. Two doubles of state.
/// </summary>
internal struct SeenRange
{
    private readonly double _tolerance;
    private double _min;
    private double _max;
    private bool _any;

    public SeenRange(double tolerance) => _tolerance = tolerance;

    /// <summary>Checks the value against the range seen before it, then widens the range.</summary>
    public bool IsOutsideThenAdd(double value)
    {
        var outside = false;
        if (_any && _max > _min)
        {
            var margin = (_max - _min) * _tolerance;
            outside = value > _max + margin || value < _min - margin;
        }

        if (!_any)
        {
            _min = _max = value;
            _any = true;
        }
        else
        {
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
        }

        return outside;
    }
}
