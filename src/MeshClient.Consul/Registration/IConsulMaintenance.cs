namespace MeshClient.Consul.Registration;

/// <summary>
/// Puts this process's Consul registration in maintenance mode and back (<c>PUT /v1/agent/service/maintenance/{id}</c>): the
/// agent adds a critical check, so discovery stops routing to the instance while it stays registered (to drain).
/// </summary>
public interface IConsulMaintenance
{
    /// <summary>Gets a value indicating whether maintenance mode was enabled through this API and not disabled since.</summary>
    bool IsEnabled { get; }

    /// <summary>Enables maintenance mode.</summary>
    /// <param name="reason">The reason shown in the maintenance check's notes; Consul writes a default one when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the agent accepted it.</returns>
    /// <exception cref="InvalidOperationException">This process is not registered (yet).</exception>
    Task EnableAsync(string? reason, CancellationToken cancellationToken);

    /// <summary>Disables maintenance mode.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the agent accepted it.</returns>
    /// <exception cref="InvalidOperationException">This process is not registered (yet).</exception>
    Task DisableAsync(CancellationToken cancellationToken);
}
