using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient;

internal sealed class MeshClientBuilder(IServiceCollection services, IConfigurationSection? configuration = null) : IMeshClientBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfigurationSection? Configuration { get; } = configuration;
}
