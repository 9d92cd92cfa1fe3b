using System.Globalization;
using System.Net;
using System.Text;
using MeshClient.Testing.Recording;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeshClient.Testing.Consul;

/// <summary>
/// An in-process Consul-compatible agent on Kestrel (127.0.0.1, ephemeral port) for tests, samples and integration tests:
/// service and check registration (case-insensitive and snake_case bodies), TTL checks, HTTP checks it runs itself, TTL
/// updates, maintenance mode, <c>DeregisterCriticalServiceAfter</c>, <c>health/service</c> with <c>passing</c>, <c>tag</c>
/// and blocking queries, catalog and agent reads, ACL tokens, all time through a <see cref="TimeProvider"/>, with fault injection.
/// </summary>
/// <example><code>await using var consul = await ConsulTestAgent.StartAsync(timeProvider);</code></example>
/// <remarks><c>tools/DevRegistry</c> serves one on a fixed URL (<see cref="StartAsync(ConsulTestAgentOptions)"/>).</remarks>
public sealed class ConsulTestAgent : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConsulAgentState _state;
    private readonly ConsulAgentRouter _router;
    private readonly ConsulAgentHttpChecker _checker;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _ttlSweep;
    private readonly ITimer _reaper;
    private readonly RequestRecorder<ConsulRecordedRequest> _recorder = new();

    private ConsulTestAgent(WebApplication app, TimeProvider time, ILoggerFactory loggerFactory)
    {
        _app = app;
        _time = time;
        _checker = new ConsulAgentHttpChecker(time, _stopping.Token);
        _state = new ConsulAgentState(time, _checker.Start, loggerFactory.CreateLogger<ConsulTestAgent>());
        _checker.Results = _state;
        _router = new ConsulAgentRouter(_state, this, time);
        _ttlSweep = time.CreateTimer(static s => ((ConsulTestAgent)s!)._state.ExpireTtls(), this, ConsulAgentConstants.TtlSweepInterval, ConsulAgentConstants.TtlSweepInterval);
        _reaper = time.CreateTimer(static s => ((ConsulTestAgent)s!)._state.Reap(), this, ConsulAgentConstants.ReapInterval, ConsulAgentConstants.ReapInterval);
        app.Run(HandleAsync);
    }

    /// <summary>Gets the agent's URL, <c>http://127.0.0.1:{port}</c> (the value of <c>Mesh:Consul:Address</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Gets or sets the node address returned in <c>Node.Address</c>, used by services registered without an address. Default 127.0.0.1.</summary>
    public string NodeAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets the fault injection switches.</summary>
    public ConsulFaults Faults { get; } = new();

    /// <summary>Gets or sets the ACL token every request must carry (<c>X-Consul-Token</c> or <c>Authorization: Bearer</c>); <see langword="null"/> turns ACLs off.</summary>
    public string? AclToken { get; set; }

    /// <summary>Gets or sets whether TTL updates of unknown checks answer as older agents: 500 <c>CheckID "x" does not have associated TTL</c> instead of 404.</summary>
    public bool LegacyTtlErrors { get; set; }

    /// <summary>Gets the highest index of the agent (the value of <c>X-Consul-Index</c> after the last change).</summary>
    public ulong Index => _state.Index;

    /// <summary>Gets every request received so far.</summary>
    public IReadOnlyList<ConsulRecordedRequest> Requests => _recorder.Requests;

    /// <summary>Gets the registered services, as <c>GET /v1/agent/services</c> lists them.</summary>
    public IReadOnlyList<ConsulTestService> Services => [.. _state.Services().Select(s => ConsulTestService.From(s, _state.Checks()))];

    /// <summary>Starts an agent on 127.0.0.1 with an ephemeral port.</summary>
    /// <param name="timeProvider">The clock of TTLs, HTTP checks, reaping and blocking waits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started agent; dispose it to stop.</returns>
    public static Task<ConsulTestAgent> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => StartAsync(new ConsulTestAgentOptions { TimeProvider = timeProvider ?? TimeProvider.System }, cancellationToken);

    /// <summary>Starts an agent on the address of <paramref name="options"/> (<c>http://127.0.0.1:8500</c> for a development agent).</summary>
    /// <param name="options">Address, clock and logging.</param>
    /// <returns>The started agent; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The URL is not <c>http://</c> with an IP address or <c>localhost</c> and a port.</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static Task<ConsulTestAgent> StartAsync(ConsulTestAgentOptions options) => StartAsync(options, CancellationToken.None);

    private static async Task<ConsulTestAgent> StartAsync(ConsulTestAgentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ListenEndpoint(options.Url);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ConsulTestAgent).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(endpoint));
        builder.Services.AddLogging(static l => l.ClearProviders());
        var agent = new ConsulTestAgent(builder.Build(), options.TimeProvider, options.LoggerFactory ?? NullLoggerFactory.Instance);
        try
        {
            await agent._app.StartAsync(cancellationToken);
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }

        var port = new Uri(agent._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.Loopback) ? "127.0.0.1"
            : endpoint.Address.Equals(IPAddress.IPv6Any) || endpoint.Address.Equals(IPAddress.IPv6Loopback) ? "[::1]" : endpoint.Address.ToString();
        agent.Address = new UriBuilder(Uri.UriSchemeHttp, host, port).Uri;
        return agent;
    }

    /// <summary>Registers a service as <c>PUT /v1/agent/service/register</c> would, with a check in the given state (none when <see langword="null"/>).</summary>
    /// <param name="name">The service name.</param>
    /// <param name="id">The service id.</param>
    /// <param name="port">The port.</param>
    /// <param name="address">The address; empty to fall back to <see cref="NodeAddress"/>.</param>
    /// <param name="checkStatus">The status of a check <c>service:{id}</c> (a passive check), or <see langword="null"/> for none.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="meta">Meta.</param>
    /// <param name="passingWeight">The passing weight.</param>
    /// <param name="warningWeight">The warning weight.</param>
    public void RegisterService(
        string name, string id, int port, string address = "127.0.0.1", string? checkStatus = "passing",
        IReadOnlyList<string>? tags = null, IReadOnlyDictionary<string, string>? meta = null, int passingWeight = 1, int warningWeight = 1)
    {
        var service = new ConsulAgentServiceRecord
        {
            Id = id, Name = name, Port = port, Address = address, Tags = tags ?? [], Meta = meta ?? new Dictionary<string, string>(),
            WeightPassing = passingWeight, WeightWarning = warningWeight,
        };
        ConsulAgentCheckRecord[] checks = checkStatus is null ? [] :
            [new() { Id = "service:" + id, Name = $"Service '{name}' check", Status = checkStatus, ServiceId = id, ServiceName = name, ServiceTags = service.Tags }];
        _state.RegisterService(service, checks, replaceExistingChecks: true);
    }

    /// <summary>Sets a check's status and output, as its TTL push or HTTP poll would.</summary>
    /// <param name="checkId">The check, for example <c>service:web-1</c>.</param>
    /// <param name="status"><c>passing</c>, <c>warning</c> or <c>critical</c>.</param>
    /// <param name="output">The output.</param>
    public void SetCheckStatus(string checkId, string status, string output = "") => _state.SetResult(checkId, status, output);

    /// <summary>Deregisters a service and its checks.</summary>
    /// <param name="id">The service id.</param>
    public void Deregister(string id) => _state.DeregisterService(id);

    /// <summary>Forgets every service and check, as an agent restarted with a fresh data dir (TTL updates then answer 404, or 500 with <see cref="LegacyTtlErrors"/>).</summary>
    public void Forget() => _state.Forget();

    /// <summary>Turns TTL checks whose TTL elapsed critical now (also runs every second of the clock).</summary>
    public void ExpireTtls() => _state.ExpireTtls();

    /// <summary>Deregisters services critical for longer than their <c>DeregisterCriticalServiceAfter</c> now (also runs every 30 s of the clock).</summary>
    /// <returns>How many services were deregistered.</returns>
    public int Reap() => _state.Reap();

    /// <summary>Runs every HTTP check now and waits for their results (they also run every interval of the clock).</summary>
    /// <returns>A task that completes when every result is recorded.</returns>
    public Task RunHttpChecksAsync() => Task.WhenAll(_state.Checks().Where(static c => c.Http is not null).Select(_checker.RunAsync));

    /// <summary>Waits for the next request that matches, once the agent has answered it, or started to hold or hang it (requests received before the call do not count).</summary>
    /// <param name="match">Which request.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    public Task<ConsulRecordedRequest> WaitForRequestAsync(Func<ConsulRecordedRequest, bool> match, CancellationToken cancellationToken = default)
        => _recorder.WaitAsync(match, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _ttlSweep.DisposeAsync();
        await _reaper.DisposeAsync();
        _state.Forget();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _checker.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (Denied(request) is { } denied)
        {
            await WriteAsync(context, denied, null);
            Notify(request);
            return;
        }

        var fault = Faults.Match(request);
        switch (fault?.Kind)
        {
            case ConsulFaultKind.Hang:
                Notify(request);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, aborted.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
                context.Abort();
                return;
            case ConsulFaultKind.StatusCode:
                await WriteAsync(context, ConsulAgentResponse.Text(fault.Value.StatusCode, fault.Value.Body ?? string.Empty), null);
                Notify(request);
                return;
        }

        // Faults on the index answer at once, without blocking.
        var immediate = fault?.Kind is ConsulFaultKind.MissingIndex or ConsulFaultKind.BackwardsIndex or ConsulFaultKind.ZeroIndex or ConsulFaultKind.InvalidBody;
        var query = immediate ? new QueryCollection(context.Request.Query.Where(static q => q.Key is not ("index" or "wait")).ToDictionary()) : context.Request.Query;
        Notify(request, onlyHolding: true);
        ConsulAgentResponse response;
        try
        {
            response = await _router.DispatchAsync(request, query, aborted.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        response = fault?.Kind switch
        {
            ConsulFaultKind.MissingIndex => response with { Index = null },
            ConsulFaultKind.BackwardsIndex => response with { Index = 1 },
            ConsulFaultKind.ZeroIndex => response with { Index = 0 },
            ConsulFaultKind.InvalidBody => response with { Body = Encoding.UTF8.GetBytes("[{\"Node\": {\"Node\": \"mesh-test-node\", \"Address\": "), ContentType = "application/json" },
            _ => response,
        };
        await WriteAsync(context, response, query);
        Notify(request);
    }

    /// <summary>An <c>http://</c> URL with an IP address or <c>localhost</c> (127.0.0.1) and a port.</summary>
    private static IPEndPoint ListenEndpoint(Uri url)
    {
        var host = url.IsAbsoluteUri && url.Scheme == Uri.UriSchemeHttp ? url.Host.Trim('[', ']') : null;
        var address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip
            : throw new ArgumentException($"Url '{url}' is not an http:// URL with an IP address or localhost (for example http://127.0.0.1:8500).", nameof(url));
        return new IPEndPoint(address, url.Port);
    }

    /// <summary>ACLs: no token answers 403 <c>Permission denied</c>, a wrong one 403 <c>ACL not found</c>; <c>/v1/status/*</c> needs none.</summary>
    private ConsulAgentResponse? Denied(ConsulRecordedRequest request)
    {
        if (AclToken is not { } expected || request.Path.StartsWith("/v1/status/", StringComparison.Ordinal))
        {
            return null;
        }

        return request.Token is null ? ConsulAgentResponse.Text(403, "Permission denied")
            : request.Token != expected ? ConsulAgentResponse.Text(403, "ACL not found")
            : null;
    }

    private async Task<ConsulRecordedRequest> RecordAsync(HttpContext context)
    {
        var body = await RecordedBody.ReadAsync(context);
        var headers = context.Request.Headers;
        var bearer = headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..] : null;
        var request = new ConsulRecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty,
            headers["X-Consul-Token"].FirstOrDefault() ?? bearer, body);
        _recorder.Add(request);
        return request;
    }

    /// <summary>Completes the waiters of a request: once answered, or (blocking reads) once the agent holds it.</summary>
    private void Notify(ConsulRecordedRequest request, bool onlyHolding = false)
    {
        if (onlyHolding && (request.Method != "GET" || string.IsNullOrEmpty(request.QueryValue("index")) || request.QueryValue("index") == "0"))
        {
            return;
        }

        _recorder.Notify(request);
    }

    private static async Task WriteAsync(HttpContext context, ConsulAgentResponse response, IQueryCollection? query)
    {
        context.Response.StatusCode = response.StatusCode;
        var headers = context.Response.Headers;
        if (response.Index is { } index)
        {
            // Go canonicalises header names: Knownleader, Lastcontact.
            headers["X-Consul-Index"] = index.ToString(CultureInfo.InvariantCulture);
            headers["X-Consul-Knownleader"] = "true";
            headers["X-Consul-Lastcontact"] = "0";
            headers["X-Consul-Effective-Consistency"] = query?.ContainsKey("stale") == true ? "stale" : query?.ContainsKey("consistent") == true ? "consistent" : "leader";
            headers["X-Consul-Query-Backend"] = "blocking-query";
        }

        headers["X-Consul-Default-Acl-Policy"] = "allow";
        if (response.Body is not { Length: > 0 } body)
        {
            return;
        }

        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }
}
