namespace MeshClient.Testing.Faults;

/// <summary>
/// The armed faults of an in-process registry, in arming order: the first whose filter matches a request applies to it,
/// and a fault armed for a number of requests disarms itself after the last. Thread-safe.
/// </summary>
/// <typeparam name="TRequest">The recorded request the filters read.</typeparam>
/// <typeparam name="TFault">What a fault does, as the registry reads it.</typeparam>
internal sealed class FaultList<TRequest, TFault>
    where TFault : struct
{
    private readonly Lock _gate = new();
    private readonly List<Armed> _faults = [];

    /// <summary>Arms a fault.</summary>
    /// <param name="fault">What it does.</param>
    /// <param name="when">Which requests; all when <see langword="null"/>.</param>
    /// <param name="times">How many requests; unlimited when <see langword="null"/>.</param>
    public void Add(TFault fault, Func<TRequest, bool>? when, int? times)
    {
        lock (_gate)
        {
            _faults.Add(new Armed(fault, when, times));
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Returns the fault that applies to a request, counting it against the fault's number of requests.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The fault, or <see langword="null"/> when none applies.</returns>
    public TFault? Match(TRequest request)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.When?.Invoke(request) ?? true);
            if (index < 0)
            {
                return null;
            }

            var armed = _faults[index];
            if (armed.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    _faults.RemoveAt(index);
                }
                else
                {
                    _faults[index] = armed with { Remaining = remaining - 1 };
                }
            }

            return armed.Fault;
        }
    }

    private sealed record Armed(TFault Fault, Func<TRequest, bool>? When, int? Remaining);
}
