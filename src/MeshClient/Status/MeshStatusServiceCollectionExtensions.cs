using MeshClient;
using MeshClient.Status;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers status contributors served under <c>/mesh/{name}</c>.</summary>
public static class MeshStatusServiceCollectionExtensions
{
    /// <summary>Registers a status contributor (once per type).</summary>
    /// <typeparam name="T">The contributor type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddMeshStatusContributor<T>(this IMeshClientBuilder builder)
        where T : class, IMeshStatusContributor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeshStatusContributor, T>());
        return builder;
    }
}
