using MeshClient.Discovery;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Recovery.Tests.Actions;

/// <summary><c>migrate</c> and <c>restore</c> against the real <c>IInstanceHealthControl</c> registered by <c>AddMeshClient</c>.</summary>
public sealed class MigrateRestoreMeshTests
{
    [Fact]
    public async Task MigrateThenRestore_RealHealthControl_EjectsBoundedThenResets()
    {
        var configuration = new Dictionary<string, string?>();
        for (var i = 1; i <= 3; i++)
        {
            configuration[$"Mesh:Services:ratings:Instances:{i - 1}:Url"] = $"http://127.0.0.1:{5000 + i}";
            configuration[$"Mesh:Services:ratings:Instances:{i - 1}:InstanceId"] = $"ratings-{i}";
        }

        await using var services = RecoveryServices.Build(configuration);
        await services.GetRequiredService<IServiceInstanceCache>().RefreshAsync("ratings", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var migrate = services.Action("migrate");

        (await migrate.ExecuteAsync(ActionContexts.Peer(services, instance: "ratings-2"), CancellationToken.None)).Should().Match<RecoveryActionResult>(r => r.Succeeded && r.Detail!.Contains("ejected"));
        (await migrate.ExecuteAsync(ActionContexts.Peer(services, instance: "ratings-2"), CancellationToken.None)).Detail.Should().Contain("already ejected");
        (await migrate.ExecuteAsync(ActionContexts.Peer(services, instance: "ratings-3"), CancellationToken.None)).Should().Match<RecoveryActionResult>(r => !r.Succeeded && r.Detail!.Contains("MaxEjectionPercent"));
        (await migrate.ExecuteAsync(ActionContexts.Peer(services, "nobody", "x"), CancellationToken.None)).Succeeded.Should().BeFalse();

        var restored = await services.Action("restore").ExecuteAsync(ActionContexts.Self(services), CancellationToken.None);

        restored.Succeeded.Should().BeTrue(restored.Detail);
        restored.Detail.Should().Contain("1 instance(s) reset");
        (await migrate.ExecuteAsync(ActionContexts.Peer(services, instance: "ratings-3"), CancellationToken.None)).Detail.Should().Contain("ratings-3 ejected", "the reset ended the first ejection");
    }
}
