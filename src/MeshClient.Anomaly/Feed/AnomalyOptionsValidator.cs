using Microsoft.Extensions.Options;

namespace MeshClient.Anomaly;

/// <summary>Source-generated DataAnnotations validation of <see cref="AnomalyOptions"/>; the messages name <c>Mesh:Anomaly:...</c> keys.</summary>
internal sealed partial class AnomalyOptionsValidator : IValidateOptions<AnomalyOptions>
{
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, AnomalyOptions options)
    {
        var result = _generated.Validate(name, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(static f => f.Replace(nameof(AnomalyOptions) + ".", AnomalyConstants.SectionName + ":", StringComparison.Ordinal)))
            : result;
    }

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<AnomalyOptions>;
}
