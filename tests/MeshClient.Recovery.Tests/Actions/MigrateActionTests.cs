using MeshClient.Health;
using Microsoft.Extensions.DependencyInjection;

namespace MeshClient.Recovery.Tests.Actions;

public sealed class MigrateActionTests
{
    [Theory]
    [InlineData(InstanceEjectionResult.Ejected, true, "ejected")]
    [InlineData(InstanceEjectionResult.AlreadyEjected, true, "already ejected")]
    [InlineData(InstanceEjectionResult.MaxEjectionPercentReached, false, "MaxEjectionPercent")]
    [InlineData(InstanceEjectionResult.UnknownInstance, false, "not known")]
    public async Task ExecuteAsync_EjectionResult_MapsToResult(InstanceEjectionResult ejection, bool succeeded, string detail)
    {
        var control = new FakeInstanceHealthControl { EjectResult = ejection };
        using var services = new ServiceCollection().AddSingleton<IInstanceHealthControl>(control).BuildServiceProvider();

        var result = await new MigrateAction().ExecuteAsync(ActionContexts.Peer(services), CancellationToken.None);

        result.Succeeded.Should().Be(succeeded);
        result.Detail.Should().Contain(detail).And.Contain("ratings/ratings-2");
        control.Ejections.Should().Equal(("ratings", "ratings-2", "recovery"));
    }

    [Fact]
    public async Task ExecuteAsync_ServiceWideTarget_FailsWithoutEjecting()
    {
        var control = new FakeInstanceHealthControl();
        using var services = new ServiceCollection().AddSingleton<IInstanceHealthControl>(control).BuildServiceProvider();
        var context = ActionContexts.Create(services, new RecoveryTarget(RecoveryScope.Peer, "ratings", null));

        var result = await new MigrateAction().ExecuteAsync(context, CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        control.Ejections.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_NoHealthControl_Fails()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        var result = await new MigrateAction().ExecuteAsync(ActionContexts.Peer(services), CancellationToken.None);

        result.Succeeded.Should().BeFalse();
        result.Detail.Should().Contain("IInstanceHealthControl");
    }

    [Fact]
    public void Properties_DescribePeerEjection()
    {
        var action = new MigrateAction();

        (action.Name, action.Scope, action.JournalVerb).Should().Be(("migrate", RecoveryScope.Peer, "ejected"));
    }
}
