using Microsoft.Extensions.Logging;

namespace MeshClient.Testing.Eureka;

/// <summary>How an in-process Eureka server starts: where it listens, its clock, and where it logs registration changes.</summary>
public sealed class EurekaTestServerOptions
{
    /// <summary>
    /// Gets or sets the address to listen on: <c>http://</c> with an IP address or <c>localhost</c> (which listens on
    /// 127.0.0.1) and a port, 0 for a free one. Default <c>http://127.0.0.1:0</c>.
    /// </summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:0");

    /// <summary>Gets or sets the clock of leases, eviction and the delta queue. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets where registration changes are logged, one line each at <see cref="LogLevel.Information"/>: register,
    /// cancel, status override set or removed, metadata update, eviction (renewals are not logged). Default none.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
