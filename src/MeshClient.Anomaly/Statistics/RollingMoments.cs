namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// Mean and variance of the last <c>n</c> values over a preallocated ring, updated in O(1) by adding the new value and
/// removing the oldest (sums re-centred on a shift to keep the variance accurate).
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _ring;
    private double _shift;
    private double _sum;
    private double _sumOfSquares;
    private int _next;

    public RollingMoments(int length) => _ring = new double[length];

    public int Length => _ring.Length;

    public int Count { get; private set; }

    public double Mean => _shift + (_sum / Count);

    public double Variance => Count < 2 ? 0.0 : Math.Max(0.0, (_sumOfSquares - (_sum * _sum / Count)) / (Count - 1));

    public void Add(double value)
    {
        if (Count == 0)
        {
            _shift = value;
        }

        if (Count == _ring.Length)
        {
            var old = _ring[_next] - _shift;
            _sum -= old;
            _sumOfSquares -= old * old;
        }
        else
        {
            Count++;
        }

        _ring[_next] = value;
        var centred = value - _shift;
        _sum += centred;
        _sumOfSquares += centred * centred;
        _next = (_next + 1) % _ring.Length;
    }
}
