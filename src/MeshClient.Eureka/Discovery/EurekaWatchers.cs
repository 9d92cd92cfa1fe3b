using Microsoft.Extensions.Primitives;

namespace MeshClient.Eureka.Discovery;

/// <summary>One change token per watched application, fired and replaced when the poller changes that application.</summary>
internal sealed class EurekaWatchers : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CancellationTokenSource> _sources = new(StringComparer.OrdinalIgnoreCase);

    public IChangeToken Watch(string appName)
    {
        lock (_gate)
        {
            if (!_sources.TryGetValue(appName, out var source))
            {
                _sources[appName] = source = new CancellationTokenSource();
            }

            return new CancellationChangeToken(source.Token);
        }
    }

    public void Signal(IEnumerable<string> appNames)
    {
        List<CancellationTokenSource>? fired = null;
        lock (_gate)
        {
            foreach (var name in appNames)
            {
                if (_sources.Remove(name, out var source))
                {
                    (fired ??= []).Add(source);
                }
            }
        }

        foreach (var source in fired ?? [])
        {
            source.Cancel();
            source.Dispose();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var source in _sources.Values)
            {
                source.Dispose();
            }

            _sources.Clear();
        }
    }
}
