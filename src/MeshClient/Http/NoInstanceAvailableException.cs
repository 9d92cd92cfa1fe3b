namespace MeshClient.Http;

/// <summary>Thrown by the mesh handler when no instance of a service can take the request.</summary>
public sealed class NoInstanceAvailableException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serviceName">The service.</param>
    /// <param name="reason">Why no instance could be picked.</param>
    /// <param name="detail">More detail (for example the discovery error), free of secrets.</param>
    public NoInstanceAvailableException(string serviceName, NoInstanceReason reason, string? detail = null)
        : base(FormatMessage(serviceName, reason, detail))
    {
        ServiceName = serviceName;
        Reason = reason;
    }

    /// <summary>Gets the service.</summary>
    public string ServiceName { get; }

    /// <summary>Gets why no instance could be picked.</summary>
    public NoInstanceReason Reason { get; }

    private static string FormatMessage(string serviceName, NoInstanceReason reason, string? detail)
    {
        var text = reason switch
        {
            NoInstanceReason.UnknownService => $"No instance of service '{serviceName}' is available: no discovery provider knows the service.",
            NoInstanceReason.NoInstancesRegistered => $"No instance of service '{serviceName}' is available: none is registered.",
            NoInstanceReason.AllInstancesUnavailable => $"No instance of service '{serviceName}' is available: all instances are down or out of service.",
            _ => $"No instance of service '{serviceName}' is available: discovery failed.",
        };
        return detail is null ? text : $"{text} {detail}";
    }
}
