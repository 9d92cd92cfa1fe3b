using MeshClient.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace MeshClient.Recovery.Tests.Actions;

public sealed class RestoreActionTests
{
    [Fact]
    public async Task ExecuteAsync_AfterDrainAndRestart_ResetsRefreshesAndHealsBothChecks()
    {
        var control = new FakeInstanceHealthControl();
        await using var services = RecoveryServices.Build(configure: s => s.AddSingleton<IInstanceHealthControl>(control));
        await services.Action("drain-self").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);
        await services.Action("restart").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);
        (await services.CheckAsync("recovery")).Should().Be(HealthStatus.Unhealthy);

        var result = await services.Action("restore").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeTrue(result.Detail);
        (control.Resets, control.Refreshes).Should().Be((1, 1));
        (await services.CheckAsync("recovery")).Should().Be(HealthStatus.Healthy);
        (await services.CheckAsync("recovery-liveness")).Should().Be(HealthStatus.Healthy);
    }

    [Fact]
    public async Task ExecuteAsync_CallbackThrows_OthersRunActionFailsSecretNotLogged()
    {
        var ran = new List<string>();
        var logs = new FakeLogCollector();
        await using var services = RecoveryServices.Build(configure: s =>
        {
            s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
            var mesh = s.AddMeshClient();
            mesh.AddRecoveryRestoreCallback((_, _) =>
            {
                ran.Add("first");
                return ValueTask.CompletedTask;
            });
            mesh.AddRecoveryRestoreCallback((_, _) => throw new InvalidOperationException("password=hunter2"));
            mesh.AddRecoveryRestoreCallback<RecordingCallback>();
            s.AddSingleton(ran);
        });

        var result = await services.Action("restore").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("InvalidOperationException").And.NotContain("hunter2");
        ran.Should().Equal("first", nameof(RecordingCallback));
        logs.GetSnapshot().Should().Contain(r => r.Level == LogLevel.Error).And.NotContain(r => r.Message.Contains("hunter2") || (r.Exception != null));
    }

    [Fact]
    public async Task ExecuteAsync_NoHealthControl_StillRunsCallbacks()
    {
        var ran = new List<string>();
        await using var services = RecoveryServices.Build(configure: s =>
        {
            s.AddMeshClient().AddRecoveryRestoreCallback<RecordingCallback>();
            s.AddSingleton(ran);
        });

        var result = await services.Action("restore").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        ran.Should().Equal(nameof(RecordingCallback));
    }

    private sealed class RecordingCallback(List<string> ran) : IRecoveryRestoreCallback
    {
        public ValueTask RestoreAsync(RecoveryActionContext context, CancellationToken cancellationToken)
        {
            ran.Add(nameof(RecordingCallback));
            return ValueTask.CompletedTask;
        }
    }
}
