using Microsoft.Extensions.Options;

namespace MeshClient.AspNetCore.Inbound;

/// <summary>Validates <see cref="MeshInboundOptions"/>; every message names its key.</summary>
internal sealed class MeshInboundOptionsValidator : IValidateOptions<MeshInboundOptions>
{
    public ValidateOptionsResult Validate(string? name, MeshInboundOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var prefixes = options.ExcludedPathPrefixes ?? [];
        for (var i = 0; i < prefixes.Count; i++)
        {
            var prefix = prefixes[i];
            if (string.IsNullOrWhiteSpace(prefix) || prefix[0] != '/' || prefix.Contains('?', StringComparison.Ordinal))
            {
                builder.AddError($"{InboundConstants.SectionName}:ExcludedPathPrefixes:{i} must be a path starting with '/' without a query (was '{prefix}').");
            }
        }

        return builder.Build();
    }
}
