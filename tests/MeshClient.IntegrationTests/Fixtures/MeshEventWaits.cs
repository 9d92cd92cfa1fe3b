using MeshClient.Events;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>Waits on the mesh event stream for a signal, bounded in time.</summary>
internal static class MeshEventWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads the subscription until an event of type <typeparamref name="T"/> matches; subscribe before causing it.</summary>
    public static async Task<T> WaitForAsync<T>(this MeshEventSubscription subscription, Func<T, bool> match, TimeSpan? timeout = null)
        where T : MeshEvent
    {
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit, TimeProvider.System);
        try
        {
            await foreach (var meshEvent in subscription.Reader.ReadAllAsync(deadline.Token))
            {
                if (meshEvent is T typed && match(typed))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching {typeof(T).Name} within {limit}.");
        }

        throw new InvalidOperationException("The subscription ended before a matching event.");
    }
}
