using MeshClient.Recovery.Tests.Fakes;

namespace MeshClient.Recovery.Tests.Policies;

public sealed class RecoveryActionCatalogTests
{
    [Fact]
    public void Find_UserAndBuiltInWithOneName_PrefersTheUserAction()
    {
        var user = new FakeRecoveryAction("restart");
        var builtIn = new FakeBuiltInAction("Restart");

        new RecoveryActionCatalog([builtIn, user]).Find("restart").Should().BeSameAs(user);
        new RecoveryActionCatalog([user, builtIn]).Find("RESTART").Should().BeSameAs(user);
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
        => new RecoveryActionCatalog([new FakeRecoveryAction("eject")]).Find("nope").Should().BeNull();

    [Theory]
    [InlineData("health.*", "health.instance-readmitted", "health.panic-left")]
    [InlineData("anomaly.detected", "anomaly.cleared", null)]
    [InlineData("readiness.failed", "readiness.passed", null)]
    public void DefaultClearedBy_Pattern_ReturnsThePairs(string on, string first, string? second)
    {
        var cleared = EventKinds.DefaultClearedBy([on]);

        cleared.Should().Contain(first);
        if (second is not null)
        {
            cleared.Should().Contain(second);
        }
    }
}
