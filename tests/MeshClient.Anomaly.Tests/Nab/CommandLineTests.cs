using MeshClient.Nab.Cli;

namespace MeshClient.Anomaly.Tests.Nab;

public class CommandLineTests
{
    [Fact]
    public void Parse_CommandAndOptions_ExposesThem()
    {
        var line = CommandLine.Parse(["score", "--results", "r", "--thresholds", "published:t.json"]);

        line.Command.Should().Be("score");
        line.Required("results").Should().Be("r");
        line.Optional("thresholds").Should().Be("published:t.json");
        line.Optional("detector").Should().BeNull();
    }

    [Fact]
    public void Parse_OptionWithoutValue_Throws() =>
        FluentActions.Invoking(static () => CommandLine.Parse(["run", "--data"])).Should().Throw<ArgumentException>();

    [Fact]
    public void Parse_NoCommand_Throws() =>
        FluentActions.Invoking(static () => CommandLine.Parse(["--data", "d"])).Should().Throw<ArgumentException>();

    [Fact]
    public void Required_Missing_ThrowsNamingTheOption() =>
        FluentActions.Invoking(static () => CommandLine.Parse(["run"]).Required("data"))
            .Should().Throw<ArgumentException>().WithMessage("*--data*");

    [Fact]
    public void EnsureOnly_UnknownOption_Throws() =>
        FluentActions.Invoking(static () => CommandLine.Parse(["run", "--bogus", "x"]).EnsureOnly("data", "out"))
            .Should().Throw<ArgumentException>().WithMessage("*--bogus*");
}
