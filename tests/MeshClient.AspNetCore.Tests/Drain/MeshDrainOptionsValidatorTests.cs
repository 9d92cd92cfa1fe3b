using MeshClient.AspNetCore.Drain;

namespace MeshClient.AspNetCore.Tests.Drain;

public sealed class MeshDrainOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
        => new MeshDrainOptionsValidator().Validate(null, new MeshDrainOptions()).Succeeded.Should().BeTrue();

    [Fact]
    public void Validate_NegativeDelay_NamesTheKey()
        => new MeshDrainOptionsValidator().Validate(null, new MeshDrainOptions { Delay = TimeSpan.FromSeconds(-1) })
            .FailureMessage.Should().Contain("Mesh:Drain:Delay");

    [Fact]
    public void Validate_ZeroTimeout_NamesTheKey()
        => new MeshDrainOptionsValidator().Validate(null, new MeshDrainOptions { Timeout = TimeSpan.Zero })
            .FailureMessage.Should().Contain("Mesh:Drain:Timeout");

    [Fact]
    public void Validate_DelayLongerThanTimeout_NamesBothKeys()
        => new MeshDrainOptionsValidator().Validate(null, new MeshDrainOptions { Delay = TimeSpan.FromSeconds(40), Timeout = TimeSpan.FromSeconds(30) })
            .FailureMessage.Should().Contain("Mesh:Drain:Delay").And.Contain("Mesh:Drain:Timeout");
}
