using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>
/// Checks what attributes cannot: each policy's kinds, timings and scope. Every message names its key. Action names are
/// checked against the registered actions when the engine starts (<see cref="ValidateActions"/>): resolving the actions
/// here would resolve their own options, whose validators may read these options, in a cycle.
/// </summary>
internal sealed class RecoveryOptionsCrossValidator : IValidateOptions<RecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RecoveryOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (policyName, policy) in options.Policies)
        {
            var key = $"{RecoveryConstants.SectionName}:Policies:{policyName}";
            if (policy is null)
            {
                builder.AddError($"{key}: the policy is empty.");
                continue;
            }

            ValidateKinds(builder, $"{key}:On", policy.On, required: true);
            ValidateKinds(builder, $"{key}:ClearedBy", policy.ClearedBy, required: false);
            if (policy.ClearedBy.Count == 0 && policy.On.Count > 0 && EventKinds.DefaultClearedBy(policy.On).Count == 0)
            {
                builder.AddError($"{key}:ClearedBy: no default clearing kind is known for {string.Join(", ", policy.On)}; name the kinds that end the condition.");
            }

            if (policy.For < TimeSpan.Zero)
            {
                builder.AddError($"{key}:For must not be negative (was {policy.For}).");
            }

            if (policy.Cooldown is { } cooldown && cooldown < TimeSpan.Zero)
            {
                builder.AddError($"{key}:Cooldown must not be negative (was {cooldown}).");
            }

            if (policy.VerificationWindow is { } window && window <= TimeSpan.Zero)
            {
                builder.AddError($"{key}:VerificationWindow must be positive (was {window}).");
            }

            if (policy.Scope is not (RecoveryScope.Peer or RecoveryScope.Self))
            {
                builder.AddError($"{key}:Scope must be Peer or Self (was {policy.Scope}).");
            }

            if (policy.Actions.Count == 0)
            {
                builder.AddError($"{key}:Actions: name at least one action, for example migrate, drain-self, restore or restart.");
            }
        }

        return builder.Build();
    }

    private static void ValidateKinds(ValidateOptionsResultBuilder builder, string key, List<string> kinds, bool required)
    {
        if (required && kinds.Count == 0)
        {
            builder.AddError($"{key}: name at least one event kind, for example anomaly.detected or health.*.");
        }

        foreach (var kind in kinds.Where(static k => !EventKinds.IsValidPattern(k)))
        {
            builder.AddError($"{key}: '{kind}' is not an event kind (exact, or with one trailing '*').");
        }
    }

    /// <summary>Checks every policy's action names and scopes against the registered actions; throws naming the keys.</summary>
    public static void ValidateActions(RecoveryOptions options, RecoveryActionCatalog catalog)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (policyName, policy) in options.Policies)
        {
            var key = $"{RecoveryConstants.SectionName}:Policies:{policyName}:Actions";
            foreach (var actionName in policy?.Actions ?? [])
            {
                if (catalog.Find(actionName ?? string.Empty) is not { } action)
                {
                    builder.AddError($"{key}: '{actionName}' is not a registered recovery action (known: {string.Join(", ", catalog.Names)}).");
                }
                else if (action.Scope != RecoveryScope.Any && action.Scope != policy!.Scope)
                {
                    builder.AddError($"{key}: '{actionName}' acts on {action.Scope} but the policy's Scope is {policy.Scope}.");
                }
            }
        }

        var result = builder.Build();
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RecoveryOptions), result.Failures);
        }
    }
}
