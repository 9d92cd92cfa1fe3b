using MeshClient.Registration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MeshDemo.Hosting;

/// <summary>
/// Lets self-registration find the port Kestrel bound (the demo listens on <c>http://127.0.0.1:0</c>). Registration
/// runs once the host has started, when the server's addresses are known.
/// </summary>
internal sealed class ServerAddressResolver(IServer server) : IRegistrationAddressResolver
{
    public ValueTask<Uri?> ResolveAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return ValueTask.FromResult(address is null ? null : new Uri(address, UriKind.Absolute));
    }
}
