using System.Collections.Concurrent;

namespace MeshClient.Http;

/// <summary>
/// Reports an outcome to every <see cref="IRequestOutcomeObserver"/>. An observer that throws neither fails the request
/// nor keeps the observers after it from running; its failure is logged once per observer type for the handler's lifetime.
/// </summary>
internal sealed partial class MeshHttpHandler
{
    /// <summary>Observer types whose failure was logged; created on the first failure, so the happy path never touches it.</summary>
    private ConcurrentDictionary<Type, byte>? _failedObserverTypes;

    private void NotifyObservers(in RequestOutcome outcome)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnRequestCompleted(in outcome);
            }
            catch (Exception ex)
            {
                ObserverFailed(observer, ex);
            }
        }
    }

    private void ObserverFailed(IRequestOutcomeObserver observer, Exception exception)
    {
        var type = observer.GetType();
        if (LazyInitializer.EnsureInitialized(ref _failedObserverTypes).TryAdd(type, 0))
        {
            Log.ObserverFailed(_logger, type.FullName ?? type.Name, exception);
        }
    }
}
