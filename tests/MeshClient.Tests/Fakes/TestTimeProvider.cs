using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports when a one-shot timer is armed, so that a test advances the clock
/// only once the code under test has scheduled its next step (background work re-arms its timers on the thread pool).
/// </summary>
internal sealed class TestTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<Arming> _unclaimed = [];
    private readonly List<(Func<Arming, bool> Match, TaskCompletionSource Signal)> _waiters = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, base.CreateTimer(callback, state, dueTime, period), state);
        Armed(new Arming(dueTime, period, state));
        return timer;
    }

    /// <summary>
    /// Completes when a one-shot timer with this due time was armed (waiting for it if needed), and claims that arming so
    /// that the next call waits for the next one. <paramref name="state"/> narrows the match by the timer's state object.
    /// </summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, Func<object?, bool>? state = null)
    {
        bool Match(Arming a) => a.Due == dueTime && a.Period == Timeout.InfiniteTimeSpan && (state is null || state(a.State));
        lock (_gate)
        {
            var index = _unclaimed.FindIndex(Match);
            if (index >= 0)
            {
                _unclaimed.RemoveAt(index);
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Match, signal));
            return signal.Task.Bounded();
        }
    }

    private void Armed(Arming arming)
    {
        if (arming.Due == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        TaskCompletionSource? signal = null;
        lock (_gate)
        {
            var index = _waiters.FindIndex(w => w.Match(arming));
            if (index >= 0)
            {
                signal = _waiters[index].Signal;
                _waiters.RemoveAt(index);
            }
            else
            {
                _unclaimed.Add(arming);
            }
        }

        signal?.TrySetResult();
    }

    private readonly record struct Arming(TimeSpan Due, TimeSpan Period, object? State);

    private sealed class ObservedTimer(TestTimeProvider owner, ITimer inner, object? state) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(new Arming(dueTime, period, state));
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
