namespace MeshClient.Status;

/// <summary>
/// A package's contribution to the mesh status endpoints: the ASP.NET Core package serves each registered contributor at
/// <c>GET /mesh/{Name}</c> as camelCase JSON, without knowing the package (Recovery adds <c>recovery</c>, Anomaly <c>anomalies</c>).
/// </summary>
public interface IMeshStatusContributor
{
    /// <summary>Gets the path segment under <c>/mesh/</c>, lower case, for example <c>recovery</c>.</summary>
    string Name { get; }

    /// <summary>Returns the current status document; it must hold no secrets.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An object serialised as camelCase JSON with enums as strings.</returns>
    ValueTask<object?> GetStatusAsync(CancellationToken cancellationToken);
}
