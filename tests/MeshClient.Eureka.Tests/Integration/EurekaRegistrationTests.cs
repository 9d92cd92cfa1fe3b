using System.Text.Json;
using MeshClient.Discovery;
using MeshClient.Registration;
using MeshClient.Testing.Eureka;
using Microsoft.Extensions.Time.Testing;

namespace MeshClient.Eureka.Tests.Integration;

/// <summary>Client ↔ in-process registry over loopback HTTP: the registration lifecycle, time driven by a fake clock.</summary>
public class EurekaRegistrationTests
{
    private const string App = "RATINGS";
    private const string Id = "127.0.0.1:ratings:5000";

    [Fact]
    public async Task Lifecycle_RegisterRenewReregisterStatusCancel_ServerSeesEveryStep()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var eureka = await EurekaTestServer.StartAsync(time);
        eureka.SpringStrict = true;
        var registered = eureka.WaitForRequestAsync(r => r.Method == "POST");
        var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.WithRegistration(EurekaTestHost.Config(eureka.BaseUrl.AbsoluteUri)));

        // Register: POST apps/RATINGS with the body Spring servers accept.
        var post = await Wait.For(registered);
        post.Path.Should().Be("apps/RATINGS");
        using (var body = JsonDocument.Parse(post.Body))
        {
            body.RootElement.GetProperty("instance").GetProperty("port").GetProperty("@enabled").GetString().Should().Be("true");
        }

        var first = eureka.GetInstance(App, Id)!;
        first.Status.Should().Be("UP");

        // Renew on the interval.
        var renew = eureka.WaitForRequestAsync(r => r.Method == "PUT" && r.Path == $"apps/{App}/{Id}");
        (await Wait.Advancing(time, renew, TimeSpan.FromSeconds(5))).Query.Should().Contain("status=UP").And.Contain("lastDirtyTimestamp=");

        // The server forgets the lease (restart, eviction): the next renew gets 404 and the client registers again.
        eureka.Cancel(App, Id).Should().BeTrue();
        var reregistered = eureka.WaitForRequestAsync(r => r.Method == "POST");
        await Wait.Advancing(time, reregistered, TimeSpan.FromSeconds(5));
        eureka.GetInstance(App, Id)!.LastDirtyTimestamp.Should().BeGreaterThan(first.LastDirtyTimestamp, "a re-registration refreshes lastDirtyTimestamp");

        // OUT_OF_SERVICE is a status override; it wins until deleted.
        await host.Registration.SetStatusAsync(InstanceStatus.OutOfService, CancellationToken.None);
        eureka.Requests.Should().Contain(r => r.Method == "PUT" && r.Path == $"apps/{App}/{Id}/status" && r.Query.Contains("value=OUT_OF_SERVICE"));
        eureka.GetInstance(App, Id)!.Status.Should().Be("OUT_OF_SERVICE");

        // Back to UP: the override is deleted and the registration re-POSTed.
        await host.Registration.SetStatusAsync(InstanceStatus.Up, CancellationToken.None);
        eureka.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"apps/{App}/{Id}/status");
        eureka.GetInstance(App, Id)!.Should().Match<EurekaTestInstance>(i => i.Status == "UP" && i.OverriddenStatus == "UNKNOWN");

        // DOWN and STARTING pass through a re-POST with a new lastDirtyTimestamp.
        await host.Registration.SetStatusAsync(InstanceStatus.Down, CancellationToken.None);
        eureka.GetInstance(App, Id)!.Status.Should().Be("DOWN");
        await host.Registration.SetStatusAsync(InstanceStatus.Up, CancellationToken.None);
        eureka.GetInstance(App, Id)!.Status.Should().Be("UP");

        // Graceful shutdown cancels the lease.
        await host.DisposeAsync();
        eureka.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == $"apps/{App}/{Id}");
        eureka.GetInstance(App, Id).Should().BeNull();
        eureka.Requests.Should().OnlyContain(r => r.Accept == "application/json");
    }

    [Fact]
    public async Task Register_WrongBasePath_HostKeepsRunningAndRetriesWithBackoff()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        var first = eureka.WaitForRequestAsync(r => r.Method == "POST");
        await using var host = await EurekaTestHost.StartAsync(time, EurekaTestHost.WithRegistration(EurekaTestHost.Config(eureka.Root.AbsoluteUri)));

        await Wait.For(first);
        var retried = eureka.WaitForRequestAsync(r => r.Method == "POST");
        await Wait.Advancing(time, retried, TimeSpan.FromSeconds(1));

        host.Registration.State.Should().NotBe(RegistrationState.Registered, "a server without /eureka/ answers 404 (jquatier/eureka-js-client#62)");
        host.LogMessages.Should().Contain(m => m.Contains("HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_XmlFormat_XmlBodyAcceptedWith204()
    {
        var time = new FakeTimeProvider();
        await using var eureka = await EurekaTestServer.StartAsync(time);
        var config = EurekaTestHost.WithRegistration(EurekaTestHost.Config(eureka.NetflixBaseUrl.AbsoluteUri));
        config["Mesh:Eureka:Format"] = "Xml";
        var registered = eureka.WaitForRequestAsync(r => r.Method == "POST");
        await using var host = await EurekaTestHost.StartAsync(time, config);

        var post = await Wait.For(registered);

        post.ContentType.Should().StartWith("application/xml");
        post.BasePath.Should().Be("/eureka/v2/");
        post.Body.Should().Contain("<port enabled=\"true\">5000</port>");
        eureka.GetInstance(App, Id)!.Status.Should().Be("UP");
    }
}
