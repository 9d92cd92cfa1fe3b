using System.Globalization;
using Microsoft.AspNetCore.Http;
using static MeshClient.Testing.Eureka.EurekaServerConstants;

namespace MeshClient.Testing.Eureka;

/// <summary>The REST API of the in-process server (Eureka wiki "REST operations", <c>*Resource.java</c>), under /eureka/ and /eureka/v2/.</summary>
internal sealed class EurekaServerRouter(EurekaServerRegistry registry, EurekaTestServer server)
{
    public EurekaServerResponse Dispatch(EurekaRecordedRequest request, IQueryCollection query)
    {
        if (request.BasePath.Length == 0)
        {
            return EurekaServerResponse.Status(404);
        }

        var json = request.Accept?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false;
        var s = request.Path.TrimEnd('/').Split('/');
        try
        {
            return (request.Method, s.Length, s[0]) switch
            {
                ("GET", 1, "apps") => Read(() => Applications(registry.All(), json)),
                ("GET", 2, "apps") when s[1] == "delta" => Read(() => server.DeltaDisabled ? EurekaServerResponse.Status(403) : Applications(registry.Delta(), json)),
                ("GET", 2, "apps") => Read(() => Application(s[1], json)),
                ("POST", 2, "apps") => Register(s[1], request),
                ("GET", 3, "apps") => Instance(registry.Get(s[1], s[2]), json),
                ("PUT", 3, "apps") => EurekaServerResponse.Status(registry.Renew(s[1], s[2], Long(query, "lastDirtyTimestamp"))),
                ("DELETE", 3, "apps") => EurekaServerResponse.Status(registry.Cancel(s[1], s[2])),
                ("PUT", 4, "apps") when s[3] == "status" => SetOverride(s[1], s[2], query),
                ("DELETE", 4, "apps") when s[3] == "status" => EurekaServerResponse.Status(registry.DeleteOverride(s[1], s[2], query["value"].FirstOrDefault())),
                ("PUT", 4, "apps") when s[3] == "metadata" => EurekaServerResponse.Status(registry.UpdateMetadata(
                    s[1], s[2], query.Select(static q => new KeyValuePair<string, string>(q.Key, q.Value.FirstOrDefault() ?? string.Empty)))),
                ("GET", 2, "instances") => Instance(registry.All().FirstOrDefault(i => i.InstanceId == s[1]), json),
                ("GET", 2, "vips") => Read(() => Vip(s[1], static i => i.VipAddress, json)),
                ("GET", 2, "svips") => Read(() => Vip(s[1], static i => i.SecureVipAddress, json)),
                _ => EurekaServerResponse.Status(404),
            };
        }
        catch (EurekaServerRejection rejection)
        {
            return EurekaServerResponse.Text(rejection.StatusCode, rejection.Body, rejection.ContentType);
        }
    }

    private static long? Long(IQueryCollection query, string name)
        => long.TryParse(query[name].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Reads answer 403 while the server is "not ready" (startup with an empty peer sync).</summary>
    private EurekaServerResponse Read(Func<EurekaServerResponse> read) => server.NotReady ? EurekaServerResponse.Status(403) : read();

    private EurekaServerResponse Applications(IReadOnlyList<EurekaTestInstance> instances, bool json)
    {
        var hashcode = EurekaServerHashcode.Compute(registry.All());
        return json
            ? new(200, EurekaServerJsonWriter.Applications(instances, registry.Version, hashcode, server.SingleElementAsObject), "application/json")
            : new(200, EurekaServerXmlWriter.Applications(instances, registry.Version, hashcode), "application/xml");
    }

    private EurekaServerResponse Application(string app, bool json)
    {
        var instances = registry.All().Where(i => string.Equals(i.App, app, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (instances.Length == 0)
        {
            return EurekaServerResponse.Status(404);
        }

        var name = app.ToUpperInvariant();
        return json
            ? new(200, EurekaServerJsonWriter.ApplicationRoot(name, instances, server.SingleElementAsObject), "application/json")
            : new(200, EurekaServerXmlWriter.ApplicationRoot(name, instances), "application/xml");
    }

    private static EurekaServerResponse Instance(EurekaTestInstance? instance, bool json) => instance is null
        ? EurekaServerResponse.Status(404)
        : json ? new(200, EurekaServerJsonWriter.InstanceRoot(instance), "application/json") : new(200, EurekaServerXmlWriter.InstanceRoot(instance), "application/xml");

    private EurekaServerResponse Vip(string vip, Func<EurekaTestInstance, string?> field, bool json)
    {
        var matching = registry.All().Where(i => (field(i) ?? string.Empty).Split(',').Any(v => string.Equals(v.Trim(), vip, StringComparison.OrdinalIgnoreCase))).ToArray();
        return matching.Length == 0 ? EurekaServerResponse.Status(404) : Applications(matching, json);
    }

    private EurekaServerResponse Register(string app, EurekaRecordedRequest request)
    {
        var instance = EurekaServerBodyReader.Read(System.Text.Encoding.UTF8.GetBytes(request.Body), request.ContentType, server.SpringStrict);
        var expected = app.ToUpperInvariant();
        if (!string.Equals(instance.App, expected, StringComparison.Ordinal))
        {
            return EurekaServerResponse.Text(400, $"Mismatched appName, expecting {expected} but was {instance.App}", "text/plain");
        }

        registry.Register(instance);
        return EurekaServerResponse.Status(204);
    }

    private EurekaServerResponse SetOverride(string app, string id, IQueryCollection query)
    {
        var value = NormalizeStatus(query["value"].FirstOrDefault());
        return EurekaServerResponse.Status(registry.SetOverride(app, id, value, Long(query, "lastDirtyTimestamp")));
    }
}
