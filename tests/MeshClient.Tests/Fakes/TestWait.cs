namespace MeshClient.Tests.Fakes;

/// <summary>
/// Bounds every wait on a background signal. The cap only turns a hang into a failure: no test asserts on wall-clock time.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    public static Task Bounded(this Task task) => task.WaitAsync(Cap);

    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Cap);

    public static Task<T> Bounded<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Cap);
}
