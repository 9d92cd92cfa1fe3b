using Microsoft.Extensions.Options;

namespace MeshClient.Recovery;

/// <summary>
/// Validates <see cref="RecoveryRestartOptions"/>: DataAnnotations through a source-generated validator, then what
/// attributes cannot (the mode is defined). Every message names its <c>Mesh:Recovery:Restart:...</c> key.
/// </summary>
internal sealed partial class RecoveryRestartOptionsValidator : IValidateOptions<RecoveryRestartOptions>
{
    private const string Key = BuiltInActionConstants.RestartSectionName;
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, RecoveryRestartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var result = _generated.Validate(name, options);
        if (result.Failed && result.Failures is { } failures)
        {
            foreach (var failure in failures)
            {
                builder.AddError(failure.Replace(nameof(RecoveryRestartOptions) + ".", Key + ":", StringComparison.Ordinal));
            }
        }

        if (!Enum.IsDefined(options.Mode))
        {
            builder.AddError($"{Key}:Mode: '{options.Mode}' is not FailLiveness or StopHost.");
        }

        return builder.Build();
    }

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<RecoveryRestartOptions>;
}
