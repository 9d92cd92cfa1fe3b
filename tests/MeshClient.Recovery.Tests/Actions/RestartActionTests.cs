using MeshClient.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery.Tests.Actions;

public sealed class RestartActionTests
{
    [Fact]
    public async Task ExecuteAsync_FailLiveness_LivenessCheckTurnsUnhealthy()
    {
        await using var services = RecoveryServices.Build();
        var registration = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == "recovery-liveness");
        registration.Tags.Should().Equal(MeshHealthTags.Live);
        (await services.CheckAsync("recovery-liveness")).Should().Be(HealthStatus.Healthy);

        var result = await services.Action("restart").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        (await services.CheckAsync("recovery-liveness")).Should().Be(HealthStatus.Unhealthy);
        (await services.CheckAsync("recovery")).Should().Be(HealthStatus.Healthy, "a restart request does not drain");
    }

    [Fact]
    public async Task ExecuteAsync_StopHost_SetsExitCodeAndStopsApplication()
    {
        var lifetime = new FakeHostApplicationLifetime();
        await using var services = RecoveryServices.Build(
            new() { ["Mesh:Recovery:Restart:Mode"] = "StopHost" },
            s => s.AddSingleton<IHostApplicationLifetime>(lifetime));
        try
        {
            var result = await services.Action("restart").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

            result.Succeeded.Should().BeTrue();
            lifetime.StopRequests.Should().Be(1);
            Environment.ExitCode.Should().Be(75);
            (await services.CheckAsync("recovery-liveness")).Should().Be(HealthStatus.Healthy);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task ExecuteAsync_StopHostWithoutHost_Fails()
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Restart:Mode"] = "StopHost", ["Mesh:Recovery:Restart:ExitCode"] = "70" });

        var result = await services.Action("restart").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        Environment.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Options_ExitCodeOutOfRange_FailsNamingTheKey()
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Restart:ExitCode"] = "300" });

        var act = () => services.GetRequiredService<IOptions<RecoveryRestartOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Mesh:Recovery:Restart:ExitCode");
    }
}
