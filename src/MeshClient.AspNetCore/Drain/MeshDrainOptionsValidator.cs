using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Drain;

/// <summary>Validates <see cref="MeshDrainOptions"/>; every message names its key.</summary>
internal sealed class MeshDrainOptionsValidator : IValidateOptions<MeshDrainOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshDrainOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Delay < TimeSpan.Zero)
        {
            builder.AddError($"{DrainConstants.SectionName}:Delay must not be negative (was {options.Delay}).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            builder.AddError($"{DrainConstants.SectionName}:Timeout must be positive (was {options.Timeout}).");
        }
        else if (options.Delay > options.Timeout)
        {
            builder.AddError($"{DrainConstants.SectionName}:Delay ({options.Delay}) must not exceed {DrainConstants.SectionName}:Timeout ({options.Timeout}).");
        }

        return builder.Build();
    }
}
