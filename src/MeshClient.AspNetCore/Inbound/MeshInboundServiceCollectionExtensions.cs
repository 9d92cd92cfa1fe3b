using MeshClient;
using MeshClient.AspNetCore.Inbound;
using MeshClient.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the observation of the requests this service serves.</summary>
public static class MeshInboundServiceCollectionExtensions
{
    /// <summary>
    /// Adds a middleware, first in the pipeline, that hands the outcome of every request this service serves (status,
    /// 500 when the pipeline threw, duration, client abort) to every registered <see cref="IInboundRequestObserver"/>
    /// (for example the anomaly feed of <c>AddAnomalyDetection()</c>), with options bound from <c>Mesh:Inbound</c>.
    /// Requests under <c>Mesh:Inbound:ExcludedPathPrefixes</c> (the probe paths, <c>/metrics</c> and <c>/mesh</c> by
    /// default) are not observed; without an observer nothing is added to the pipeline. Calling it more than once does
    /// nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddInboundObservation(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<MeshInboundOptions>(InboundConstants.Section);
        return AddCore(builder);
    }

    /// <summary>Adds the observation as <see cref="AddInboundObservation(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Inbound</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddInboundObservation(this IMeshClientBuilder builder, Action<MeshInboundOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddInboundObservation(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the observation as <see cref="AddInboundObservation(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Inbound</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddInboundObservation(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<MeshInboundOptions>(InboundConstants.Section, section);
        return AddCore(builder);
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshInboundOptions>, MeshInboundOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, InboundObservationStartupFilter>());
        return builder;
    }
}
