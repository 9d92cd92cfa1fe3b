using MeshClient.Events;

namespace MeshClient.Tests.Fakes;

internal static class EventSubscriptionExtensions
{
    /// <summary>Reads events until one of type <typeparamref name="T"/> matches; the wait is bounded by <see cref="TestWait.Cap"/>.</summary>
    public static async Task<T> NextAsync<T>(this MeshEventSubscription subscription, Func<T, bool>? match = null)
        where T : MeshEvent
    {
        using var cap = new CancellationTokenSource(TestWait.Cap, TimeProvider.System);
        while (true)
        {
            var next = await subscription.Reader.ReadAsync(cap.Token);
            if (next is T typed && (match is null || match(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Returns the events of type <typeparamref name="T"/> already buffered, without waiting.</summary>
    public static List<T> Drain<T>(this MeshEventSubscription subscription)
        where T : MeshEvent
    {
        var events = new List<T>();
        while (subscription.Reader.TryRead(out var next))
        {
            if (next is T typed)
            {
                events.Add(typed);
            }
        }

        return events;
    }
}
