using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Health;

/// <summary>Validates <see cref="MeshProbeOptions"/>; every message names its key.</summary>
internal sealed class MeshProbeOptionsValidator : IValidateOptions<MeshProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshProbeOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        CheckPath(builder, "LivePath", options.LivePath);
        CheckPath(builder, "ReadyPath", options.ReadyPath);
        CheckPath(builder, "StartupPath", options.StartupPath);
        var paths = new[] { options.LivePath, options.ReadyPath, options.StartupPath };
        if (paths.Distinct(StringComparer.OrdinalIgnoreCase).Count() != paths.Length)
        {
            builder.AddError($"{HealthProbeConstants.SectionName}:LivePath, ReadyPath and StartupPath must differ.");
        }

        if (options.MirrorInterval <= TimeSpan.Zero)
        {
            builder.AddError($"{HealthProbeConstants.SectionName}:MirrorInterval must be positive (was {options.MirrorInterval}).");
        }

        if (options.MirrorDebounce < TimeSpan.Zero)
        {
            builder.AddError($"{HealthProbeConstants.SectionName}:MirrorDebounce must not be negative (was {options.MirrorDebounce}).");
        }

        return builder.Build();
    }

    private static void CheckPath(ValidateOptionsResultBuilder builder, string key, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path[0] != '/' || path.Contains('?', StringComparison.Ordinal))
        {
            builder.AddError($"{HealthProbeConstants.SectionName}:{key} must be a path starting with '/' without a query (was '{path}').");
        }
    }
}
