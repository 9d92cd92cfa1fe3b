using Microsoft.Extensions.Logging;

namespace MeshClient.Testing.Consul;

/// <summary>How an in-process Consul agent starts: where it listens, its clock, and where it logs registration changes.</summary>
public sealed class ConsulTestAgentOptions
{
    /// <summary>
    /// Gets or sets the address to listen on: <c>http://</c> with an IP address or <c>localhost</c> (which listens on
    /// 127.0.0.1) and a port, 0 for a free one. Default <c>http://127.0.0.1:0</c>.
    /// </summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:0");

    /// <summary>Gets or sets the clock of TTLs, HTTP checks, reaping and blocking waits. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets where registration changes are logged, one line each at <see cref="LogLevel.Information"/>: service
    /// registered or deregistered, check registered or deregistered, check status changed (TTL pushes that keep the status
    /// are not logged), maintenance on or off, reaping. Default none.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
