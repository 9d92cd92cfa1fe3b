using MeshClient.AspNetCore.Inbound;
using MeshClient.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Tests.Inbound;

/// <summary>AddInboundObservation through a TestServer pipeline.</summary>
public sealed class InboundObservationPipelineTests
{
    private readonly RecordingObserver _observer = new();

    [Fact]
    public async Task AddInboundObservation_ServedRequests_ReachEveryObserver()
    {
        var second = new RecordingObserver();
        await using var app = await StartAsync(services => services.AddSingleton<IInboundRequestObserver>(_observer).AddSingleton<IInboundRequestObserver>(second));
        using var client = app.GetTestClient();

        (await client.GetAsync(new Uri("/ok", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/unavailable", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.ServiceUnavailable);
        await client.Invoking(c => c.GetAsync(new Uri("/throw", UriKind.Relative))).Should().ThrowAsync<InvalidOperationException>();
        await client.GetAsync(new Uri("/mesh/services", UriKind.Relative));

        _observer.Outcomes.Select(o => o.StatusCode).Should().Equal(200, 503, 500);
        _observer.Outcomes.Should().OnlyContain(o => !o.Aborted);
        second.Outcomes.Should().HaveCount(3);
    }

    [Fact]
    public async Task AddInboundObservation_NoObserver_ServesUnchanged()
    {
        await using var app = await StartAsync(null);
        using var client = app.GetTestClient();

        (await client.GetAsync(new Uri("/ok", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        app.Services.GetServices<IInboundRequestObserver>().Should().BeEmpty();
    }

    [Fact]
    public void AddInboundObservation_CalledTwice_AddsOneStartupFilter()
    {
        var services = new ServiceCollection();
        services.AddMeshClient().AddInboundObservation().AddInboundObservation(o => o.ExcludedPathPrefixes = []);

        services.Count(d => d.ServiceType == typeof(IStartupFilter) && d.ImplementationType == typeof(InboundObservationStartupFilter)).Should().Be(1);
    }

    [Fact]
    public async Task AddInboundObservation_ExcludedPrefixesFromConfiguration_ReplaceTheDefaults()
    {
        await using var app = await StartAsync(
            services => services.AddSingleton<IInboundRequestObserver>(_observer),
            new Dictionary<string, string?> { ["Mesh:Inbound:ExcludedPathPrefixes:0"] = "/ok" });
        using var client = app.GetTestClient();

        await client.GetAsync(new Uri("/ok", UriKind.Relative));
        await client.GetAsync(new Uri("/mesh/services", UriKind.Relative));

        app.Services.GetRequiredService<IOptions<MeshInboundOptions>>().Value.ExcludedPathPrefixes.Should().Equal("/ok");
        _observer.Outcomes.Should().ContainSingle();
    }

    [Fact]
    public async Task AddInboundObservation_PrefixWithoutSlash_FailsStartNamingTheKey()
    {
        await using var app = MeshTestApp.Build(
            new Dictionary<string, string?> { ["Mesh:Inbound:ExcludedPathPrefixes:0"] = "internal" },
            mesh: mesh => mesh.AddInboundObservation());

        var act = () => app.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Mesh:Inbound:ExcludedPathPrefixes:0");
    }

    private static async Task<WebApplication> StartAsync(Action<IServiceCollection>? services, Dictionary<string, string?>? configuration = null)
    {
        var app = MeshTestApp.Build(configuration ?? [], services, mesh => mesh.AddInboundObservation());
        app.MapGet("/ok", () => "ok");
        app.MapGet("/unavailable", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/throw", string () => throw new InvalidOperationException("boom"));
        await app.StartAsync();
        return app;
    }
}
