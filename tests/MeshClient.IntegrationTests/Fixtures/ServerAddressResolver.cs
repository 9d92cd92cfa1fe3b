using MeshClient.Registration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MeshClient.IntegrationTests.Fixtures;

/// <summary>Gives self-registration the port Kestrel bound on <c>127.0.0.1:0</c>, read once the host has started.</summary>
internal sealed class ServerAddressResolver(IServer server) : IRegistrationAddressResolver
{
    public ValueTask<Uri?> ResolveAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).FirstOrDefault());
}
