using MeshClient.Health;
using MeshClient.Resilience;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>The checks between resilience and health settings that attributes cannot express; every message names its key.</summary>
internal static class ResilienceCrossChecks
{
    /// <param name="builder">Collects the errors.</param>
    /// <param name="key">The key of the section, for example <c>Mesh:Resilience</c> or <c>Mesh:Services:x:Resilience</c>.</param>
    /// <param name="options">The settings.</param>
    public static void Check(ValidateOptionsResultBuilder builder, string key, ResilienceOptions options)
    {
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            builder.AddError($"{key}:AttemptTimeout ({options.AttemptTimeout}) must not exceed {key}:TotalTimeout ({options.TotalTimeout}).");
        }

        if (options.Retry is { } retry && retry.BaseDelay > retry.MaxDelay)
        {
            builder.AddError($"{key}:Retry:BaseDelay ({retry.BaseDelay}) must not exceed {key}:Retry:MaxDelay ({retry.MaxDelay}).");
        }

        if (options.Hedging is { Enabled: true } hedging && hedging.Delay >= options.AttemptTimeout)
        {
            builder.AddError($"{key}:Hedging:Delay ({hedging.Delay}) must be below {key}:AttemptTimeout ({options.AttemptTimeout}), or no attempt could be hedged.");
        }
    }

    /// <param name="builder">Collects the errors.</param>
    /// <param name="key">The key of the section, for example <c>Mesh:Health</c> or <c>Mesh:Services:x:Health</c>.</param>
    /// <param name="options">The settings.</param>
    public static void Check(ValidateOptionsResultBuilder builder, string key, HealthOptions options)
    {
        if (options.OutlierDetection is { } outliers && outliers.BaseEjectionTime > outliers.MaxEjectionTime)
        {
            builder.AddError($"{key}:OutlierDetection:BaseEjectionTime ({outliers.BaseEjectionTime}) must not exceed {key}:OutlierDetection:MaxEjectionTime ({outliers.MaxEjectionTime}).");
        }

        if (options.OutlierDetection is { EnforcingFailurePercentage: > 0, FailurePercentageThreshold: 0 })
        {
            builder.AddError($"{key}:OutlierDetection:FailurePercentageThreshold must be above 0 while {key}:OutlierDetection:EnforcingFailurePercentage"
                + " is above 0, or every instance with enough requests would be ejected.");
        }

        if (options.ActiveChecks is { Enabled: true } checks && checks.Timeout > checks.Interval)
        {
            builder.AddError($"{key}:ActiveChecks:Timeout ({checks.Timeout}) must not exceed {key}:ActiveChecks:Interval ({checks.Interval}).");
        }
    }
}
