using MeshClient.Recovery.Tests.Fakes;
using MeshClient.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery.Tests;

public sealed class RecoveryOptionsTests
{
    [Fact]
    public void AddRecovery_NoSettings_UsesDocumentedDefaults()
    {
        using var services = Build();

        var options = services.GetRequiredService<IOptions<RecoveryOptions>>().Value;

        options.Enabled.Should().BeTrue();
        options.DryRun.Should().BeFalse();
        options.Cooldown.Should().Be(TimeSpan.FromSeconds(60));
        options.VerificationWindow.Should().Be(TimeSpan.FromSeconds(30));
        options.ActionTimeout.Should().Be(TimeSpan.FromSeconds(30));
        options.MaxConcurrentActions.Should().Be(2);
        options.MaxActionsPerWindow.Should().Be(10);
        options.RateWindow.Should().Be(TimeSpan.FromMinutes(1));
        options.MaxInstanceSharePercent.Should().Be(34);
        options.EvaluationInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.JournalCapacity.Should().Be(256);
        options.Policies.Should().BeEmpty();
    }

    [Fact]
    public void AddRecovery_ValidPolicy_BindsIt()
    {
        using var services = Build(
            ("Mesh:Recovery:Policies:bad-peer:On:0", "anomaly.detected"),
            ("Mesh:Recovery:Policies:bad-peer:Service", "ratings"),
            ("Mesh:Recovery:Policies:bad-peer:For", "00:00:10"),
            ("Mesh:Recovery:Policies:bad-peer:Actions:0", "eject"),
            ("Mesh:Recovery:Policies:bad-peer:Actions:1", "anywhere"));

        var policy = services.GetRequiredService<IOptions<RecoveryOptions>>().Value.Policies["bad-peer"];

        policy.Actions.Should().Equal("eject", "anywhere");
        policy.For.Should().Be(TimeSpan.FromSeconds(10));
        policy.Scope.Should().Be(RecoveryScope.Peer);
    }

    [Theory]
    [InlineData("Mesh:Recovery:MaxConcurrentActions", "0", "Mesh:Recovery:MaxConcurrentActions")]
    [InlineData("Mesh:Recovery:MaxInstanceSharePercent", "101", "Mesh:Recovery:MaxInstanceSharePercent")]
    [InlineData("Mesh:Recovery:JournalCapacity", "0", "Mesh:Recovery:JournalCapacity")]
    [InlineData("Mesh:Recovery:Policies:p:For", "-00:00:01", "Mesh:Recovery:Policies:p:For")]
    [InlineData("Mesh:Recovery:Policies:p:On:0", "anomaly.*.x", "Mesh:Recovery:Policies:p:On")]
    [InlineData("Mesh:Recovery:Policies:p:On:0", "custom.thing", "Mesh:Recovery:Policies:p:ClearedBy")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mesh:Recovery:Policies:p:On:0"] = "anomaly.detected",
            ["Mesh:Recovery:Policies:p:Actions:0"] = "eject",
            [key] = value,
        };
        using var services = Build([.. settings.Select(kv => (kv.Key, kv.Value))]);

        var act = () => services.GetRequiredService<IOptions<RecoveryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(named);
    }

    [Theory]
    [InlineData("nope", "'nope' is not a registered recovery action")]
    [InlineData("selfie", "'selfie' acts on Self but the policy's Scope is Peer")]
    public void Start_BadActionName_FailsNamingTheKey(string action, string message)
    {
        using var services = Build(("Mesh:Recovery:Policies:p:On:0", "anomaly.detected"), ("Mesh:Recovery:Policies:p:Actions:0", action));

        var act = () => services.GetRequiredService<RecoveryEngine>();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Mesh:Recovery:Policies:p:Actions").And.Contain(message);
    }

    [Fact]
    public void Validate_PolicyWithoutActions_FailsNamingTheKey()
    {
        using var services = Build(("Mesh:Recovery:Policies:p:On:0", "anomaly.detected"));

        var act = () => services.GetRequiredService<IOptions<RecoveryOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Mesh:Recovery:Policies:p:Actions");
    }

    [Fact]
    public void AddRecovery_CalledTwice_RegistersOneEngineOneStatusAndOneAction()
    {
        var services = new ServiceCollection();
        services.AddMeshClient().AddRecovery().AddRecovery(o => o.DryRun = true).AddRecoveryAction<EjectUserAction>().AddRecoveryAction<EjectUserAction>();

        services.Count(d => d.ServiceType == typeof(RecoveryEngine)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IMeshStatusContributor) && d.ImplementationType == typeof(RecoveryStatusContributor)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IRecoveryAction) && d.ImplementationType == typeof(EjectUserAction)).Should().Be(1);
    }

    private static ServiceProvider Build(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IRecoveryAction>(new FakeRecoveryAction("selfie", RecoveryScope.Self, "restarted"));
        services.AddSingleton<IRecoveryAction>(new FakeRecoveryAction("anywhere", RecoveryScope.Any, "called"));
        services.AddMeshClient(configuration.GetSection("Mesh")).AddRecovery().AddRecoveryAction<EjectUserAction>();
        return services.BuildServiceProvider();
    }
}
