namespace MeshClient;

/// <summary>Exponential backoff between two bounds, for background discovery and registry calls.</summary>
internal struct RetryDelay
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public RetryDelay(TimeSpan min, TimeSpan max)
    {
        _min = min;
        _max = max;
        _next = min;
    }

    public TimeSpan Next()
    {
        var current = _next;
        _next = TimeSpan.FromTicks(Math.Min(_max.Ticks, current.Ticks * 2));
        return current;
    }

    public void Reset() => _next = _min;
}
