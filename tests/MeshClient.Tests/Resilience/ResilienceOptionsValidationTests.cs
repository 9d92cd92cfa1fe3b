using MeshClient.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MeshClient.Tests.Resilience;

public sealed class ResilienceOptionsValidationTests
{
    [Theory]
    [InlineData("Mesh:Resilience:TotalTimeout", "00:00:00", "Mesh:Resilience:TotalTimeout")]
    [InlineData("Mesh:Resilience:AttemptTimeout", "00:01:00", "Mesh:Resilience:AttemptTimeout")]
    [InlineData("Mesh:Resilience:Retry:MaxRetries", "-1", "Mesh:Resilience:Retry:MaxRetries")]
    [InlineData("Mesh:Resilience:Retry:BaseDelay", "00:00:01", "Mesh:Resilience:Retry:BaseDelay")]
    [InlineData("Mesh:Resilience:Retry:Budget:RetryRatio", "1.5", "Mesh:Resilience:Retry:Budget:RetryRatio")]
    [InlineData("Mesh:Resilience:CircuitBreaker:MinimumThroughput", "1", "Mesh:Resilience:CircuitBreaker:MinimumThroughput")]
    [InlineData("Mesh:Health:PanicThresholdPercent", "101", "Mesh:Health:PanicThresholdPercent")]
    [InlineData("Mesh:Health:OutlierDetection:BaseEjectionTime", "00:10:00", "Mesh:Health:OutlierDetection:BaseEjectionTime")]
    [InlineData("Mesh:Services:ratings:Resilience:AttemptTimeout", "00:01:00", "Mesh:Services:ratings:Resilience:AttemptTimeout")]
    [InlineData("Mesh:Services:ratings:Resilience:Retry:Budget:MinRetriesPerSecond", "-1", "Mesh:Services:ratings:Resilience:Retry:Budget:MinRetriesPerSecond")]
    [InlineData("Mesh:Services:ratings:Health:OutlierDetection:MaxEjectionPercent", "150", "Mesh:Services:ratings:Health:OutlierDetection:MaxEjectionPercent")]
    [InlineData("Mesh:Resilience:Hedging:MaxHedgedAttempts", "0", "Mesh:Resilience:Hedging:MaxHedgedAttempts")]
    [InlineData("Mesh:Services:ratings:Resilience:Hedging:Delay", "-00:00:01", "Mesh:Services:ratings:Resilience:Hedging:Delay")]
    [InlineData("Mesh:Health:MaxRetryAfterPenalty", "2.00:00:00", "Mesh:Health:MaxRetryAfterPenalty")]
    [InlineData("Mesh:Health:SlowStart:MinWeightPercent", "0", "Mesh:Health:SlowStart:MinWeightPercent")]
    [InlineData("Mesh:Services:ratings:Health:SlowStart:Aggression", "0", "Mesh:Services:ratings:Health:SlowStart:Aggression")]
    [InlineData("Mesh:Health:ActiveChecks:Path", "health", "Mesh:Health:ActiveChecks:Path")]
    [InlineData("Mesh:Services:ratings:Health:ActiveChecks:UnhealthyThreshold", "0", "Mesh:Services:ratings:Health:ActiveChecks:UnhealthyThreshold")]
    [InlineData("Mesh:Health:OutlierDetection:EnforcingSuccessRate", "101", "Mesh:Health:OutlierDetection:EnforcingSuccessRate")]
    [InlineData("Mesh:Services:ratings:Health:OutlierDetection:SuccessRateMinimumHosts", "0", "Mesh:Services:ratings:Health:OutlierDetection:SuccessRateMinimumHosts")]
    [InlineData("Mesh:Health:OutlierDetection:SuccessRateRequestVolume", "0", "Mesh:Health:OutlierDetection:SuccessRateRequestVolume")]
    [InlineData("Mesh:Health:OutlierDetection:SuccessRateStdevFactor", "-1", "Mesh:Health:OutlierDetection:SuccessRateStdevFactor")]
    [InlineData("Mesh:Health:OutlierDetection:FailurePercentageThreshold", "101", "Mesh:Health:OutlierDetection:FailurePercentageThreshold")]
    [InlineData("Mesh:Health:OutlierDetection:EnforcingFailurePercentage", "-1", "Mesh:Health:OutlierDetection:EnforcingFailurePercentage")]
    public async Task StartAsync_BadResilienceSetting_ThrowsNamingTheKey(string key, string value, string expectedKey)
    {
        using var host = BuildHost((key, value));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain(expectedKey);
    }

    [Fact]
    public async Task StartAsync_HedgingDelayNotBelowAttemptTimeout_ThrowsNamingBothKeys()
    {
        using var host = BuildHost(
            ("Mesh:Resilience:AttemptTimeout", "00:00:01"),
            ("Mesh:Resilience:Hedging:Enabled", "true"),
            ("Mesh:Resilience:Hedging:Delay", "00:00:02"));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:Resilience:Hedging:Delay").And.Contain("Mesh:Resilience:AttemptTimeout");
    }

    [Fact]
    public async Task StartAsync_ActiveCheckTimeoutAboveInterval_ThrowsNamingBothKeys()
    {
        using var host = BuildHost(
            ("Mesh:Services:ratings:Health:ActiveChecks:Enabled", "true"),
            ("Mesh:Services:ratings:Health:ActiveChecks:Interval", "00:00:01"),
            ("Mesh:Services:ratings:Health:ActiveChecks:Timeout", "00:00:02"));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:Services:ratings:Health:ActiveChecks:Timeout").And.Contain("Mesh:Services:ratings:Health:ActiveChecks:Interval");
    }

    [Fact]
    public async Task StartAsync_FailurePercentageEnforcedWithZeroThreshold_ThrowsNamingBothKeys()
    {
        using var host = BuildHost(
            ("Mesh:Services:ratings:Health:OutlierDetection:EnforcingFailurePercentage", "100"),
            ("Mesh:Services:ratings:Health:OutlierDetection:FailurePercentageThreshold", "0"));

        var failure = await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().Contain("Mesh:Services:ratings:Health:OutlierDetection:FailurePercentageThreshold")
            .And.Contain("Mesh:Services:ratings:Health:OutlierDetection:EnforcingFailurePercentage");
    }

    [Fact]
    public async Task StartAsync_ValidResilienceSettings_Starts()
    {
        using var host = BuildHost(
            ("Mesh:Resilience:TotalTimeout", "00:00:05"),
            ("Mesh:Resilience:AttemptTimeout", "00:00:01"),
            ("Mesh:Resilience:Retry:MaxRetries", "0"),
            ("Mesh:Services:ratings:Resilience:Enabled", "false"),
            ("Mesh:Services:ratings:Health:PanicThresholdPercent", "0"));

        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddSettings(settings);
        builder.Services.AddSingleton<TimeProvider>(new TestTimeProvider());
        builder.Services.AddMeshClient(builder.Configuration.GetSection("Mesh"));
        return builder.Build();
    }
}
