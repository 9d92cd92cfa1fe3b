using MeshClient.Discovery;
using MeshClient.Discovery.Static;
using MeshClient.LoadBalancing;
using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Checks what attributes cannot: names that must exist, URLs, per-service settings. Every message names its key.</summary>
internal sealed class MeshOptionsCrossValidator(IEnumerable<ILoadBalancer> balancers, IEnumerable<IServiceDiscoveryProvider> providers)
    : IValidateOptions<MeshOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var balancerNames = balancers.Select(b => b.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var providerNames = providers.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

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
                builder.AddResult(new LoadBalancingOptionsValidator().Validate(key + ":Balancing", balancing));
            }

            if (settings.ZonePreference is { } zone)
            {
                builder.AddResult(new ZonePreferenceOptionsValidator().Validate(key + ":ZonePreference", zone));
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

    /// <summary>Drops user info (basic-auth passwords) from a URL before it appears in a message.</summary>
    private static string Redact(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? string.Concat(url.AsSpan(0, scheme + 3), "***@", url.AsSpan(at + 1)) : url;
    }
}
