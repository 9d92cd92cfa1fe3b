using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Server;

/// <summary>The in-process registry speaks the REST API as real servers do (protocols.md Part A and C).</summary>
public sealed class EurekaTestServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });
    private EurekaTestServer _eureka = null!;

    public async Task InitializeAsync() => _eureka = await EurekaTestServer.StartAsync(_time);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _eureka.DisposeAsync();
    }

    [Fact]
    public async Task Register_FixtureBodiesJsonAndXml_204AndStoredUpperCase()
    {
        (await Post("apps/foobar", Fixture.Bytes("register-request-body.json"), "application/json")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Post("apps/TestApp", Fixture.Bytes("register-request-body.xml"), "application/xml")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        _eureka.GetInstance("FOOBAR", "some")!.Should().Match<EurekaTestInstance>(i => i.Port == 8080 && i.PortEnabled && i.SecurePort == 9090 && !i.SecurePortEnabled);
        _eureka.GetInstance("TESTAPP", "localhost:test-app:8760")!.Metadata.Should().Contain("management.context-path", "/actuator");
    }

    [Theory]
    [InlineData("""{"instance":{"instanceId":"a","hostName":"h","app":"FOO","ipAddr":"1.2.3.4","port":8080,"dataCenterInfo":{"@class":"x","name":"MyOwn"}}}""")]
    [InlineData("""{"instance":{"instanceId":"a","hostName":"h","app":"FOO","ipAddr":"1.2.3.4","port":{"$":8080,"@enabled":"true"},"dataCenterInfo":{"name":"MyOwn"}}}""")]
    [InlineData("""{"instance":{"instanceId":"a","hostName":"h","app":"FOO",""")]
    public async Task Register_PortNotObjectOrNoDataCenterClass_400CannotParse(string body)
    {
        var response = await Post("apps/FOO", Encoding.UTF8.GetBytes(body), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var ours = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var recorded = JsonDocument.Parse(Fixture.Bytes("error-400-cannot-parse-request-body.json"));
        ours.RootElement.GetProperty("error").GetString().Should().Be(recorded.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Register_SpringStrictBooleanEnabled_500()
    {
        _eureka.SpringStrict = true;

        var response = await Post("apps/TEST-SERVICE", Fixture.Bytes("instance-kiwi-handwritten.json"), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "XStream casts @enabled to a String (SteeltoeOSS/Discovery#18)");
    }

    [Fact]
    public async Task Register_SpringStrictWithoutStatusPageUrl_400()
    {
        _eureka.SpringStrict = true;
        var body = """{"instance":{"instanceId":"a","hostName":"h","app":"FOO","ipAddr":"1.2.3.4","port":{"$":1,"@enabled":"true"},"dataCenterInfo":{"@class":"x","name":"MyOwn"}}}""";

        var response = await Post("apps/FOO", Encoding.UTF8.GetBytes(body), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be("Missing statusPageUrl");
    }

    [Fact]
    public async Task Register_MismatchedApp_400WithServerMessage()
    {
        var response = await Post("apps/OTHER", Fixture.Bytes("register-request-body.json"), "application/json");

        (await response.Content.ReadAsStringAsync()).Should().Be("Mismatched appName, expecting OTHER but was FOOBAR");
    }

    [Fact]
    public async Task Register_LowerCaseAppInPathAndBody_204StoredUpperCase()
    {
        // eureka-js-client posts its configured name as is; the server's codec upper-cases the body's app as the path's.
        var body = """{"instance":{"instanceId":"j1","hostName":"h","app":"jqservice","ipAddr":"1.2.3.4","port":{"$":8080,"@enabled":"true"},"dataCenterInfo":{"@class":"x","name":"MyOwn"}}}""";

        var response = await Post("apps/jqservice", Encoding.UTF8.GetBytes(body), "application/json");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _eureka.GetInstance("jqservice", "j1")!.App.Should().Be("JQSERVICE");
    }

    [Fact]
    public async Task StatusRules_OverrideAndRePosts_FollowTheServerRules()
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { LastDirtyTimestamp = 1 });

        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { Status = "OUT_OF_SERVICE", LastDirtyTimestamp = 2 });
        Status().Should().Be("UP", "an existing UP lease keeps its status against a re-POST saying OUT_OF_SERVICE");

        (await Send(HttpMethod.Put, "apps/FOO/i1/status?value=OUT_OF_SERVICE")).StatusCode.Should().Be(HttpStatusCode.OK);
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { LastDirtyTimestamp = 3 });
        Status().Should().Be("OUT_OF_SERVICE", "an override wins until deleted");
        (await Send(HttpMethod.Put, "apps/FOO/i1")).StatusCode.Should().Be(HttpStatusCode.OK);
        Status().Should().Be("OUT_OF_SERVICE", "the override sticks across renewals");

        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { Status = "DOWN", LastDirtyTimestamp = 4 });
        Status().Should().Be("DOWN", "DOWN passes whatever the override");

        (await Send(HttpMethod.Delete, "apps/FOO/i1/status")).StatusCode.Should().Be(HttpStatusCode.OK);
        Status().Should().Be("UNKNOWN");
        (await Send(HttpMethod.Put, "apps/FOO/i1")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a renew resolving to UNKNOWN asks for a re-registration");
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { LastDirtyTimestamp = 5 });
        Status().Should().Be("UP");
    }

    [Fact]
    public async Task Register_OlderDirtyTimestamp_ExistingRecordKept()
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { LastDirtyTimestamp = 10 });

        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 2) with { LastDirtyTimestamp = 5 });

        _eureka.GetInstance("FOO", "i1")!.Port.Should().Be(1);
        (await Send(HttpMethod.Put, "apps/FOO/i1?status=UP&lastDirtyTimestamp=11")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a newer client timestamp means: register again");
    }

    [Fact]
    public async Task RenewCancel_UnknownLease_404()
    {
        (await Send(HttpMethod.Put, "apps/FOO/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1));
        (await Send(HttpMethod.Delete, "apps/FOO/i1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Send(HttpMethod.Delete, "apps/FOO/i1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetApps_NoAcceptJson_XmlByDefault()
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1));

        var response = await Send(HttpMethod.Get, "apps/", accept: null);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml", "XML is the server's default (SteeltoeOSS/Samples#56)");
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName.Should().Be("applications");
    }

    [Fact]
    public async Task GetApps_Json_SameFieldsAsRecordedSpringPayload()
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "localhost:foo", 8080) with { SecureVipAddress = null });

        using var ours = JsonDocument.Parse(await (await Send(HttpMethod.Get, "apps")).Content.ReadAsStringAsync());
        using var recorded = JsonDocument.Parse(Fixture.Bytes("apps-full-single-app.json"));

        Shape(ours.RootElement).Should().Equal(Shape(recorded.RootElement));
    }

    [Fact]
    public async Task GetApps_Xml_SameElementsAsRecordedSpringPayload()
    {
        _eureka.Register(EurekaTestInstance.Create("META-SERVICE", "meta-service002.test.com:meta-service:8080", 8080) with { Metadata = new Dictionary<string, string> { ["project"] = "meta-service", ["management.port"] = "8090" } });

        var ours = XDocument.Parse(await (await Send(HttpMethod.Get, "apps", accept: "application/xml")).Content.ReadAsStringAsync());
        var recorded = XDocument.Parse(Encoding.UTF8.GetString(Fixture.Bytes("apps-full-2apps-4instances.xml")));

        Names(ours.Root!.Element("application")!.Element("instance")!).Should().Equal(Names(recorded.Root!.Elements("application").Last().Element("instance")!));
    }

    [Fact]
    public async Task GetApps_AcceptEncodingGzip_Gzipped()
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_eureka.BaseUrl, "apps/"));
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await _http.SendAsync(request);

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        (await response.Content.ReadAsByteArrayAsync())[0].Should().Be(0x1F);
    }

    [Fact]
    public async Task Delta_ChangesKeptThreeMinutes_HashcodeOverWholeRegistry()
    {
        _eureka.SelfPreservation = true;
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1));
        _eureka.Register(EurekaTestInstance.Create("BAR", "b1", 2) with { Status = "DOWN" });
        (await Send(HttpMethod.Put, "apps/FOO/i1/metadata?version=2")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var delta = JsonDocument.Parse(await (await Send(HttpMethod.Get, "apps/delta")).Content.ReadAsStringAsync());
        var applications = delta.RootElement.GetProperty("applications");
        applications.GetProperty("apps__hashcode").GetString().Should().Be("DOWN_1_UP_1_");
        var foo = applications.GetProperty("application").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "FOO").GetProperty("instance")[0];
        foo.GetProperty("actionType").GetString().Should().Be("ADDED", "a metadata update re-registers on the server");
        foo.GetProperty("metadata").GetProperty("version").GetString().Should().Be("2");

        _time.Advance(TimeSpan.FromMinutes(4));
        using var later = JsonDocument.Parse(await (await Send(HttpMethod.Get, "apps/delta")).Content.ReadAsStringAsync());
        later.RootElement.GetProperty("applications").GetProperty("application").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("vips/foo-vip", HttpStatusCode.OK)]
    [InlineData("vips/OTHER", HttpStatusCode.OK)]
    [InlineData("svips/secure-foo", HttpStatusCode.OK)]
    [InlineData("vips/none", HttpStatusCode.NotFound)]
    [InlineData("apps/FOO/i1", HttpStatusCode.OK)]
    [InlineData("apps/foo", HttpStatusCode.OK)]
    [InlineData("instances/i1", HttpStatusCode.OK)]
    [InlineData("apps/NONE", HttpStatusCode.NotFound)]
    public async Task Get_LookupsUnderBothBasePaths_AnswerAsTheServer(string path, HttpStatusCode expected)
    {
        _eureka.Register(EurekaTestInstance.Create("FOO", "i1", 1) with { VipAddress = "foo-vip,other", SecureVipAddress = "secure-foo" });

        (await Send(HttpMethod.Get, path)).StatusCode.Should().Be(expected);
        (await Send(HttpMethod.Get, path, baseUrl: _eureka.NetflixBaseUrl)).StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task Get_NotReadyOrDeltaDisabled_403()
    {
        _eureka.DeltaDisabled = true;
        (await Send(HttpMethod.Get, "apps/delta")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _eureka.NotReady = true;
        (await Send(HttpMethod.Get, "apps/")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private string Status() => _eureka.GetInstance("FOO", "i1")!.Status;

    private static List<string> Shape(JsonElement element, string prefix = "")
    {
        var names = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(prefix + property.Name);
                names.AddRange(Shape(property.Value, prefix + property.Name + "."));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() > 0)
        {
            names.AddRange(Shape(element[0], prefix + "[]."));
        }

        return names;
    }

    private static List<string> Names(XElement element)
        => [.. element.Descendants().Where(e => e.Parent!.Name.LocalName != "metadata").Select(e => e.Name.LocalName + string.Concat(e.Attributes().Select(a => "@" + a.Name)))];

    private Task<HttpResponseMessage> Post(string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return _http.PostAsync(new Uri(_eureka.BaseUrl, path), content);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? accept = "application/json", Uri? baseUrl = null)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUrl ?? _eureka.BaseUrl, path));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return _http.SendAsync(request);
    }
}
