using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>Source-generated DataAnnotations validation of <see cref="RecoveryWebhookOptions"/>; the messages name <c>Mesh:Recovery:Webhook:...</c> keys.</summary>
internal sealed partial class RecoveryWebhookOptionsValidator : IValidateOptions<RecoveryWebhookOptions>
{
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, RecoveryWebhookOptions options)
    {
        var result = _generated.Validate(name, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(static f => WebhookUrl.Redact(f).Replace(nameof(RecoveryWebhookOptions) + ".", WebhookConstants.SectionName + ":", StringComparison.Ordinal)))
            : result;
    }

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<RecoveryWebhookOptions>;
}
