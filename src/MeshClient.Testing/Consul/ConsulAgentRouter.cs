using System.Text;
using Microsoft.AspNetCore.Http;
using static MeshClient.Testing.Consul.ConsulAgentBodyReader;

namespace MeshClient.Testing.Consul;

/// <summary>The HTTP API of the in-process agent (<c>agent/agent_endpoint.go</c>, <c>health</c> and <c>catalog</c> endpoints), with blocking queries.</summary>
internal sealed class ConsulAgentRouter(ConsulAgentState state, ConsulTestAgent agent, TimeProvider time)
{
    public async Task<ConsulAgentResponse> DispatchAsync(ConsulRecordedRequest request, IQueryCollection query, CancellationToken cancellationToken)
    {
        var s = request.Path.Trim('/').Split('/', 5);
        if (s.Length < 3 || s[0] != "v1")
        {
            return ConsulAgentResponse.Text(404, "404 page not found");
        }

        var rest = s.Length > 3 ? string.Join('/', s[3..]) : string.Empty;
        try
        {
            return (request.Method, s[1], s[2]) switch
            {
                ("GET", "health", "service") => await BlockingAsync(query, () => Health(rest, query), cancellationToken),
                ("GET", "catalog", "services") => await BlockingAsync(query, () => (ConsulAgentJsonWriter.CatalogServices(state.Services()), state.Index), cancellationToken),
                ("GET", "catalog", "service") => await BlockingAsync(query, () => CatalogService(rest), cancellationToken),
                ("GET", "agent", "services") => ConsulAgentResponse.Json(ConsulAgentJsonWriter.AgentServices(state.Services())),
                ("GET", "agent", "checks") => ConsulAgentResponse.Json(ConsulAgentJsonWriter.AgentChecks(state.Checks())),
                ("GET", "agent", "self") => ConsulAgentResponse.Json(ConsulAgentJsonWriter.Self(agent.NodeAddress)),
                ("GET", "status", "leader") => ConsulAgentResponse.Json(Encoding.UTF8.GetBytes("\"127.0.0.1:8300\"")),
                ("PUT", "agent", "service") => Service(rest, request, query),
                ("PUT", "agent", "check") => Check(rest, request, query),
                (not "GET" and not "PUT", _, _) => new ConsulAgentResponse(405),
                _ => ConsulAgentResponse.Text(404, "404 page not found"),
            };
        }
        catch (ConsulAgentRejection rejection)
        {
            return ConsulAgentResponse.Text(rejection.StatusCode, rejection.Body);
        }
    }

    private (byte[] Body, ulong Index) Health(string name, IQueryCollection query)
    {
        if (name.Length == 0)
        {
            throw new ConsulAgentRejection(400, "Missing service name");
        }

        var passing = query.TryGetValue("passing", out var value) && Flag(value.ToString(), "passing");
        var (entries, index) = state.Health(name, passing, [.. query["tag"].Where(static t => !string.IsNullOrEmpty(t)).Select(static t => t!)]);
        return (ConsulAgentJsonWriter.Health(entries, agent.NodeAddress), index);
    }

    private (byte[] Body, ulong Index) CatalogService(string name)
    {
        var (entries, index) = state.Health(name, false, []);
        return (ConsulAgentJsonWriter.CatalogService(entries.Select(static e => e.Service), agent.NodeAddress), index);
    }

    /// <summary>Holds the request while the result index is not above <c>?index=</c>, until a change or <c>wait</c> (+ up to wait/16 jitter) elapses.</summary>
    private async Task<ConsulAgentResponse> BlockingAsync(IQueryCollection query, Func<(byte[] Body, ulong Index)> read, CancellationToken cancellationToken)
    {
        var minIndex = ulong.TryParse(query["index"].ToString(), out var i) ? i : 0;
        var wait = ConsulAgentDuration.Parse(query["wait"].ToString()) ?? ConsulAgentConstants.DefaultWait;
        wait = wait > ConsulAgentConstants.MaxWait ? ConsulAgentConstants.MaxWait : wait;
        using var timeout = new CancellationTokenSource(wait + (wait / 16 * Random.Shared.NextDouble()), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        while (true)
        {
            var next = state.NextChange;
            var (body, index) = read();
            if (minIndex == 0 || index > minIndex || timeout.IsCancellationRequested)
            {
                return ConsulAgentResponse.Json(body, index);
            }

            await next.WaitAsync(linked.Token).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private ConsulAgentResponse Service(string rest, ConsulRecordedRequest request, IQueryCollection query)
    {
        var (op, id) = Split(rest);
        switch (op)
        {
            case "register":
                var (service, checks) = ConsulAgentRegistration.ReadService(request.Body);
                state.RegisterService(service, checks, query.TryGetValue("replace-existing-checks", out var replace) && Flag(replace.ToString(), "replace-existing-checks"));
                return ConsulAgentResponse.Ok();
            case "deregister":
                state.DeregisterService(Required(id, "Missing service ID"));
                return ConsulAgentResponse.Ok();
            case "maintenance":
                var enable = query["enable"].ToString();
                if (enable.Length == 0)
                {
                    throw new ConsulAgentRejection(400, "Missing value for enable");
                }

                var on = bool.TryParse(enable, out var parsed) ? parsed : throw new ConsulAgentRejection(400, $"Invalid value for enable: \"{enable}\"");
                state.SetMaintenance(Required(id, "Missing service ID"), on, query["reason"].ToString());
                return ConsulAgentResponse.Ok();
            default:
                return ConsulAgentResponse.Text(404, "404 page not found");
        }
    }

    private ConsulAgentResponse Check(string rest, ConsulRecordedRequest request, IQueryCollection query)
    {
        var (op, id) = Split(rest);
        switch (op)
        {
            case "register":
                state.AddCheck(ConsulAgentRegistration.ReadCheck(Parse(request.Body), null, string.Empty) is { Id.Length: > 0 } check
                    ? check : throw new ConsulAgentRejection(400, "Missing check name"));
                return ConsulAgentResponse.Ok();
            case "deregister":
                state.DeregisterCheck(Required(id, "Missing check ID"));
                return ConsulAgentResponse.Ok();
            case "pass" or "warn" or "fail":
                var status = op switch { "pass" => ConsulAgentConstants.Passing, "warn" => ConsulAgentConstants.Warning, _ => ConsulAgentConstants.Critical };
                state.UpdateTtl(Required(id, "Missing check ID"), status, query["note"].ToString(), agent.LegacyTtlErrors);
                return ConsulAgentResponse.Ok();
            case "update":
                var body = Parse(request.Body);
                var update = String(body, "Status") ?? string.Empty;
                if (update is not (ConsulAgentConstants.Passing or ConsulAgentConstants.Warning or ConsulAgentConstants.Critical))
                {
                    throw new ConsulAgentRejection(400, $"Invalid check status: '{update}'");
                }

                state.UpdateTtl(Required(id, "Missing check ID"), update, String(body, "Output") ?? string.Empty, agent.LegacyTtlErrors);
                return ConsulAgentResponse.Ok();
            default:
                return ConsulAgentResponse.Text(404, "404 page not found");
        }
    }

    private static (string Op, string Id) Split(string rest)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (rest, string.Empty) : (rest[..slash], rest[(slash + 1)..]);
    }

    private static string Required(string value, string message) => value.Length > 0 ? value : throw new ConsulAgentRejection(400, message);

    /// <summary>A bare <c>?passing</c> is true; otherwise Go's <c>ParseBool</c>.</summary>
    private static bool Flag(string value, string name) => value switch
    {
        "" or "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new ConsulAgentRejection(400, $"Invalid value for ?{name}"),
    };
}
