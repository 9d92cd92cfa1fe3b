using MeshClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Binds a MeshClient package's options the same way in every package.</summary>
public static class MeshClientBuilderOptionsExtensions
{
    /// <summary>
    /// Adds options of a MeshClient package, validated at start, bound from <paramref name="section"/> when given; else from
    /// the <paramref name="childSection"/> child of the section given to <c>AddMeshClient</c> (so a package follows the
    /// root the application chose); else from <c>Mesh:{childSection}</c> of the application's <see cref="IConfiguration"/>,
    /// when there is one. Add the package's validators to the returned builder's services.
    /// </summary>
    /// <typeparam name="TOptions">The options.</typeparam>
    /// <param name="builder">The builder returned by <c>AddMeshClient</c>.</param>
    /// <param name="childSection">The package's key under the mesh section, for example <c>Anomaly</c>.</param>
    /// <param name="section">A section chosen by the caller, or <see langword="null"/>.</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<TOptions> AddMeshOptions<TOptions>(this IMeshClientBuilder builder, string childSection, IConfigurationSection? section = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(childSection);
        var options = builder.Services.AddOptionsWithValidateOnStart<TOptions>();
        if ((section ?? builder.Configuration?.GetSection(childSection)) is { } bound)
        {
            return options.Bind(bound);
        }

        var path = $"{MeshConstants.SectionName}:{childSection}";
        return options.Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(path).Bind(o));
    }
}
