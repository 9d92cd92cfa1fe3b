using Microsoft.Extensions.Options;

namespace MeshClient.Prometheus;

/// <summary>Validates <see cref="MeshPrometheusOptions"/>; every message names its key.</summary>
internal sealed class MeshPrometheusOptionsValidator : IValidateOptions<MeshPrometheusOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshPrometheusOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Path) || options.Path[0] != '/')
        {
            builder.AddError($"{PrometheusConstants.SectionName}:Path must be a path starting with '/' (was '{options.Path}').");
        }

        if (options.MaxInstanceIds < 0)
        {
            builder.AddError($"{PrometheusConstants.SectionName}:MaxInstanceIds must not be negative (was {options.MaxInstanceIds}).");
        }

        return builder.Build();
    }
}
