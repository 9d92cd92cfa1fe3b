using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace MeshClient.Consul.Validation;

/// <summary>Source-generated DataAnnotations validation of <see cref="ConsulOptions"/>; its messages name configuration keys (<c>Mesh:Consul:WaitTime</c>).</summary>
internal sealed partial class ConsulOptionsValidator : IValidateOptions<ConsulOptions>
{
    private readonly Generated _generated = new();

    public ValidateOptionsResult Validate(string? name, ConsulOptions options)
    {
        var result = _generated.Validate(ConsulConstants.ConfigurationKey, options);
        return result.Failed && result.Failures is { } failures
            ? ValidateOptionsResult.Fail(failures.Select(static f => MemberPath().Replace(f, static m => m.Value.Replace('.', ':'))))
            : result;
    }

    [GeneratedRegex(@"Mesh:Consul(\.[A-Za-z][A-Za-z0-9]*)+")]
    private static partial Regex MemberPath();

    [OptionsValidator]
    private sealed partial class Generated : IValidateOptions<ConsulOptions>;
}
