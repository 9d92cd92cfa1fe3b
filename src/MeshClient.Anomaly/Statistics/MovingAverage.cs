namespace MeshClient.Anomaly.Statistics;

/// <summary>Mean of the last <c>n</c> values over a preallocated ring. O(1), no allocation after construction.</summary>
internal sealed class MovingAverage
{
    private readonly double[] _ring;
    private double _sum;
    private int _next;
    private int _count;

    public MovingAverage(int length) => _ring = new double[length];

    public int Length => _ring.Length;

    public double Add(double value)
    {
        if (_count == _ring.Length)
        {
            _sum -= _ring[_next];
        }
        else
        {
            _count++;
        }

        _ring[_next] = value;
        _sum += value;
        _next = (_next + 1) % _ring.Length;
        return _sum / _count;
    }
}
