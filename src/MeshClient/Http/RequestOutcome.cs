using MeshClient.LoadBalancing;

namespace MeshClient.Http;

/// <summary>The outcome of one request sent to one instance, as the mesh handler observed it.</summary>
public readonly struct RequestOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="serviceName">The logical service.</param>
    /// <param name="instance">The instance that was called.</param>
    /// <param name="kind">How the request ended.</param>
    /// <param name="statusCode">The HTTP status code, or 0 without a response.</param>
    /// <param name="exception">The exception, if any.</param>
    /// <param name="startTimestamp">When it was sent, as a <see cref="TimeProvider"/> timestamp.</param>
    /// <param name="endTimestamp">When it ended, as a <see cref="TimeProvider"/> timestamp.</param>
    /// <param name="duration">How long it took.</param>
    public RequestOutcome(
        string serviceName, InstanceState instance, RequestOutcomeKind kind, int statusCode, Exception? exception, long startTimestamp, long endTimestamp, TimeSpan duration)
    {
        ServiceName = serviceName;
        Instance = instance;
        Kind = kind;
        StatusCode = statusCode;
        Exception = exception;
        StartTimestamp = startTimestamp;
        EndTimestamp = endTimestamp;
        Duration = duration;
    }

    /// <summary>Gets the logical service.</summary>
    public string ServiceName { get; }

    /// <summary>Gets the instance that was called.</summary>
    public InstanceState Instance { get; }

    /// <summary>Gets how the request ended.</summary>
    public RequestOutcomeKind Kind { get; }

    /// <summary>Gets the HTTP status code, or 0 without a response.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the exception, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>Gets when the request was sent.</summary>
    public long StartTimestamp { get; }

    /// <summary>Gets when it ended.</summary>
    public long EndTimestamp { get; }

    /// <summary>Gets how long it took.</summary>
    public TimeSpan Duration { get; }
}
