using System.IO.Compression;
using System.Net;
using MeshClient.Testing.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshClient.Testing.Eureka;

/// <summary>
/// An in-process Eureka-compatible server on Kestrel (127.0.0.1, ephemeral port) for tests, samples and integration tests:
/// register, renew, cancel, full and delta fetches with <c>apps__hashcode</c>, status overrides with the server's rules,
/// metadata, VIP lookups, lease expiry through a <see cref="TimeProvider"/>, JSON or XML by <c>Accept</c>, gzip, under
/// both <c>/eureka/</c> (Spring) and <c>/eureka/v2/</c> (Netflix), with fault injection.
/// </summary>
/// <example><code>await using var eureka = await EurekaTestServer.StartAsync(timeProvider);</code></example>
/// <remarks><c>tools/DevRegistry</c> serves one on a fixed URL (<see cref="StartAsync(EurekaTestServerOptions)"/>).</remarks>
public sealed class EurekaTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EurekaServerRegistry _registry;
    private readonly EurekaServerRouter _router;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _eviction;
    private readonly RequestRecorder<EurekaRecordedRequest> _recorder = new();

    private EurekaTestServer(WebApplication app, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _app = app;
        _time = time;
        _registry = new EurekaServerRegistry(time, loggerFactory.CreateLogger<EurekaTestServer>());
        _router = new EurekaServerRouter(_registry, this);
        _eviction = time.CreateTimer(static s => ((EurekaTestServer)s!).EvictOnTimer(), this, EurekaServerConstants.EvictionInterval, EurekaServerConstants.EvictionInterval);
        app.Run(HandleAsync);
    }

    /// <summary>Gets <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>Gets the Spring Cloud style service URL, <c>http://127.0.0.1:{port}/eureka/</c>.</summary>
    public Uri BaseUrl => new(Root, EurekaServerConstants.SpringBasePath);

    /// <summary>Gets the Netflix style service URL, <c>http://127.0.0.1:{port}/eureka/v2/</c>.</summary>
    public Uri NetflixBaseUrl => new(Root, EurekaServerConstants.NetflixBasePath);

    /// <summary>Gets the fault injection switches.</summary>
    public EurekaFaults Faults { get; } = new();

    /// <summary>Gets or sets whether reads answer 403, as a server still waiting for its peers (<c>waitTimeInMsWhenSyncEmpty</c>).</summary>
    public bool NotReady { get; set; }

    /// <summary>Gets or sets whether <c>GET apps/delta</c> answers 403 (<c>eureka.disableDelta</c>).</summary>
    public bool DeltaDisabled { get; set; }

    /// <summary>Gets or sets whether bodies are gzipped even when the client did not ask (some servers and proxies do).</summary>
    public bool AlwaysGzip { get; set; }

    /// <summary>Gets or sets whether single-element <c>application</c>/<c>instance</c> lists are written as bare objects (1.1.x servers).</summary>
    public bool SingleElementAsObject { get; set; }

    /// <summary>Gets or sets whether eviction is suspended (self-preservation: expired leases stay registered).</summary>
    public bool SelfPreservation { get; set; }

    /// <summary>Gets or sets whether registrations are checked as a Spring Cloud server does: boolean <c>@enabled</c> answers 500, a missing <c>statusPageUrl</c> 400.</summary>
    public bool SpringStrict { get; set; }

    /// <summary>Gets every request received so far.</summary>
    public IReadOnlyList<EurekaRecordedRequest> Requests => _recorder.Requests;

    /// <summary>Gets every registered instance, whatever its status.</summary>
    public IReadOnlyList<EurekaTestInstance> Instances => _registry.All();

    /// <summary>Gets the current <c>apps__hashcode</c> of the whole registry.</summary>
    public string AppsHashcode => EurekaServerHashcode.Compute(_registry.All());

    /// <summary>Starts a server on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="timeProvider">The clock of leases, eviction and the delta queue; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server; dispose it to stop.</returns>
    public static Task<EurekaTestServer> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => StartAsync(new EurekaTestServerOptions { TimeProvider = timeProvider ?? TimeProvider.System }, cancellationToken);

    /// <summary>Starts a server on the address of <paramref name="options"/> (<c>http://127.0.0.1:8761</c> for a development registry).</summary>
    /// <param name="options">Address, clock and logging.</param>
    /// <returns>The started server; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The URL is not <c>http://</c> with an IP address or <c>localhost</c> and a port.</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static Task<EurekaTestServer> StartAsync(EurekaTestServerOptions options) => StartAsync(options, CancellationToken.None);

    private static async Task<EurekaTestServer> StartAsync(EurekaTestServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ListenEndpoint(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EurekaTestServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(endpoint));
        builder.Services.AddLogging(static l => l.ClearProviders());
        var server = new EurekaTestServer(builder.Build(), options.TimeProvider, options.LoggerFactory ?? NullLoggerFactory.Instance);
        try
        {
            await server._app.StartAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        var address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString() : endpoint.Address.Equals(IPAddress.IPv6Any) ? "[::1]" : address.Host;
        server.Root = new UriBuilder(Uri.UriSchemeHttp, host, address.Port).Uri;
        return server;
    }

    /// <summary>Registers an instance as a <c>POST apps/{APP}</c> would (same override and dirty-timestamp rules).</summary>
    /// <param name="instance">The instance.</param>
    public void Register(EurekaTestInstance instance) => _registry.Register(instance);

    /// <summary>Cancels an instance as <c>DELETE apps/{APP}/{ID}</c>.</summary>
    /// <param name="app">The application.</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns><see langword="false"/> when it was not registered.</returns>
    public bool Cancel(string app, string instanceId) => _registry.Cancel(app, instanceId) == 200;

    /// <summary>Sets a status override as <c>PUT apps/{APP}/{ID}/status?value=</c>.</summary>
    /// <param name="app">The application.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="status">The Eureka status, for example <c>OUT_OF_SERVICE</c>.</param>
    /// <returns><see langword="false"/> when the instance is not registered.</returns>
    public bool SetStatusOverride(string app, string instanceId, string status)
        => _registry.SetOverride(app, instanceId, EurekaServerConstants.NormalizeStatus(status), null) == 200;

    /// <summary>Returns a registered instance, or <see langword="null"/>.</summary>
    /// <param name="app">The application (case-insensitive).</param>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The instance.</returns>
    public EurekaTestInstance? GetInstance(string app, string instanceId) => _registry.Get(app, instanceId);

    /// <summary>Evicts expired leases now, unless <see cref="SelfPreservation"/> is on (also runs every 60 s of the clock).</summary>
    /// <returns>How many instances were evicted.</returns>
    public int EvictExpired() => SelfPreservation ? 0 : _registry.EvictExpired();

    /// <summary>Empties the recently-changed queue, so that the next delta misses earlier changes (forces a hashcode mismatch).</summary>
    public void ClearRecentlyChanged() => _registry.ClearRecentlyChanged();

    /// <summary>Waits for the next request that matches, once the server has handled it (requests received before the call do not count).</summary>
    /// <param name="match">Which request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    public Task<EurekaRecordedRequest> WaitForRequestAsync(Func<EurekaRecordedRequest, bool> match, CancellationToken cancellationToken = default)
        => _recorder.WaitAsync(match, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _eviction.DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static IPEndPoint ListenEndpoint(EurekaTestServerOptions options)
    {
        var url = options.Url;
        var host = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttp ? url.Host : null;
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host?.Trim('[', ']'), out var ip) ? ip
            : throw new ArgumentException($"Url '{url}' is not an http:// URL with an IP address or localhost (for example http://127.0.0.1:8761).", nameof(options));
        return new IPEndPoint(address, url.Port);
    }

    private void EvictOnTimer() => EvictExpired();

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var fault = Faults.Match(request);
        switch (fault?.Kind)
        {
            case EurekaFaultKind.CloseConnection:
                context.Abort();
                Notify(request);
                return;
            case EurekaFaultKind.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    Notify(request);
                    await Task.Delay(Timeout.InfiniteTimeSpan, _time, hang.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
                }

                context.Abort();
                return;
            case EurekaFaultKind.StatusCode:
                await WriteAsync(context, request, EurekaServerResponse.Text(fault.Value.StatusCode, "fault injected", "text/plain"));
                Notify(request);
                return;
        }

        var response = _router.Dispatch(request, context.Request.Query);
        if (fault?.Kind == EurekaFaultKind.TruncatedBody && response.Body is { } full)
        {
            response = response with { Body = full[..(full.Length / 2)] };
        }
        else if (fault?.Kind == EurekaFaultKind.InvalidBody)
        {
            response = EurekaServerResponse.Text(200, "<html><body>502 Bad Gateway from a proxy{", response.ContentType ?? "application/json");
        }

        await WriteAsync(context, request, response);
        Notify(request);
    }

    private async Task<EurekaRecordedRequest> RecordAsync(HttpContext context)
    {
        var body = await RecordedBody.ReadAsync(context);
        var path = context.Request.Path.Value ?? string.Empty;
        var basePath = path.StartsWith(EurekaServerConstants.NetflixBasePath, StringComparison.Ordinal) ? EurekaServerConstants.NetflixBasePath
            : path.StartsWith(EurekaServerConstants.SpringBasePath, StringComparison.Ordinal) ? EurekaServerConstants.SpringBasePath
            : string.Empty;
        var headers = context.Request.Headers;
        var request = new EurekaRecordedRequest(
            context.Request.Method, basePath, basePath.Length == 0 ? path : path[basePath.Length..], context.Request.QueryString.Value ?? string.Empty,
            headers.Accept.FirstOrDefault(), headers.AcceptEncoding.FirstOrDefault(), headers.Authorization.FirstOrDefault(), context.Request.ContentType, body);
        _recorder.Add(request);
        return request;
    }

    /// <summary>Completes the waiters of a request once the server has handled it (or has started to hang on it).</summary>
    private void Notify(EurekaRecordedRequest request) => _recorder.Notify(request);

    private async Task WriteAsync(HttpContext context, EurekaRecordedRequest request, EurekaServerResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        if (response.Body is not { Length: > 0 } body)
        {
            return;
        }

        context.Response.ContentType = response.ContentType;
        if (AlwaysGzip || (request.AcceptEncoding?.Contains("gzip", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(body);
            }

            body = compressed.ToArray();
            context.Response.Headers.ContentEncoding = "gzip";
        }

        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}
