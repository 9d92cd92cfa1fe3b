using MeshClient.LoadBalancing;

namespace MeshClient.Resilience;

/// <summary>
/// What the attempts of one call left for the next: the instances already tried and whether the last outcome may be
/// retried. Created on the first retryable failure only (or at the start of a hedged call), so the happy path allocates
/// nothing. Hedged attempts of one call run at once, so the tried-set takes a short, uncontended lock.
/// </summary>
internal sealed class AttemptLog
{
    private readonly Lock _gate = new();
    private InstanceState[] _tried = new InstanceState[4];

    public int Count { get; private set; }

    /// <summary>Gets or sets a value indicating whether the last attempt failed in a way that may be retried.</summary>
    public bool Retryable { get; set; }

    /// <summary>Gets or sets the delay the last response asked for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public void Add(InstanceState state)
    {
        lock (_gate)
        {
            if (Contains(state))
            {
                return;
            }

            if (Count == _tried.Length)
            {
                Array.Resize(ref _tried, Count * 2);
            }

            _tried[Count++] = state;
        }
    }

    public bool Contains(InstanceState state)
    {
        lock (_gate)
        {
            for (var i = 0; i < Count; i++)
            {
                if (ReferenceEquals(_tried[i], state))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
