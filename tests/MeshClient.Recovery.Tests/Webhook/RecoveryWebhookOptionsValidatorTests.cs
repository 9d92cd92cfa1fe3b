using MeshClient.Recovery.Tests.Actions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.Recovery.Tests.Webhook;

public sealed class RecoveryWebhookOptionsValidatorTests
{
    [Theory]
    [InlineData("ftp://ops.example.com/hook", "Mesh:Recovery:Webhook:Url")]
    [InlineData("not a url", "Mesh:Recovery:Webhook:Url")]
    [InlineData("/relative/hook", "Mesh:Recovery:Webhook:Url")]
    public async Task Options_BadUrl_FailsNamingTheKey(string url, string key)
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Webhook:Url"] = url });

        var act = () => services.GetRequiredService<IOptions<RecoveryWebhookOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains(key));
    }

    [Fact]
    public async Task Options_UrlWithCredentials_MessageRedactsThem()
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Webhook:Url"] = "ftp://user:pw-secret@ops.example.com/hook?token=q-secret" });

        var act = () => services.GetRequiredService<IOptions<RecoveryWebhookOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().NotContain("secret");
    }

    [Theory]
    [InlineData("Mesh:Recovery:Webhook:MaxAttempts", "0")]
    [InlineData("Mesh:Recovery:Webhook:Timeout", "00:00:00")]
    [InlineData("Mesh:Recovery:Webhook:Headers:Idempotency-Key", "mine")]
    public async Task Options_OutOfRange_FailsNamingTheKey(string key, string value)
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Webhook:Url"] = "https://ops.example.com/hook", [key] = value });

        var act = () => services.GetRequiredService<IOptions<RecoveryWebhookOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key);
    }

    [Fact]
    public async Task Options_Defaults_AreValid()
    {
        await using var services = RecoveryServices.Build(new() { ["Mesh:Recovery:Webhook:Url"] = "https://ops.example.com/hook" });

        var options = services.GetRequiredService<IOptions<RecoveryWebhookOptions>>().Value;

        (options.Timeout, options.MaxAttempts, options.BaseDelay).Should().Be((TimeSpan.FromSeconds(5), 4, TimeSpan.FromSeconds(1)));
    }
}
