using MeshClient;
using MeshClient.AspNetCore.Registration;
using MeshClient.Registration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core integration of MeshClient.</summary>
public static class MeshAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ASP.NET Core integration: self-registration takes its address from the server's bound addresses
    /// (first non-loopback address; wildcard hosts mapped to the machine's first non-loopback IPv4; else 127.0.0.1).
    /// <c>Mesh:Registration:Host</c>, <c>Port</c> and <c>Scheme</c> still win. Calling it more than once does nothing more.
    /// Map the status endpoints with <c>app.MapMeshEndpoints()</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddAspNetCore(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRegistrationAddressResolver, ServerAddressResolver>());
        return builder;
    }
}
