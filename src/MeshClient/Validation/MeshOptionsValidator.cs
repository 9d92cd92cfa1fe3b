using Microsoft.Extensions.Options;

namespace MeshClient.Validation;

/// <summary>Source-generated DataAnnotations validation of <see cref="MeshOptions"/>; its messages name configuration keys.</summary>
internal sealed partial class MeshOptionsValidator : IValidateOptions<MeshOptions>
{
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, MeshOptions options)
        => ValidationKeys.ToConfigurationKeys(_generated.Validate(MeshConstants.SectionName, options), MeshConstants.SectionName);

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<MeshOptions>;
}
