namespace MeshClient.Tests.Fakes;

/// <summary>Counts calls made on background threads and lets a test wait until a count is reached.</summary>
internal sealed class CallCounter
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public int Increment()
    {
        List<TaskCompletionSource>? ready = null;
        int count;
        lock (_gate)
        {
            count = ++_count;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= count)
                {
                    (ready ??= []).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        ready?.ForEach(static s => s.TrySetResult());
        return count;
    }

    /// <summary>Completes once at least <paramref name="count"/> calls were made.</summary>
    public Task WaitForAsync(int count)
    {
        lock (_gate)
        {
            if (_count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.Bounded();
        }
    }
}
