namespace MeshClient.Testing.Recording;

/// <summary>
/// The requests an in-process registry received, in arrival order, and the waiters for the next matching request.
/// Thread-safe; waiters complete asynchronously, outside the lock.
/// </summary>
/// <typeparam name="TRequest">The recorded request.</typeparam>
internal sealed class RequestRecorder<TRequest>
    where TRequest : class
{
    private readonly Lock _gate = new();
    private readonly List<TRequest> _requests = [];
    private readonly List<(Func<TRequest, bool> Match, TaskCompletionSource<TRequest> Seen)> _waiters = [];

    /// <summary>Gets a copy of every request recorded so far.</summary>
    public IReadOnlyList<TRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Records a request as it arrives.</summary>
    /// <param name="request">The request.</param>
    public void Add(TRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    /// <summary>Waits for the next request that matches and is passed to <see cref="Notify"/>.</summary>
    /// <param name="match">Which request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    public Task<TRequest> WaitAsync(Func<TRequest, bool> match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var seen = new TaskCompletionSource<TRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes, and removes, the waiters that match a request the registry has handled.</summary>
    /// <param name="request">The request.</param>
    public void Notify(TRequest request)
    {
        List<TaskCompletionSource<TRequest>>? matched = null;
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(request))
                {
                    (matched ??= []).Add(_waiters[i].Seen);
                    _waiters.RemoveAt(i);
                }
            }
        }

        matched?.ForEach(m => m.TrySetResult(request));
    }
}
