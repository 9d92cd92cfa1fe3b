using System.Text;
using MeshClient.Consul.Wire;

namespace MeshClient.Consul.Discovery;

/// <summary>Builds <c>GET /v1/health/service/{name}</c> with <c>passing</c>, <c>tag</c>, <c>dc</c>, the consistency mode and the blocking <c>index</c>/<c>wait</c>.</summary>
internal static class ConsulHealthQuery
{
    public static string Path(string serviceName, ConsulOptions o, ulong index)
    {
        var text = new StringBuilder("v1/health/service/").Append(Uri.EscapeDataString(serviceName));
        var separator = '?';
        void Add(string name, string? value = null)
        {
            text.Append(separator).Append(name);
            if (value is not null)
            {
                text.Append('=').Append(Uri.EscapeDataString(value));
            }

            separator = '&';
        }

        if (o.OnlyPassing)
        {
            Add("passing");
        }

        if (!string.IsNullOrWhiteSpace(o.Tag))
        {
            Add("tag", o.Tag);
        }

        if (!string.IsNullOrWhiteSpace(o.Datacenter))
        {
            Add("dc", o.Datacenter);
        }

        if (o.Consistency != ConsulConsistency.Default)
        {
            Add(o.Consistency == ConsulConsistency.Stale ? "stale" : "consistent");
        }

        if (index > 0)
        {
            Add("index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add("wait", GoDuration.Format(o.WaitTime));
        }

        return text.ToString();
    }

    /// <summary>The HTTP timeout of a call: <c>wait + wait/16</c> (the agent's jitter) plus a margin when blocking, else the request timeout.</summary>
    public static TimeSpan Timeout(ConsulOptions o, ulong index)
        => index > 0 ? o.WaitTime + (o.WaitTime / 16) + ConsulConstants.BlockingTimeoutMargin : o.RequestTimeout;
}
