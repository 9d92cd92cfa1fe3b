using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>
/// Checks what attributes cannot: the URL is an absolute http or https URL, and it is set when a policy names
/// <c>webhook</c> or <c>scale-out</c>. Every message names its key; the URL is shown without user info or query.
/// </summary>
internal sealed class RecoveryWebhookOptionsCrossValidator(IOptions<RecoveryOptions> recovery) : IValidateOptions<RecoveryWebhookOptions>
{
    private const string Key = WebhookConstants.SectionName;

    public ValidateOptionsResult Validate(string? name, RecoveryWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            if (FindUser() is { } user)
            {
                builder.AddError($"{Key}:Url is required: {user} uses the webhook (for example https://ops.example.com/mesh/recovery).");
            }
        }
        else if (!WebhookUrl.TryParse(options.Url, out _))
        {
            builder.AddError($"{Key}:Url: '{WebhookUrl.Redact(options.Url)}' is not an absolute http or https URL.");
        }

        foreach (var header in options.Headers.Keys)
        {
            if (WebhookUrl.IsReservedHeader(header))
            {
                builder.AddError($"{Key}:Headers:{header}: this header is set by MeshClient and cannot be configured.");
            }
        }

        return builder.Build();
    }

    /// <summary>Finds the first policy whose ladder names <c>webhook</c> or <c>scale-out</c>.</summary>
    private string? FindUser()
    {
        foreach (var (policy, options) in recovery.Value.Policies)
        {
            for (var i = 0; i < options.Actions.Count; i++)
            {
                var action = options.Actions[i];
                if (string.Equals(action, BuiltInActionConstants.Webhook, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(action, BuiltInActionConstants.ScaleOut, StringComparison.OrdinalIgnoreCase))
                {
                    return $"{BuiltInActionConstants.RecoverySectionName}:Policies:{policy}:Actions:{i} ({action})";
                }
            }
        }

        return null;
    }
}
