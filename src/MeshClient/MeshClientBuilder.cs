using Microsoft.Extensions.DependencyInjection;

namespace MeshClient;

internal sealed class MeshClientBuilder(IServiceCollection services) : IMeshClientBuilder
{
    public IServiceCollection Services { get; } = services;
}
