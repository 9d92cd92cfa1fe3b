using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests;

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
            await Task.WhenAny(task, Task.Run(static async () => await Task.Yield()));
            if (!task.IsCompleted)
            {
                await Task.WhenAny(task, task.WaitAsync(TimeSpan.FromMilliseconds(100)).ContinueWith(static _ => { }, TaskScheduler.Default));
            }
        }

        return await task.WaitAsync(Guard);
    }
}
