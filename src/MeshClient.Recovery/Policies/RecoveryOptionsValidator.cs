using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>Source-generated DataAnnotations validation of <see cref="RecoveryOptions"/>; the messages name <c>Mesh:Recovery:...</c> keys.</summary>
internal sealed partial class RecoveryOptionsValidator : IValidateOptions<RecoveryOptions>
{
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, RecoveryOptions options)
    {
        var result = _generated.Validate(name, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(static f => f.Replace(nameof(RecoveryOptions) + ".", RecoveryConstants.SectionName + ":", StringComparison.Ordinal)))
            : result;
    }

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<RecoveryOptions>;
}
