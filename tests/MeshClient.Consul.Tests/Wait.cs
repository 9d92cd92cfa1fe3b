using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Consul.Tests;

/// <summary>Waiting for outcomes without sleeping: awaits with a real-time guard, or drives fake time in steps until an awaited event happens.</summary>
internal static class Wait
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    public static Task<T> For<T>(Task<T> task) => task.WaitAsync(Guard);

    public static Task For(Task task) => task.WaitAsync(Guard);

    /// <summary>Advances fake time by <paramref name="step"/> until the task completes (timers may be armed after the call starts).</summary>
    public static async Task<T> Advancing<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 100)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(task, task.WaitAsync(TimeSpan.FromMilliseconds(100)).ContinueWith(static _ => { }, TaskScheduler.Default));
        }

        return await task.WaitAsync(Guard);
    }

    /// <summary>Advances fake time by <paramref name="step"/> until the task completes.</summary>
    public static async Task Advancing(FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 100)
    {
        await Advancing(time, Completed(task), step, maxSteps);

        static async Task<bool> Completed(Task task)
        {
            await task;
            return true;
        }
    }

    /// <summary>Awaits a condition signalled by a change token source, re-checking on every signal (no polling of wall-clock time).</summary>
    public static async Task Until(Func<bool> condition, Func<Task> next)
    {
        var deadline = Task.Delay(Guard, TimeProvider.System);
        while (!condition())
        {
            var signal = next();
            if (await Task.WhenAny(signal, deadline) == deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }
        }
    }
}
