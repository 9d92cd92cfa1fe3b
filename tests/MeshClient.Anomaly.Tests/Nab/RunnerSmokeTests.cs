using System.Globalization;
using MeshClient.Nab.Cli;

namespace MeshClient.Anomaly.Tests.Nab;

/// <summary>Runs the runner and the scorer end to end on the two NAB files under <c>TestData</c>.</summary>
public sealed class RunnerSmokeTests : IDisposable
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData");
    private readonly string _output = Path.Combine(Path.GetTempPath(), "nab-smoke-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Theory]
    [InlineData("meshLikelihood")]
    [InlineData("meshEwmaZScore")]
    [InlineData("meshEnsemble")]
    [InlineData("meshRules")]
    [InlineData("meshMedianMad")]
    [InlineData("meshCusum")]
    [InlineData("meshPageHinkley")]
    [InlineData("meshSeasonal")]
    [InlineData("meshIsolationForest")]
    public void Run_TwoFiles_WritesNabResultsLayoutWithScoresInRange(string detector)
    {
        var exit = RunCommand.Execute(CommandLine.Parse(["run", "--data", Path.Combine(TestData, "data"), "--out", _output, "--detector", detector]), TextWriter.Null);

        exit.Should().Be(0);
        var file = Path.Combine(_output, detector, "realAdExchange", $"{detector}_exchange-3_cpm_results.csv");
        var lines = File.ReadAllLines(file);
        lines[0].Should().Be("timestamp,value,anomaly_score");
        lines.Should().HaveCount(1539);
        var input = File.ReadAllLines(Path.Combine(TestData, "data", "realAdExchange", "exchange-3_cpm_results.csv"));
        lines.Skip(1).Select(static line => line[..line.LastIndexOf(',')]).Should().Equal(input.Skip(1));
        lines.Skip(1).Select(static line => double.Parse(line[(line.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture))
            .Should().OnlyContain(static score => score >= 0.0 && score <= 1.0);
        File.Exists(Path.Combine(_output, detector, "realAWSCloudwatch", $"{detector}_iio_us-east-1_i-a2eb1cd9_NetworkIn.csv")).Should().BeTrue();
    }

    [Fact]
    public void Score_AfterRun_PrintsOneRowPerProfileOverThreeWindows()
    {
        RunCommand.Execute(CommandLine.Parse(["run", "--data", Path.Combine(TestData, "data"), "--out", _output]), TextWriter.Null);
        using var output = new StringWriter();

        var exit = ScoreCommand.Execute(
            CommandLine.Parse([
                "score", "--results", _output, "--labels", Path.Combine(TestData, "labels", "combined_windows.json"),
                "--profiles", Path.Combine(TestData, "config", "profiles.json")]),
            output);

        exit.Should().Be(0);
        var text = output.ToString();
        text.Should().Contain("meshEnsemble: 2 files, 3 windows, thresholds optimised");
        text.Should().Contain("| standard |").And.Contain("| reward_low_FP_rate |").And.Contain("| reward_low_FN_rate |");
    }
}
