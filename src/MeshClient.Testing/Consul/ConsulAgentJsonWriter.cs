using System.Text.Json;
using static MeshClient.Testing.Consul.ConsulAgentConstants;

namespace MeshClient.Testing.Consul;

/// <summary>Writes the agent's answers in the field order and shapes of a real 1.16 agent (see the recorded fixtures).</summary>
internal static class ConsulAgentJsonWriter
{
    public static byte[] Health(IEnumerable<(ConsulAgentServiceRecord Service, List<ConsulAgentCheckRecord> Checks)> entries, string nodeAddress)
        => Write(w =>
        {
            w.WriteStartArray();
            foreach (var (service, checks) in entries)
            {
                w.WriteStartObject();
                w.WritePropertyName("Node");
                Node(w, nodeAddress);
                w.WritePropertyName("Service");
                Service(w, service, includeIndexes: true);
                w.WriteStartArray("Checks");
                Check(w, SerfHealth());
                foreach (var check in checks)
                {
                    Check(w, check);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

    public static byte[] AgentServices(IEnumerable<ConsulAgentServiceRecord> services) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var service in services)
        {
            w.WritePropertyName(service.Id);
            Service(w, service, includeIndexes: false);
        }

        w.WriteEndObject();
    });

    public static byte[] AgentChecks(IEnumerable<ConsulAgentCheckRecord> checks) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var check in checks)
        {
            w.WritePropertyName(check.Id);
            Check(w, check);
        }

        w.WriteEndObject();
    });

    public static byte[] CatalogServices(IEnumerable<ConsulAgentServiceRecord> services) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("consul");
        w.WriteEndArray();
        foreach (var group in services.GroupBy(static s => s.Name, StringComparer.Ordinal).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            w.WriteStartArray(group.Key);
            foreach (var tag in group.SelectMany(static s => s.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(tag);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    public static byte[] CatalogService(IEnumerable<ConsulAgentServiceRecord> services, string nodeAddress) => Write(w =>
    {
        w.WriteStartArray();
        foreach (var s in services)
        {
            w.WriteStartObject();
            w.WriteString("ID", NodeId);
            w.WriteString("Node", NodeName);
            w.WriteString("Address", nodeAddress);
            w.WriteString("Datacenter", Datacenter);
            w.WritePropertyName("TaggedAddresses");
            NodeTaggedAddresses(w, nodeAddress);
            w.WriteStartObject("NodeMeta");
            w.WriteString("consul-network-segment", string.Empty);
            w.WriteEndObject();
            w.WriteString("ServiceKind", string.Empty);
            w.WriteString("ServiceID", s.Id);
            w.WriteString("ServiceName", s.Name);
            Strings(w, "ServiceTags", s.Tags);
            w.WriteString("ServiceAddress", s.Address);
            w.WritePropertyName("ServiceWeights");
            Weights(w, s);
            Meta(w, "ServiceMeta", s.Meta);
            w.WriteNumber("ServicePort", s.Port);
            w.WriteBoolean("ServiceEnableTagOverride", false);
            ProxyAndConnect(w, "Service");
            w.WriteNumber("CreateIndex", s.CreateIndex);
            w.WriteNumber("ModifyIndex", s.ModifyIndex);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] Self(string nodeAddress) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("Config");
        w.WriteString("Datacenter", Datacenter);
        w.WriteString("NodeName", NodeName);
        w.WriteString("NodeID", NodeId);
        w.WriteString("Revision", "mesh-test");
        w.WriteBoolean("Server", true);
        w.WriteString("Version", "1.16.2");
        w.WriteEndObject();
        w.WriteStartObject("Member");
        w.WriteString("Name", NodeName);
        w.WriteString("Addr", nodeAddress);
        w.WriteNumber("Port", 8301);
        w.WriteNumber("Status", 1);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static ConsulAgentCheckRecord SerfHealth() => new()
    {
        Id = SerfCheckId, Name = "Serf Health Status", Status = Passing, Output = "Agent alive and reachable", CreateIndex = 13, ModifyIndex = 13,
    };

    private static void Node(Utf8JsonWriter w, string address)
    {
        w.WriteStartObject();
        w.WriteString("ID", NodeId);
        w.WriteString("Node", NodeName);
        w.WriteString("Address", address);
        w.WriteString("Datacenter", Datacenter);
        w.WritePropertyName("TaggedAddresses");
        NodeTaggedAddresses(w, address);
        w.WriteStartObject("Meta");
        w.WriteString("consul-network-segment", string.Empty);
        w.WriteString("consul-version", "1.16.2");
        w.WriteEndObject();
        w.WriteNumber("CreateIndex", 8);
        w.WriteNumber("ModifyIndex", 13);
        w.WriteEndObject();
    }

    private static void NodeTaggedAddresses(Utf8JsonWriter w, string address)
    {
        w.WriteStartObject();
        foreach (var key in (string[])["lan", "lan_ipv4", "wan", "wan_ipv4"])
        {
            w.WriteString(key, address);
        }

        w.WriteEndObject();
    }

    private static void Service(Utf8JsonWriter w, ConsulAgentServiceRecord s, bool includeIndexes)
    {
        w.WriteStartObject();
        w.WriteString("ID", s.Id);
        w.WriteString("Service", s.Name);
        Strings(w, "Tags", s.Tags);
        w.WriteString("Address", s.Address);
        if (s.Address.Length > 0)
        {
            w.WriteStartObject("TaggedAddresses");
            foreach (var key in (string[])["lan_ipv4", "wan_ipv4"])
            {
                w.WriteStartObject(key);
                w.WriteString("Address", s.Address);
                w.WriteNumber("Port", s.Port);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        Meta(w, "Meta", s.Meta);
        w.WriteNumber("Port", s.Port);
        w.WritePropertyName("Weights");
        Weights(w, s);
        w.WriteBoolean("EnableTagOverride", false);
        if (includeIndexes)
        {
            ProxyAndConnect(w, string.Empty);
            w.WriteString("PeerName", string.Empty);
            w.WriteNumber("CreateIndex", s.CreateIndex);
            w.WriteNumber("ModifyIndex", s.ModifyIndex);
        }
        else
        {
            w.WriteString("Datacenter", Datacenter);
        }

        w.WriteEndObject();
    }

    private static void Check(Utf8JsonWriter w, ConsulAgentCheckRecord c)
    {
        w.WriteStartObject();
        w.WriteString("Node", NodeName);
        w.WriteString("CheckID", c.Id);
        w.WriteString("Name", c.Name);
        w.WriteString("Status", c.Status);
        w.WriteString("Notes", c.Notes);
        w.WriteString("Output", c.Output);
        w.WriteString("ServiceID", c.ServiceId);
        w.WriteString("ServiceName", c.ServiceName);
        Strings(w, "ServiceTags", c.ServiceTags);
        w.WriteString("Type", c.Type);
        w.WriteString("Interval", c.Interval > TimeSpan.Zero ? Go(c.Interval) : string.Empty);
        w.WriteString("Timeout", c.Http is not null ? Go(c.Timeout) : string.Empty);
        w.WriteNumber("ExposedPort", 0);
        w.WriteStartObject("Definition");
        w.WriteEndObject();
        w.WriteNumber("CreateIndex", c.CreateIndex);
        w.WriteNumber("ModifyIndex", c.ModifyIndex);
        w.WriteEndObject();
    }

    /// <summary>The empty mesh fields a plain service carries: <c>Proxy</c> (<c>ServiceProxy</c>) and <c>Connect</c>.</summary>
    private static void ProxyAndConnect(Utf8JsonWriter w, string prefix)
    {
        w.WriteStartObject(prefix + "Proxy");
        w.WriteString("Mode", string.Empty);
        w.WriteStartObject("MeshGateway");
        w.WriteEndObject();
        w.WriteStartObject("Expose");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject(prefix + "Connect");
        w.WriteEndObject();
    }

    private static void Weights(Utf8JsonWriter w, ConsulAgentServiceRecord s)
    {
        w.WriteStartObject();
        w.WriteNumber("Passing", s.WeightPassing);
        w.WriteNumber("Warning", s.WeightWarning);
        w.WriteEndObject();
    }

    /// <summary>Empty metadata is written <c>null</c>, as the agent does.</summary>
    private static void Meta(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> meta)
    {
        if (meta.Count == 0)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        foreach (var (key, value) in meta)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string Go(TimeSpan value) => value.TotalSeconds >= 1 && value.Milliseconds == 0
        ? ((long)value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "s"
        : ((long)value.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms";

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
