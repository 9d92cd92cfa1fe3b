namespace MeshClient.Anomaly.Statistics;

/// <summary>
/// Exact median of the last <c>n</c> values: a ring of values indexed by two heaps (a max-heap of the lower half and a
/// min-heap of the upper half) that know each value's position, so the oldest value is replaced in place.
/// O(log n) and allocation-free per value; memory is one double and three ints per slot.
/// </summary>
internal sealed class MovingMedian
{
    private readonly double[] _values;
    private readonly int[] _low;
    private readonly int[] _high;
    private readonly int[] _position;
    private int _lowCount;
    private int _highCount;
    private int _next;

    public MovingMedian(int length)
    {
        _values = new double[length];
        _low = new int[length];
        _high = new int[length];
        _position = new int[length];
    }

    public int Count => _lowCount + _highCount;

    public int Length => _values.Length;

    /// <summary>Gets the median of the values in the window (0 when empty).</summary>
    public double Median => Count == 0 ? 0.0
        : _lowCount > _highCount ? _values[_low[0]]
        : 0.5 * (_values[_low[0]] + _values[_high[0]]);

    public void Add(double value)
    {
        var slot = _next;
        _next = (_next + 1) % _values.Length;
        if (Count == _values.Length)
        {
            Replace(slot, value);
            return;
        }

        _values[slot] = value;
        if (_lowCount == 0 || value <= _values[_low[0]])
        {
            Push(slot, low: true);
        }
        else
        {
            Push(slot, low: false);
        }

        if (_lowCount > _highCount + 1)
        {
            Push(Pop(low: true), low: false);
        }
        else if (_highCount > _lowCount)
        {
            Push(Pop(low: false), low: true);
        }
    }

    private void Replace(int slot, double value)
    {
        _values[slot] = value;
        var position = _position[slot];
        var low = position >= 0;
        var index = low ? position : ~position;
        SiftDown(SiftUp(index, low), low);
        if (_highCount > 0 && _values[_low[0]] > _values[_high[0]])
        {
            (_low[0], _high[0]) = (_high[0], _low[0]);
            _position[_low[0]] = 0;
            _position[_high[0]] = ~0;
            SiftDown(0, low: true);
            SiftDown(0, low: false);
        }
    }

    private void Push(int slot, bool low)
    {
        var index = low ? _lowCount++ : _highCount++;
        Place(index, slot, low);
        SiftUp(index, low);
    }

    private int Pop(bool low)
    {
        var heap = low ? _low : _high;
        var top = heap[0];
        var last = low ? --_lowCount : --_highCount;
        if (last > 0)
        {
            Place(0, heap[last], low);
            SiftDown(0, low);
        }

        return top;
    }

    private int SiftUp(int index, bool low)
    {
        var heap = low ? _low : _high;
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(heap[index], heap[parent], low))
            {
                break;
            }

            Swap(index, parent, low);
            index = parent;
        }

        return index;
    }

    private void SiftDown(int index, bool low)
    {
        var heap = low ? _low : _high;
        var count = low ? _lowCount : _highCount;
        while (true)
        {
            var best = index;
            var left = (2 * index) + 1;
            if (left < count && Before(heap[left], heap[best], low))
            {
                best = left;
            }

            if (left + 1 < count && Before(heap[left + 1], heap[best], low))
            {
                best = left + 1;
            }

            if (best == index)
            {
                return;
            }

            Swap(index, best, low);
            index = best;
        }
    }

    private bool Before(int a, int b, bool low) => low ? _values[a] > _values[b] : _values[a] < _values[b];

    private void Swap(int i, int j, bool low)
    {
        var heap = low ? _low : _high;
        var slot = heap[i];
        Place(i, heap[j], low);
        Place(j, slot, low);
    }

    private void Place(int index, int slot, bool low)
    {
        (low ? _low : _high)[index] = slot;
        _position[slot] = low ? index : ~index;
    }
}
