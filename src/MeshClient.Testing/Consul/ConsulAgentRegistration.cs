using System.Text.Json;
using System.Text.RegularExpressions;
using static MeshClient.Testing.Consul.ConsulAgentBodyReader;

namespace MeshClient.Testing.Consul;

/// <summary>Turns a <c>PUT /v1/agent/service/register</c> or <c>/v1/agent/check/register</c> body into records, with the agent's validation.</summary>
internal static partial class ConsulAgentRegistration
{
    public static (ConsulAgentServiceRecord Service, List<ConsulAgentCheckRecord> Checks) ReadService(string body)
    {
        var root = Parse(body);
        var name = String(root, "Name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConsulAgentRejection(400, "Missing service name");
        }

        var id = String(root, "ID") is { Length: > 0 } given ? given : name;
        var address = String(root, "Address") ?? string.Empty;
        if (address is "0.0.0.0" or "::" or "[::]")
        {
            throw new ConsulAgentRejection(400, "Invalid service address");
        }

        var meta = Map(root, "Meta");
        foreach (var key in meta.Keys)
        {
            if (!MetaKey().IsMatch(key) || key.Length > 128 || key.StartsWith("consul-", StringComparison.Ordinal))
            {
                throw new ConsulAgentRejection(400, $"Invalid Service Meta: Key contains invalid characters: {key}");
            }
        }

        var (passing, warning) = (1, 1);
        if (Get(root, "Weights") is { ValueKind: JsonValueKind.Object } weights)
        {
            // Sent weights replace the defaults field by field: a missing Warning is 0.
            (passing, warning) = (Int(weights, "Passing") ?? 0, Int(weights, "Warning") ?? 0);
            if (passing < 1)
            {
                throw new ConsulAgentRejection(400, "Invalid Weights: Passing must be greater than 0");
            }

            if (warning < 0 || passing > 65535 || warning > 65535)
            {
                throw new ConsulAgentRejection(400, "Invalid Weights: Passing and Warning must be between 0 and 65535");
            }
        }

        var service = new ConsulAgentServiceRecord
        {
            Id = id, Name = name, Tags = Strings(root, "Tags"), Address = address, Port = Int(root, "Port") ?? 0, Meta = meta,
            WeightPassing = passing, WeightWarning = warning,
        };
        var checks = new List<ConsulAgentCheckRecord>();
        if (Get(root, "Check") is { ValueKind: JsonValueKind.Object } check)
        {
            checks.Add(ReadCheck(check, service, "service:" + id));
        }

        if (Get(root, "Checks") is { ValueKind: JsonValueKind.Array } array)
        {
            var n = 0;
            foreach (var element in array.EnumerateArray())
            {
                checks.Add(ReadCheck(element, service, $"service:{id}:{++n}"));
            }
        }

        return (service, checks);
    }

    public static ConsulAgentCheckRecord ReadCheck(JsonElement check, ConsulAgentServiceRecord? service, string defaultId)
    {
        var status = String(check, "Status") ?? ConsulAgentConstants.Critical;
        if (status is not (ConsulAgentConstants.Passing or ConsulAgentConstants.Warning or ConsulAgentConstants.Critical))
        {
            throw new ConsulAgentRejection(400, "Status for checks must 'passing', 'warning', 'critical'");
        }

        var ttl = Duration(check, "TTL");
        var http = String(check, "HTTP");
        var interval = Duration(check, "Interval") ?? TimeSpan.Zero;
        if (http is not null && interval <= TimeSpan.Zero)
        {
            throw new ConsulAgentRejection(400, "Invalid check: Interval must be > 0 for Script, HTTP, H2PING, or TCP checks");
        }

        var deregister = Duration(check, "DeregisterCriticalServiceAfter");
        return new ConsulAgentCheckRecord
        {
            Id = String(check, "CheckID", "ID") is { Length: > 0 } id ? id : defaultId,
            Name = String(check, "Name") is { Length: > 0 } name ? name : $"Service '{service?.Name}' check",
            Notes = String(check, "Notes") ?? string.Empty,
            Status = status,
            ServiceId = service?.Id ?? String(check, "ServiceID") ?? string.Empty,
            ServiceName = service?.Name ?? string.Empty,
            ServiceTags = service?.Tags ?? [],
            Type = ttl is not null ? "ttl" : http is not null ? "http" : string.Empty,
            Ttl = ttl,
            Http = http,
            Method = String(check, "Method") ?? "GET",
            Interval = interval,
            Timeout = Duration(check, "Timeout") ?? ConsulAgentConstants.DefaultCheckTimeout,
            DeregisterAfter = deregister is { } d && d > TimeSpan.Zero
                ? (d < ConsulAgentConstants.MinDeregisterAfter ? ConsulAgentConstants.MinDeregisterAfter : d)
                : null,
        };
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex MetaKey();
}
