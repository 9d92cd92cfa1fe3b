using MeshClient;
using MeshClient.Prometheus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Prometheus exporter of MeshClient.</summary>
public static class MeshPrometheusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Prometheus exporter with options bound from <c>Mesh:Prometheus</c>: the MeshClient meters and ASP.NET
    /// Core's hosting and Kestrel meters of this application, in a registry without prometheus-net's default collectors.
    /// Map the endpoint with <c>app.MapMeshMetrics()</c>. Calling it more than once does nothing more.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddPrometheus(this IMeshClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMeshOptions<MeshPrometheusOptions>(PrometheusConstants.Section);
        return AddCore(builder);
    }

    /// <summary>Adds the exporter as <see cref="AddPrometheus(IMeshClientBuilder)"/>, then applies <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="configure">Changes the options after <c>Mesh:Prometheus</c> is bound.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddPrometheus(this IMeshClientBuilder builder, Action<MeshPrometheusOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddPrometheus(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds the exporter as <see cref="AddPrometheus(IMeshClientBuilder)"/>, with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="section">The section to bind instead of <c>Mesh:Prometheus</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMeshClientBuilder AddPrometheus(this IMeshClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddMeshOptions<MeshPrometheusOptions>(PrometheusConstants.Section, section);
        return AddCore(builder);
    }

    private static IMeshClientBuilder AddCore(IMeshClientBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeshPrometheusOptions>, MeshPrometheusOptionsValidator>());
        builder.Services.TryAddSingleton<MeterBridge>();
        return builder;
    }
}
