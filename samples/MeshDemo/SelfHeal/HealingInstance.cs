using System.Net.Sockets;
using MeshClient.Recovery;
using MeshDemo.Cluster;
using MeshDemo.Registries;
using Microsoft.AspNetCore.Http;

namespace MeshDemo.SelfHeal;

/// <summary>
/// The instance that heals itself, and the demo's supervisor of it: runs an <see cref="Incarnation"/>, and when its
/// <c>restart</c> action raises the <see cref="RestartSignal"/>, keeps its journal (as a log shipper would), stops it and
/// starts a fresh one on the same port, with the fault gone, as a restarted process comes back.
/// </summary>
internal sealed class HealingInstance : IAsyncDisposable
{
    private static readonly TimeSpan JournalPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan JournalWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BindRetry = TimeSpan.FromMilliseconds(200);
    private const int BindAttempts = 25;

    private readonly IDemoRegistry _registry;
    private readonly TimeProvider _time;
    private readonly TimeSpan _serviceTime;
    private readonly List<(int Incarnation, RecoveryJournalEntry Entry)> _pastJournals = [];
    private readonly TaskCompletionSource _restarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Incarnation? _current;
    private int _incarnations;
    private Task _supervisor = Task.CompletedTask;
    private volatile bool _failing;
    private long _served;

    private HealingInstance(IDemoRegistry registry, string instanceId, TimeSpan serviceTime, TimeProvider time)
    {
        _registry = registry;
        InstanceId = instanceId;
        _serviceTime = serviceTime;
        _time = time;
    }

    public string InstanceId { get; }

    /// <summary>Gets or sets whether the instance answers every request with 503 (its dependency is down); a restart clears it.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Gets how many requests the instance received, over all its runs.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Gets how many times the supervisor restarted the instance.</summary>
    public int Restarts => Math.Max(0, Volatile.Read(ref _incarnations) - 1);

    /// <summary>Gets a task that completes when the first restart has started the fresh run.</summary>
    public Task Restarted => _restarted.Task;

    public static async Task<HealingInstance> StartAsync(
        IDemoRegistry registry, string instanceId, TimeSpan serviceTime, TimeProvider time, CancellationToken cancellationToken)
    {
        var instance = new HealingInstance(registry, instanceId, serviceTime, time);
        instance._current = await Incarnation.StartAsync(registry, instanceId, 1, 0, instance.AnswerAsync, cancellationToken);
        instance._incarnations = 1;
        instance._supervisor = Task.Run(() => instance.SuperviseAsync(instance._stop.Token), CancellationToken.None);
        return instance;
    }

    /// <summary>Returns the journals of every run so far, each entry with the run that wrote it.</summary>
    public IReadOnlyList<(int Incarnation, RecoveryJournalEntry Entry)> Journal()
    {
        lock (_pastJournals)
        {
            return Volatile.Read(ref _current) is { } current ? [.. _pastJournals, .. current.Journal.Select(e => (current.Number, e))] : [.. _pastJournals];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _supervisor;
        if (Volatile.Read(ref _current) is { } current)
        {
            await current.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var old = _current!;
                await old.Signal.Requested.WaitAsync(stop);

                // The journal records "restarted" once the action has returned; keep it before the process goes.
                await WaitForRestartedAsync(old, stop);
                var port = old.Port;
                lock (_pastJournals)
                {
                    _pastJournals.AddRange(old.Journal.Select(e => (old.Number, e)));
                    Volatile.Write(ref _current, null);
                }

                await old.DisposeAsync();
                Failing = false;
                var fresh = await StartOnPortAsync(old.Number + 1, port, stop);
                lock (_pastJournals)
                {
                    Volatile.Write(ref _current, fresh);
                    Interlocked.Increment(ref _incarnations);
                }

                _restarted.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The demo is over.
        }
#pragma warning disable CA1031 // The scenario reports a restart that did not happen; the exception goes to stderr.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"MeshDemo: the supervisor could not restart {InstanceId}: {ex.Message}");
            _restarted.TrySetException(ex);
        }
    }

    private async Task WaitForRestartedAsync(Incarnation incarnation, CancellationToken stop)
    {
        var started = _time.GetTimestamp();
        while (!incarnation.Journal.Any(static e => e.Event == "restarted") && _time.GetElapsedTime(started) < JournalWait)
        {
            await Task.Delay(JournalPoll, _time, stop);
        }
    }

    private async Task<Incarnation> StartOnPortAsync(int number, int port, CancellationToken stop)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Incarnation.StartAsync(_registry, InstanceId, number, port, AnswerAsync, stop);
            }
            catch (IOException) when (attempt < BindAttempts)
            {
                // The port is still held by the run that just stopped: try again shortly.
                await Task.Delay(BindRetry, _time, stop);
            }
            catch (SocketException) when (attempt < BindAttempts)
            {
                await Task.Delay(BindRetry, _time, stop);
            }
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _served);
        var failing = Failing;
        await Task.Delay(_serviceTime, _time, context.RequestAborted);
        context.Response.Headers[RatingsInstance.InstanceHeader] = InstanceId;
        if (failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"instance":"{{InstanceId}}","stars":4}""", context.RequestAborted);
    }
}
