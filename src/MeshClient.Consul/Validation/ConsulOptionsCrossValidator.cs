using MeshClient.Consul.Http;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Validation;

/// <summary>Checks what attributes cannot: agent URLs, the TTL against the push period, the retry bounds. Every message names its key; URLs are shown redacted.</summary>
internal sealed class ConsulOptionsCrossValidator(IOptions<MeshOptions> mesh) : IValidateOptions<ConsulOptions>
{
    private const string Key = ConsulConstants.ConfigurationKey;

    public ValidateOptionsResult Validate(string? name, ConsulOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        CheckAddress(builder, $"{Key}:Address", options.Address);
        for (var i = 0; i < options.Addresses.Count; i++)
        {
            CheckAddress(builder, $"{Key}:Addresses:{i}", options.Addresses[i]);
        }

        if (options.MinRetryDelay > options.MaxRetryDelay)
        {
            builder.AddError($"{Key}:MinRetryDelay must not exceed {Key}:MaxRetryDelay.");
        }

        if (!Enum.IsDefined(options.Consistency))
        {
            builder.AddError($"{Key}:Consistency: '{options.Consistency}' is not Default, Stale or Consistent.");
        }

        if (!Enum.IsDefined(options.Check.Mode))
        {
            builder.AddError($"{Key}:Check:Mode: '{options.Check.Mode}' is not Ttl, Http or None.");
        }

        var renew = mesh.Value.Registration.RenewInterval;
        if (options.Check.Mode == ConsulCheckMode.Ttl && options.Check.Ttl is { } ttl && ttl <= renew)
        {
            builder.AddError($"{Key}:Check:Ttl ({ttl}) must be longer than Mesh:Registration:RenewInterval ({renew}), the period of the TTL push.");
        }

        if (options.Check.Mode == ConsulCheckMode.Http && string.IsNullOrWhiteSpace(options.Check.HttpPath))
        {
            builder.AddError($"{Key}:Check:HttpPath must name the readiness endpoint the agent polls (for example /health/ready).");
        }

        if (options.Check.Timeout >= options.Check.Interval && options.Check.Mode == ConsulCheckMode.Http)
        {
            builder.AddError($"{Key}:Check:Timeout must be shorter than {Key}:Check:Interval.");
        }

        foreach (var key in mesh.Value.Registration.Metadata.Keys)
        {
            // The agent rejects other keys with 400 Invalid Service Meta (structs.ValidateServiceMetadata).
            if (key.Length is 0 or > 128 || key.StartsWith("consul-", StringComparison.Ordinal) || !key.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                builder.AddError($"Mesh:Registration:Metadata:{key}: Consul meta keys are 1 to 128 letters, digits, '_' or '-' (no dots) and do not start with 'consul-'.");
            }
        }

        if (options.Token is { } token && token.Any(char.IsControl))
        {
            builder.AddError($"{Key}:Token holds a control character (the value is not shown).");
        }

        return builder.Build();
    }

    private static void CheckAddress(ValidateOptionsResultBuilder builder, string key, string? url)
    {
        try
        {
            _ = ConsulAgentAddress.Parse(url ?? string.Empty);
        }
        catch (FormatException ex)
        {
            builder.AddError($"{key}: {ex.Message}");
        }
    }
}
