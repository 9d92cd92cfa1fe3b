using System.Net;
using MeshClient.Registration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Registration;

/// <summary>
/// Finds the address to register from the server's bound addresses (<see cref="IServerAddressesFeature"/>): the first
/// non-loopback one (of the scheme named by <c>Mesh:Registration:Scheme</c>, when set), wildcard hosts mapped to the
/// machine's first non-loopback IPv4, else loopback as <c>127.0.0.1</c>. Core applies <c>Mesh:Registration:Host/Port/Scheme</c> over it.
/// </summary>
internal sealed partial class ServerAddressResolver : IRegistrationAddressResolver
{
    private readonly IServer? _server;
    private readonly IOptions<MeshOptions> _options;
    private readonly Func<IPAddress?> _machineAddress;
    private readonly ILogger _logger;

    public ServerAddressResolver(IServiceProvider services, IOptions<MeshOptions> options, ILogger<ServerAddressResolver> logger)
        : this(services.GetService<IServer>(), options, MachineAddress.FirstNonLoopbackIPv4, logger)
    {
    }

    internal ServerAddressResolver(IServer? server, IOptions<MeshOptions> options, Func<IPAddress?> machineAddress, ILogger logger)
    {
        _server = server;
        _options = options;
        _machineAddress = machineAddress;
        _logger = logger;
    }

    public ValueTask<Uri?> ResolveAsync(CancellationToken cancellationToken)
    {
        var addresses = _server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            Log.NoServerAddresses(_logger);
            return ValueTask.FromResult<Uri?>(null);
        }

        var bound = addresses.ToArray();
        var chosen = Choose(bound, _options.Value.Registration.Scheme, _machineAddress);
        if (chosen is not null)
        {
            Log.AddressDetected(_logger, chosen, string.Join(", ", bound));
        }

        return ValueTask.FromResult(chosen);
    }

    /// <summary>Picks the address to register among the bound ones, or <see langword="null"/> when none is usable.</summary>
    internal static Uri? Choose(IReadOnlyList<string> bound, string? preferredScheme, Func<IPAddress?> machineAddress)
    {
        var candidates = new List<Candidate>(bound.Count);
        IPAddress? machine = null;
        var machineLooked = false;
        foreach (var text in bound)
        {
            if (!TryParse(text, out var scheme, out var host, out var port))
            {
                continue;
            }

            if (AddressResolutionConstants.WildcardHosts.Contains(host, StringComparer.Ordinal))
            {
                if (!machineLooked)
                {
                    machine = machineAddress();
                    machineLooked = true;
                }

                host = machine?.ToString() ?? AddressResolutionConstants.LoopbackIPv4;
            }

            candidates.Add(new Candidate(scheme, host, port, Classify(host)));
        }

        var pool = preferredScheme is not null && candidates.Exists(c => string.Equals(c.Scheme, preferredScheme, StringComparison.OrdinalIgnoreCase))
            ? candidates.FindAll(c => string.Equals(c.Scheme, preferredScheme, StringComparison.OrdinalIgnoreCase))
            : candidates;
        var best = pool.Find(static c => c.Kind == HostKind.Routable)
            ?? pool.Find(static c => c.Kind == HostKind.LoopbackIPv4)
            ?? pool.Find(static c => c.Kind == HostKind.LoopbackOther);
        return best?.ToUri();
    }

    private static bool TryParse(string text, out string scheme, out string host, out int port)
    {
        scheme = host = string.Empty;
        port = 0;
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || address.IsNamedPipe || address.Port <= 0 || string.IsNullOrEmpty(address.Host))
        {
            return false;
        }

        scheme = address.Scheme.ToLowerInvariant();
        host = address.Host;
        port = address.Port;
        return scheme is "http" or "https";
    }

    private static HostKind Classify(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return HostKind.LoopbackIPv4; // registered as 127.0.0.1, which Kestrel binds for localhost
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
        {
            return HostKind.Routable;
        }

        return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? HostKind.LoopbackIPv4 : HostKind.LoopbackOther;
    }

    private enum HostKind
    {
        Routable,
        LoopbackIPv4,
        LoopbackOther,
    }

    private sealed record Candidate(string Scheme, string Host, int Port, HostKind Kind)
    {
        public Uri ToUri()
        {
            var host = Kind == HostKind.LoopbackIPv4 && string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
                ? AddressResolutionConstants.LoopbackIPv4
                : Host;
            return new UriBuilder(Scheme, host, Port).Uri;
        }
    }
}
