using MeshClient;
using MeshClient.Anomaly;
using MeshClient.Http;
using MeshClient.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the live anomaly feed of MeshClient.</summary>
public static class AnomalyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the live anomaly feed with options bound from <c>Mesh:Anomaly</c>: every outcome of the mesh handler feeds
    /// per-service and per-instance series (error rate, latency p99, throughput, in-flight), each closed bucket is scored
    /// by a detector per series, anomalies are published as <see cref="AnomalyDetectedEvent"/> and
    /// <see cref="AnomalyClearedEvent"/> on the mesh event stream and listed at <c>/mesh/anomalies</c>. The requests this
    /// process serves feed separate inbound series keyed by its own identity (events with
    /// <see cref="AnomalyDetectedEvent.Inbound"/> set) when the ASP.NET Core package's <c>AddInboundObservation()</c> is
    /// called too, in either order. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddAnomalyDetection(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<AnomalyOptions>(AnomalyConstants.Section);
        return AddCore(builder);
    }

    /// <summary>Adds the feed as <see cref="AddAnomalyDetection(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Anomaly</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddAnomalyDetection(this IMeshClientBuilder builder, Action<AnomalyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddAnomalyDetection(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the feed as <see cref="AddAnomalyDetection(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Anomaly</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddAnomalyDetection(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<AnomalyOptions>(AnomalyConstants.Section, section);
        return AddCore(builder);
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder)
    {
        var services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnomalyOptions>, AnomalyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnomalyOptions>, AnomalyOptionsCrossValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnomalyFeed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestOutcomeObserver, AnomalyFeed>(static sp => sp.GetRequiredService<AnomalyFeed>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundRequestObserver, AnomalyFeed>(static sp => sp.GetRequiredService<AnomalyFeed>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeshStatusContributor, AnomalyStatusContributor>());
        return builder;
    }
}
