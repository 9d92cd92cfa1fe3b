using MeshClient.LoadBalancing;

namespace MeshClient.Resilience;

/// <summary>
/// What the attempts of one call left for the next: the instances already tried and whether the last outcome may be
/// retried. Created on the first retryable failure only, so the happy path allocates nothing; attempts of one call run
/// one after another, so it needs no synchronisation.
/// </summary>
internal sealed class AttemptLog
{
    private InstanceState[] _tried = new InstanceState[4];

    public int Count { get; private set; }

    /// <summary>Gets or sets a value indicating whether the last attempt failed in a way that may be retried.</summary>
    public bool Retryable { get; set; }

    /// <summary>Gets or sets the delay the last response asked for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public void Add(InstanceState state)
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

    public bool Contains(InstanceState state)
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
