using MeshClient.Discovery;
using MeshClient.Discovery.Static;
using MeshClient.LoadBalancing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Checks what attributes cannot: names that must exist, URLs, per-service settings. Every message names its key.</summary>
/// <remarks>
/// Providers are resolved when validating, not injected: the static provider depends on <c>IOptionsMonitor&lt;MeshOptions&gt;</c>,
/// whose factory depends on this validator, so injecting them is a circular dependency.
/// </remarks>
internal sealed class MeshOptionsCrossValidator(IEnumerable<ILoadBalancer> balancers, IServiceProvider services)
    : IValidateOptions<MeshOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var balancerNames = balancers.Select(b => b.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var providerNames = services.GetServices<IServiceDiscoveryProvider>().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        if (!providerNames.Contains(options.Discovery.Provider))
        {
            builder.AddError($"Mesh:Discovery:Provider: '{options.Discovery.Provider}' is not a registered provider (known: {string.Join(", ", providerNames)}); add the provider's package and its Add... call.");
        }

        CheckBalancer(builder, "Mesh:LoadBalancer", options.LoadBalancer, balancerNames);
        if (options.Discovery.MinRetryDelay > options.Discovery.MaxRetryDelay)
        {
            builder.AddError("Mesh:Discovery:MinRetryDelay must not exceed Mesh:Discovery:MaxRetryDelay.");
        }

        var registration = options.Registration;
        if (registration.RenewInterval >= registration.LeaseDuration)
        {
            builder.AddError("Mesh:Registration:RenewInterval must be shorter than Mesh:Registration:LeaseDuration.");
        }

        if (registration.Scheme is { } scheme && scheme is not ("http" or "https"))
        {
            builder.AddError($"Mesh:Registration:Scheme: '{scheme}' is not 'http' or 'https'.");
        }

        ResilienceCrossChecks.Check(builder, "Mesh:Resilience", options.Resilience);
        ResilienceCrossChecks.Check(builder, "Mesh:Health", options.Health);
        foreach (var (service, settings) in options.Services)
        {
            var key = $"Mesh:Services:{service}";
            if (settings is null)
            {
                continue;
            }

            if (settings.LoadBalancer is { } balancer)
            {
                CheckBalancer(builder, key + ":LoadBalancer", balancer, balancerNames);
            }

            if (settings.Balancing is { } balancing)
            {
                var prefix = key + ":Balancing";
                builder.AddResult(ValidationKeys.ToConfigurationKeys(new LoadBalancingOptionsValidator().Validate(prefix, balancing), prefix));
            }

            if (settings.ZonePreference is { } zone)
            {
                var prefix = key + ":ZonePreference";
                builder.AddResult(ValidationKeys.ToConfigurationKeys(new ZonePreferenceOptionsValidator().Validate(prefix, zone), prefix));
            }

            if (settings.Resilience is { } resilience)
            {
                var prefix = key + ":Resilience";
                builder.AddResult(ValidationKeys.ToConfigurationKeys(new ResilienceOptionsValidator().Validate(prefix, resilience), prefix));
                ResilienceCrossChecks.Check(builder, prefix, resilience);
            }

            if (settings.Health is { } health)
            {
                var prefix = key + ":Health";
                builder.AddResult(ValidationKeys.ToConfigurationKeys(new HealthOptionsValidator().Validate(prefix, health), prefix));
                ResilienceCrossChecks.Check(builder, prefix, health);
            }

            for (var i = 0; i < settings.Instances.Count; i++)
            {
                CheckInstance(builder, $"{key}:Instances:{i}", settings.Instances[i]);
            }
        }

        return builder.Build();
    }

    private static void CheckBalancer(ValidateOptionsResultBuilder builder, string key, string value, HashSet<string> known)
    {
        if (!known.Contains(value))
        {
            builder.AddError($"{key}: '{value}' is not a registered load balancer (known: {string.Join(", ", known.Order(StringComparer.Ordinal))}).");
        }
    }

    private static void CheckInstance(ValidateOptionsResultBuilder builder, string key, StaticInstanceOptions? entry)
    {
        if (entry is null || string.IsNullOrWhiteSpace(entry.Url))
        {
            builder.AddError($"{key}: an instance needs a URL (a string, or an object with 'Url').");
            return;
        }

        if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            builder.AddError($"{key}: '{Redact(entry.Url)}' is not an absolute http or https URL.");
        }

        if (entry.Weight < 1)
        {
            builder.AddError($"{key}:Weight: {entry.Weight} must be at least 1.");
        }

        if (!Enum.IsDefined(entry.Status))
        {
            builder.AddError($"{key}:Status: '{entry.Status}' is not one of Up, Down, Starting, OutOfService, Unknown.");
        }
    }

    /// <summary>Drops user info (basic-auth passwords) from a URL before it appears in a message, with or without a scheme.</summary>
    internal static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        if (end < 0)
        {
            end = url.Length;
        }

        var at = end > start ? url.LastIndexOf('@', end - 1, end - start) : -1;
        return at < 0 ? url : string.Concat(url.AsSpan(0, start), "***@", url.AsSpan(at + 1));
    }
}
