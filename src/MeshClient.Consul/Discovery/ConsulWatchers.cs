using System.Collections.Concurrent;
using MeshClient.Consul.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Discovery;

/// <summary>The watch loops, one per service, each started on the first request for its service and stopped with the host.</summary>
internal sealed class ConsulWatchers(
    ConsulHttpClient http, IOptionsMonitor<ConsulOptions> options, TimeProvider time, ILogger<ConsulServiceWatcher> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConsulServiceWatcher> _watchers = new(StringComparer.OrdinalIgnoreCase);
    private int _disposed;

    public IReadOnlyCollection<ConsulServiceWatcher> All => [.. _watchers.Values];

    public ConsulServiceWatcher GetOrStart(string serviceName)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (_watchers.TryGetValue(serviceName, out var existing))
        {
            return existing;
        }

        var created = new ConsulServiceWatcher(serviceName, http, options, time, logger);
        var watcher = _watchers.GetOrAdd(serviceName, created);
        if (ReferenceEquals(watcher, created))
        {
            created.Start();
        }

        return watcher;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var watcher in _watchers.Values)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }
}
